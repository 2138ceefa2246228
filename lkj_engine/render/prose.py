"""Clerk text as Word paragraphs: always data, never template source.

A clerk types prose into Narasi and Analisis IKK cells. Here it becomes WordprocessingML that docxtpl
inserts verbatim (`{{p value }}`): a blank line starts a paragraph, a line starting with ``- `` is a
bullet in a real list style, any other newline is a line break. Characters XML cannot hold are
removed (with a warning naming the cell), everything else (``&``, ``<``, quotes, ``{{ }}``,
``{% %}``) prints exactly as typed: the text is escaped here and Jinja only ever sees it as a value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Iterable, Literal

from markupsafe import Markup

from lkj_engine.contract.problems import Problem, warning

# XML 1.0 forbids these; Word refuses a document containing them.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# docxtpl turns "{_{" "}_}" "{_%" "%_}" into tag delimiters after rendering; an entity keeps the
# underscore the clerk typed.
_DOCXTPL_MARKER = re.compile(r"(?<=[{}%])_(?=[{}%])")
_BULLET = re.compile(r"^\s*-\s+")

# Style ids of templates/lkjip_template.docx (python-docx derives them from the names).
BULLET_STYLE_ID = "ListBullet"


def clean(text: str, sheet: str | None = None, cell: str | None = None) -> tuple[str, list[Problem]]:
    """Normalise newlines and drop XML-illegal characters, reporting where they were."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = _ILLEGAL.findall(text)
    if not found:
        return text, []
    message = (
        f"{len(found)} karakter kontrol yang tidak dapat disimpan di Word dihapus dari teks ini; "
        "periksa apakah teksnya masih utuh."
    )
    return _ILLEGAL.sub("", text), [warning(sheet, cell, message, kode="karakter-kontrol-dihapus")]


def escape_xml(text: str) -> str:
    """Text → XML character data that survives docxtpl's post-processing unchanged."""
    return _DOCXTPL_MARKER.sub("&#95;", escape(_ILLEGAL.sub("", text), quote=False))


def inline(text: str) -> Markup:
    """Text for a plain ``{{ value }}`` inside a run (table cells, names).

    Newlines stay as they are: docxtpl turns them into line breaks within the run.
    """
    return Markup(escape_xml(text))


@dataclass(frozen=True)
class Block:
    """One paragraph of clerk text: its lines are joined by line breaks."""

    kind: Literal["paragraf", "butir"]
    lines: tuple[str, ...]


def blocks(text: str) -> list[Block]:
    """Split clerk text: blank line = new paragraph, ``- `` line = bullet, newline = line break."""
    result: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", text.strip("\n")):
        current: list[str] = []
        for line in chunk.split("\n"):
            if _BULLET.match(line):
                if current:
                    result.append(Block("paragraf", tuple(current)))
                    current = []
                result.append(Block("butir", (_BULLET.sub("", line, count=1).rstrip(),)))
            elif line.strip():
                current.append(line.strip())
        if current:
            result.append(Block("paragraf", tuple(current)))
    return result


def _run_xml(lines: Iterable[str]) -> str:
    parts: list[str] = []
    for i, line in enumerate(lines):
        if i:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape_xml(piece)}</w:t>')
    return "<w:r>" + "".join(parts) + "</w:r>"


class Prose:
    """Clerk text rendered as whole paragraphs, for ``{{p value }}`` in the template."""

    def __init__(self, text: str | None, style_id: str | None = None,
                 bullet_style_id: str = BULLET_STYLE_ID) -> None:
        self.blocks = blocks(text) if text else []
        self.style_id = style_id
        self.bullet_style_id = bullet_style_id

    def __bool__(self) -> bool:
        return bool(self.blocks)

    @property
    def text(self) -> str:
        """Plain text (paragraphs separated by blank lines), for checks and tests."""
        return "\n\n".join("\n".join(b.lines) for b in self.blocks)

    def _paragraph(self, block: Block) -> str:
        style = self.bullet_style_id if block.kind == "butir" else self.style_id
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        return f"<w:p>{ppr}{_run_xml(block.lines)}</w:p>"

    def __html__(self) -> str:
        return "".join(self._paragraph(b) for b in self.blocks)

    __str__ = __html__

    def __repr__(self) -> str:
        return f"Prose({self.text!r})"


def as_data(value: object) -> object:
    """Every plain string of a render context, escaped once (Markup), so no text reaches Jinja raw.

    Lists, tuples and dicts are walked; Markup, Prose, RichText and images are left as they are.
    """
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return inline(value)
    if isinstance(value, dict):
        return {k: as_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_data(v) for v in value]
    if isinstance(value, tuple):
        return tuple(as_data(v) for v in value)
    return value


class Strong(str):
    """A part of a Sentence printed in bold (key figures in summaries)."""


class Sentence:
    """A data-driven sentence as runs, for ``{{r value }}``: text escaped, key figures bold."""

    def __init__(self, *parts: str) -> None:
        self.parts = [p for p in parts if p]

    def __add__(self, other: "Sentence | str") -> "Sentence":
        extra = other.parts if isinstance(other, Sentence) else [other]
        return Sentence(*self.parts, *extra)

    def __bool__(self) -> bool:
        return bool(self.parts)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def __html__(self) -> str:
        runs = []
        for part in self.parts:
            rpr = "<w:rPr><w:b/></w:rPr>" if isinstance(part, Strong) else ""
            runs.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape_xml(part)}</w:t></w:r>')
        return "".join(runs)

    __str__ = __html__

    def __repr__(self) -> str:
        return f"Sentence({self.text!r})"
