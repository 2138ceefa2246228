"""The tags of a Word template, and whether a Kanwil's restyled copy holds exactly the report's tags.

A Kanwil may restyle the committed template in Word (fonts, colours, a logo) and render with it
(``--templat-word`` or Identitas "Templat Word"). The renderer only relies on the tags, so a copy is
compared with the committed template before any work: a tag the report prints that the copy lost
would leave a hole in every report, and a tag the report does not know would fail the render (or,
since a template is code, run something it should not). Tags are compared as docxtpl renders them
(after `patch_xml`, which joins a tag Word split over several runs), whitespace normalised, in every
part docxtpl renders: the body, headers, footers, footnotes and the document properties.

`template_paths` lists the context paths the tags read (``satker.nama``, ``sasaran[].ikk[].capaian``);
tests/test_template_tags.py checks them against the render context.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import nodes

from lkj_engine.assets import WORD_TEMPLATE
from lkj_engine.contract.problems import Problem, error

Path_ = tuple[str, ...]
EACH = "[]"  # a path step meaning "every element of the list"
JINJA_BUILTINS = {"loop"}
_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)  # comments ({# #}) never run: not compared
# docxtpl renders these document properties as templates too
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
LISTED = 12  # tags named in a refusal; the rest are counted

_known: dict[str, frozenset[str]] = {}  # a template file's SHA-256 -> its tags


def template_sources(template: Path) -> list[str]:
    """The Jinja source docxtpl renders: body, headers, footers and footnotes after patch_xml, and
    the document properties."""
    tpl = DocxTemplate(str(template))
    tpl.init_docx()
    sources = [tpl.patch_xml(tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _, part in tpl.get_headers_footers(uri):
            sources.append(tpl.patch_xml(tpl.get_part_xml(part)))
    for part in tpl.docx.part.package.parts:
        if part.content_type == FOOTNOTES:
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            sources.append(tpl.patch_xml(blob))
    sources += [getattr(tpl.docx.core_properties, name) or "" for name in PROPERTIES]
    return sources


def template_tags(template: Path) -> frozenset[str]:
    """Every tag of the template's sources, whitespace normalised (``{{ satker.nama }}``)."""
    return frozenset(" ".join(tag.split()) for src in template_sources(template) for tag in _TAG.findall(src))


# ---------------------------------------------------------------- the context paths the tags read

def _chain(node: nodes.Node, scope: dict[str, Path_]) -> Path_ | None:
    """The context path of a Name/Getattr/Getitem chain, loop variables resolved; None if local."""
    if isinstance(node, nodes.Name):
        if node.name in JINJA_BUILTINS:
            return None
        return scope.get(node.name, (node.name,))
    if isinstance(node, nodes.Getattr):
        base = _chain(node.node, scope)
        return base + (node.attr,) if base is not None else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        base = _chain(node.node, scope)
        return base + (node.arg.value,) if base is not None else None
    return None


def _walk(node: nodes.Node, scope: dict[str, Path_], found: set[Path_]) -> None:
    if isinstance(node, nodes.For):
        _walk(node.iter, scope, found)
        inner = dict(scope)
        source = _chain(node.iter, scope)
        if not isinstance(node.target, nodes.Name):
            raise ValueError(f"loop target not a name: {node.target}")
        inner[node.target.name] = (source + (EACH,)) if source else ("<local>",)
        for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
            _walk(child, inner, found)
        return
    if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
        path = _chain(node, scope)
        if path is not None and path[0] != "<local>":
            found.add(path)
            return
    for child in node.iter_child_nodes():
        _walk(child, scope, found)


def template_paths(template: Path = WORD_TEMPLATE) -> set[Path_]:
    """Every full variable path the template reads (longest chains only, e.g. satker.nama)."""
    env = jinja2.Environment()
    found: set[Path_] = set()
    for src in template_sources(template):
        _walk(env.parse(src), {}, found)
    return found


# ---------------------------------------------------------------- a Kanwil's copy

def _tags_of(path: Path) -> frozenset[str]:
    """The template's tags, computed once per file content; raises jinja2/zip/OS errors."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest not in _known:
        env = jinja2.Environment()
        for src in template_sources(path):
            env.parse(src)  # a broken tag structure (an endif deleted) is found here, not mid-render
        _known[digest] = template_tags(path)
    return _known[digest]


def _listed(tags: list[str]) -> str:
    shown = ", ".join(tags[:LISTED])
    return shown + (f" dan {len(tags) - LISTED} lainnya" if len(tags) > LISTED else "")


def word_template_problems(path: Path, sheet: str | None = None, cell: str | None = None) -> list[Problem]:
    """Why the Word template at `path` cannot render the report (empty when it can). A problem is
    reported at `sheet`/`cell` (the Identitas field naming the file) or, for a command-line option,
    at the file itself."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        return [error(sheet, cell, f"templat Word {name} tidak ditemukan; periksa nama dan foldernya "
                                   "(nama relatif dihitung dari folder workbook)", kode="templat-word-tidak-ada")]
    try:
        tags = _tags_of(path)
    except jinja2.TemplateSyntaxError as exc:
        return [error(sheet, cell, f"templat Word {name}: tag rusak ({exc.message}, baris XML {exc.lineno}); "
                                   "salin ulang bagian itu dari templates/lkjip_template.docx",
                      kode="templat-word-rusak")]
    except Exception as exc:  # noqa: BLE001 - not a .docx, damaged zip, unreadable: all say the same
        return [error(sheet, cell, f"templat Word {name} tidak dapat dibaca sebagai dokumen Word "
                                   f"({type(exc).__name__}: {exc}); simpan ulang dari Word sebagai .docx",
                      kode="templat-word-rusak")]
    reference = _tags_of(WORD_TEMPLATE)
    missing, unknown = sorted(reference - tags), sorted(tags - reference)
    if not missing and not unknown:
        return []
    parts = []
    if missing:
        parts.append(f"{len(missing)} tag laporan tidak ada: {_listed(missing)}")
    if unknown:
        parts.append(f"{len(unknown)} tag tidak dikenal: {_listed(unknown)}")
    return [error(sheet, cell, f"templat Word {name} tidak cocok dengan templat laporan ({'; '.join(parts)}). "
                               "Ubah hanya gaya, huruf, warna dan logo di salinan templates/lkjip_template.docx; "
                               "salin ulang atau hapus tag yang disebut.", kode="templat-word-tidak-cocok")]

