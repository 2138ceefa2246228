"""Render the Word report: context → docxtpl template → numbered captions and filled contents lists.

The template (templates/lkjip_template.docx, built by templates/build_template.py) holds the layout
and the guideline's prose; `context.build_context` holds every figure as text. After docxtpl has
rendered, a short pass over the document numbers the captions per chapter (the SEQ fields' cached
results, so LibreOffice and PDF show them, and Word renumbers them anyway), and writes the cached
results of the table of contents and the lists of tables and figures, with bookmarks and PAGEREF
fields so page numbers appear wherever the fields are computed.

Speed: the template is compiled once per template file and kept on disk (`report_template`,
`template_cache`); every pass after docxtpl is linear in the document: the captions and headings
are found with one XPath query each instead of a Python look at every paragraph, and the table
widths are set while docxtpl's table pass walks the rows (`docx_tables`).
"""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
from docx.image.image import Image as DocxImage
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate, InlineImage
from PIL import Image, UnidentifiedImageError

from lkj_engine.assets import WORD_TEMPLATE
from lkj_engine.render.chart_spec import Figure
from lkj_engine.render.charts import make_charts
from lkj_engine.render.context import ImageRef, build_context
from lkj_engine.render.docx_chart import InlineChart
from lkj_engine.render.jajaran_charts import make_jajaran_charts
from lkj_engine.render.landscape import landscape_sections
from lkj_engine.contract.problems import Problem, warning
from lkj_engine.render.docx_tables import fix_table
from lkj_engine.render.prose import as_data
from lkj_engine.render.report_template import ReportTemplate
from lkj_engine.render.template_cache import CachingEnvironment
from lkj_engine.model.results import Results
from lkj_engine.reading.pictures import picture_source


# Largest box (cm) an image of each kind may fill; the text width of the template is 15.5 cm and its
# height 24.7 cm, of which a Lampiran page's caption takes one or two lines.
IMAGE_BOX = {"logo": (5.0, 5.0), "foto": (15.5, 20.0), "lampiran": (15.5, 21.5)}
FILL_BOX = ("lampiran",)  # scaled to their box whatever their resolution (a scanned page)
SCREEN_DPI = 96

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CAPTION_LABELS = ("Tabel", "Gambar", "Lampiran")  # SEQ names numbered after rendering
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
HEADING_STYLES = {"Heading1": 1, "Heading2": 2, "Heading3": 3}
TOC_STYLES = {1: "TOC1", 2: "TOC2", 3: "TOC3"}
FIGURE_STYLE = "TableofFigures"


def render_report(results: Results, problems: list[Problem], out_path: Path,
                  template: Path | None = None) -> list[Problem]:
    """Write the .docx report; return warnings the workbook checks could not know (text, images).

    `problems` are the checks' findings so far; a warning already among them is not repeated.
    """
    out_path = Path(out_path)
    template = Path(template) if template else WORD_TEMPLATE
    found: list[Problem] = []
    charts = {**make_charts(results), **make_jajaran_charts(results)}  # no jajaran charts without jajaran
    context = build_context(results, charts, found)
    tpl = ReportTemplate(str(template))
    context = _place_images(tpl, context, found)
    tpl.render(as_data(context), jinja_env=jinja_env(), autoescape=True)
    landscape_sections(tpl.docx)  # a Kanwil's wide jajaran tables; no-op without markers
    finish(tpl.docx)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tpl.save(str(out_path))
    # One message per cell: a missing image is already reported by the loader at the same cell.
    def key(p: Problem) -> tuple:
        return (p.sheet, p.cell) if p.cell else (p.sheet, p.cell, p.message)

    seen = {key(p) for p in problems}
    unique: list[Problem] = []
    for p in found:
        if key(p) not in seen:
            seen.add(key(p))
            unique.append(p)
    return unique


def jinja_env() -> jinja2.Environment:
    """The template's Jinja environment: a tag naming nothing in the context raises instead of
    printing an empty string, so a typo in the template or a key dropped from the context cannot
    slip into a report unnoticed."""
    return CachingEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


# ---------------------------------------------------------------- images

def _image_size(ref: ImageRef) -> tuple[Cm, Cm] | str:
    """Width and height that fit the image's box without enlarging it past its natural size."""
    try:
        with Image.open(ref.path) as im:
            w_px, h_px = im.size
            dpi = im.info.get("dpi", (SCREEN_DPI, SCREEN_DPI))[0] or SCREEN_DPI
            fmt = im.format
    except FileNotFoundError:
        return f"Berkas gambar {ref.path.name} tidak ditemukan; gambar tidak dicetak."
    except (UnidentifiedImageError, OSError) as exc:
        return f"Berkas {ref.path.name} tidak dapat dibaca sebagai gambar ({exc}); gambar tidak dicetak."
    if not w_px or not h_px:
        return f"Berkas gambar {ref.path.name} kosong; gambar tidak dicetak."
    if not _word_can_place(ref.path):
        return (f"Berkas {ref.path.name} (format {fmt or 'tak dikenal'}) tidak dapat dimasukkan ke Word; "
                "buka lalu simpan ulang sebagai PNG atau JPEG. Gambar tidak dicetak.")
    max_w, max_h = IMAGE_BOX.get(ref.kind, IMAGE_BOX["foto"])
    natural_w = w_px / float(dpi) * 2.54
    width = min(max_w, max_h * w_px / h_px)
    if ref.kind not in FILL_BOX:
        width = min(width, max(natural_w, 4.0))
    return Cm(width), Cm(width * h_px / w_px)


def _word_can_place(path: Path) -> bool:
    """Whether python-docx can embed the file: Pillow opens more (WebP, a JPEG without JFIF/Exif
    header) than python-docx recognises, and an unrecognised picture would fail the whole render."""
    try:
        DocxImage.from_file(str(path))
    except Exception:  # noqa: BLE001 - whatever python-docx cannot read here, it cannot place later
        return False
    return True


def _place_images(tpl: DocxTemplate, value: object, found: list[Problem]) -> object:
    """Replace each ImageRef by an InlineImage scaled to the page (a missing image is left out) and
    each chart Figure by its native Word charts."""
    if isinstance(value, Figure):
        return InlineChart(tpl, value, found)
    if isinstance(value, ImageRef):
        size = _image_size(value)
        if isinstance(size, str):
            found.append(warning(value.sheet, value.cell, size, kode="gambar-tidak-dicetak"))
            return None
        return InlineImage(tpl, picture_source(value.path), width=size[0], height=size[1])
    if isinstance(value, dict):
        return {k: _place_images(tpl, v, found) for k, v in value.items()}
    if isinstance(value, list):
        if all(v.__class__ is str for v in value):
            return value  # a row of text (a Data sheet has thousands): nothing to place
        placed = [_place_images(tpl, v, found) for v in value]
        # a figure whose image could not be placed disappears with its caption
        return [v for v, orig in zip(placed, value)
                if not (isinstance(orig, dict) and isinstance(orig.get("img"), ImageRef) and v["img"] is None)]
    return value


# ---------------------------------------------------------------- after rendering

def _style_id(p) -> str | None:
    ppr = p.find(W + "pPr")
    if ppr is None:
        return None
    st = ppr.find(W + "pStyle")
    return st.get(W + "val") if st is not None else None


def _text(p) -> str:
    parts = []
    for node in p.iter(W + "t", W + "tab", W + "br", W + "instrText"):
        if node.tag == W + "t":
            parts.append(node.text or "")
        elif node.tag in (W + "tab", W + "br"):
            parts.append(" ")
    return "".join(parts)


def _visible_text(p) -> str:
    """Text as displayed: field codes left out, cached results kept."""
    return re.sub(r"\s+", " ", _text(p)).strip()


def _chapter(heading_text: str) -> int | None:
    m = re.match(r"BAB\s+([IVX]+)\b", heading_text.strip())
    return ROMAN.get(m.group(1)) if m else None


def _field_runs(p):
    """(runs before the first field, instruction text, the cached-result runs) of a one-field paragraph."""
    before, result, instr = [], [], ""
    state = "before"
    for r in p.iter(W + "r"):
        fld = r.find(W + "fldChar")
        if fld is not None:
            kind = fld.get(W + "fldCharType")
            state = {"begin": "instr", "separate": "result", "end": "after"}[kind]
            continue
        it = r.find(W + "instrText")
        if it is not None:
            instr += it.text or ""
            continue
        if state == "before":
            before.append(r)
        elif state == "result":
            result.append(r)
    return before, instr, result


def _set_run_text(runs, text: str) -> None:
    first = True
    for r in runs:
        for t in r.findall(W + "t"):
            t.text = text if first else ""
            if first:
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            first = False
    if first and runs:  # no text element yet
        t = OxmlElement("w:t")
        t.text = text
        runs[0].append(t)


def _bookmark(p, name: str, ident: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    ppr = p.find(W + "pPr")
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def _run(text: str | None = None, child=None):
    r = OxmlElement("w:r")
    if child is not None:
        r.append(child)
    if text is not None:
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = text
        r.append(t)
    return r


def _styled(style: str):
    """An empty paragraph in a named style."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    pst = OxmlElement("w:pStyle")
    pst.set(qn("w:val"), style)
    ppr.append(pst)
    p.append(ppr)
    return p


def _entry(style: str, text: str, anchor: str):
    """One line of a contents list, linked to its bookmark.

    Page numbers are left to Word (the fields update when the file opens): a cached PAGEREF would
    print as it is in LibreOffice and PDF, so the cached line holds the text only.
    """
    p = _styled(style)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    link.append(_run(text))
    p.append(link)
    return p


def _plain(style: str, text: str):
    p = _styled(style)
    p.append(_run(text))
    return p


def _reset_sequence(instr_nodes) -> None:
    """``\\r 1`` on a chapter's first caption: Word restarts at Heading 1 (``\\s 1``), LibreOffice needs \\r."""
    node = instr_nodes[0]
    if not re.search(r"\\r\s*\d", node.text or ""):
        node.text = re.sub(r"(SEQ\s+\w+)", r"\1 \\r 1", node.text or "", count=1)


_HEADING_IDS = {"Heading1", "Heading2", "Heading3"}


def _paragraphs_of(nodes):
    """The paragraph holding each node, in document order, each paragraph once. Found with lxml's
    tag-filtered walk (`body.iter(tag)`, at C speed): an XPath predicate on every paragraph tested
    each paragraph of every table too, thousands in a long Data sheet."""
    seen: set = set()  # the elements themselves (kept alive, so no proxy is reused)
    for node in nodes:
        p = next(node.iterancestors(W + "p"), None)
        if p is not None and p not in seen:
            seen.add(p)
            yield p


def _own_style(st):
    """The paragraph a ``w:pStyle`` styles (``w:p/w:pPr/w:pStyle``; not a tracked change's old style)."""
    ppr = st.getparent()
    p = ppr.getparent() if ppr is not None and ppr.tag == W + "pPr" else None
    return p if p is not None and p.tag == W + "p" else None


def _paragraphs_styled(body, style_ids: set[str]):
    """The paragraphs whose own style is one of `style_ids`."""
    for st in body.iter(W + "pStyle"):
        if st.get(W + "val") in style_ids and (p := _own_style(st)) is not None:
            yield p


def _chapters_and_fields(body):
    """Chapter headings and paragraphs with a field, in document order."""
    nodes = (n for n in body.iter(W + "pStyle", W + "instrText")
             if n.tag == W + "instrText" or (n.get(W + "val") == "Heading1" and _own_style(n) is not None))
    return _paragraphs_of(nodes)


def number_captions(body) -> list[tuple[str, int | None, str, object]]:
    """Number every SEQ caption per chapter; returns (label, chapter, visible text, paragraph)."""
    chapter: int | None = None
    counters: dict[tuple[int | None, str], int] = {}
    captions = []
    for p in _chapters_and_fields(body):
        style = _style_id(p)
        if style == "Heading1":
            chapter = _chapter(_visible_text(p))
            continue
        instr_nodes = p.findall(f".//{W}instrText")
        instr = " ".join(n.text or "" for n in instr_nodes)
        m = re.search(r"SEQ\s+(\w+)", instr)
        if not m or m.group(1) not in CAPTION_LABELS:
            continue
        label = m.group(1)
        counters[(chapter, label)] = counters.get((chapter, label), 0) + 1
        before, _, result = _field_runs(p)
        if counters[(chapter, label)] == 1:
            _reset_sequence(instr_nodes)
        prefix = f"{label} {chapter}." if chapter is not None else f"{label} "
        _set_run_text(before, prefix)
        _set_run_text(result, str(counters[(chapter, label)]))
        captions.append((label, chapter, _visible_text(p), p))
    return captions


def _toc_fields(body):
    """(first paragraph, last paragraph, instruction) of every TOC field."""
    fields = []
    for p in _paragraphs_of(n for n in body.iter(W + "instrText") if "TOC" in (n.text or "")):
        instr = " ".join(n.text or "" for n in p.findall(f".//{W}instrText"))
        if not re.match(r"\s*TOC\b", instr):
            continue
        depth = 0
        for para in _paragraphs_from(p):
            for fld in para.iter(W + "fldChar"):
                kind = fld.get(W + "fldCharType")
                depth += {"begin": 1, "end": -1}.get(kind, 0)
            if depth == 0:
                fields.append((p, para, instr))
                break
    return fields


def _paragraphs_from(p):
    """The paragraphs from `p` on, in document order, as far as the caller reads (a field's end is a
    few paragraphs on, so this does not walk the rest of a long document)."""
    yield p
    node = p
    while node is not None:
        for sibling in node.itersiblings():
            if sibling.tag == W + "p":
                yield sibling
            else:
                yield from sibling.iter(W + "p")
        node = node.getparent()


def fill_contents(body, captions) -> None:
    """Cached results of the TOC fields: the headings and captions, linked to bookmarks."""
    headings = []
    for p in _paragraphs_styled(body, _HEADING_IDS):
        level = HEADING_STYLES.get(_style_id(p) or "")
        if level:
            text = _visible_text(p)
            if text:
                headings.append((level, text, p))
    ident = 900000
    anchors = {}
    for n, (_, _, p) in enumerate(headings, start=1):
        anchors[id(p)] = f"_Toc9{n:05d}"
        _bookmark(p, anchors[id(p)], ident := ident + 1)
    for n, (_, _, _, p) in enumerate(captions, start=1):
        anchors[id(p)] = f"_Ref9{n:05d}"
        _bookmark(p, anchors[id(p)], ident := ident + 1)

    for first, last, instr in _toc_fields(body):
        label = re.search(r'\\c\s+"?(\w+)"?', instr)
        if label:
            entries = [(FIGURE_STYLE, text, anchors[id(p)]) for lab, _, text, p in captions
                       if lab == label.group(1)]
            empty = f"Tidak ada {label.group(1).lower()} dalam laporan ini."
            style = FIGURE_STYLE
        else:
            entries = [(TOC_STYLES[level], text, anchors[id(p)]) for level, text, p in headings]
            empty = "Tidak ada judul bab."
            style = TOC_STYLES[1]
        # drop the old cached result (the paragraphs between begin and end)
        node = first.getnext()
        while node is not None and node is not last:
            following = node.getnext()
            node.getparent().remove(node)
            node = following
        anchor_point = first
        new = [_entry(s, t, a) for s, t, a in entries] or [_plain(style, empty)]
        for para in new:
            anchor_point.addnext(para)
            anchor_point = para
        _compact_field(first, last, new)


def _compact_field(first, last, new) -> None:
    """Move the field's begin into the first entry and its end into the last one.

    A paragraph holding only the field end would otherwise spill onto a page of its own when the
    list fills its page exactly.
    """
    start_runs = []
    for child in list(first):
        if child.tag != W + "r":
            continue
        start_runs.append(child)
        fld = child.find(W + "fldChar")
        if fld is not None and fld.get(W + "fldCharType") == "separate":
            break
    end_runs, seen_end = [], False
    for child in list(last):
        fld = child.find(W + "fldChar") if child.tag == W + "r" else None
        if fld is not None and fld.get(W + "fldCharType") == "end":
            seen_end = True
        if seen_end and child.tag == W + "r":
            end_runs.append(child)
    if not start_runs or not end_runs:
        return
    head = new[0]
    ppr = head.find(W + "pPr")
    position = list(head).index(ppr) + 1 if ppr is not None else 0
    for offset, run in enumerate(start_runs):
        head.insert(position + offset, run)
    for run in end_runs:
        new[-1].append(run)
    for para in (first, last):
        para.getparent().remove(para)


def fit_table_cells(body) -> None:
    """Every table's grid fitted to its rows and every cell as wide as its grid columns (docxtpl's
    column loops add cells to fixed tables). `ReportTemplate` does this while rendering; this is
    for a document rendered by plain docxtpl."""
    for tbl in body.iter(W + "tbl"):
        fix_table(tbl)


def finish(document) -> None:
    """Caption numbers and contents lists of a document rendered by `ReportTemplate` (which has
    already fitted the tables); a plain docxtpl render also needs `fit_table_cells`."""
    body = document.element.find(W + "body")
    captions = number_captions(body)
    fill_contents(body, captions)
    keep_lead_ins(body)


_INTRODUCED = {"Caption", "Gambar"}  # a table's caption (above it), a figure's picture (above its caption)


def keep_lead_ins(body) -> None:
    """A lead-in stays on the page of what it introduces: a paragraph that ends with ":" (a list or
    a table follows) and the paragraph just before a table caption or a figure keep with the next
    paragraph, so no page ends with "... sebagai berikut:" and its table starts the next one. Only
    the body's own paragraphs (a table cell's are never lead-ins); what follows may be a table too."""
    children = list(body.iterchildren())
    for p, following in zip(children, children[1:]):
        if p.tag != W + "p" or following.tag not in (W + "p", W + "tbl") or (_style_id(p) or "").startswith("Heading"):
            continue
        text = _visible_text(p)
        introduces = following.tag == W + "p" and _style_id(following) in _INTRODUCED
        if text and (text.endswith(":") or introduces):
            Paragraph(p, None).paragraph_format.keep_with_next = True
