"""A `chart_spec.ChartSpec` as a native Word chart: a DrawingML chart part with its data embedded.

python-pptx writes the chart XML (`ChartXmlWriter`) and the embedded workbook its data lives in
(so "Edit Data" works in Word); its chart object model styles it. python-docx has no chart API, so
the chart part and the inline drawing that shows it are added here, the way Word itself stores a
chart in a .docx: ``word/charts/chartN.xml`` related from the document, the workbook in
``word/embeddings/`` related from the chart, and a ``wp:inline`` holding ``c:chart r:id``.

`InlineChart` is what the render context holds: like docxtpl's InlineImage, printing it inside a
template tag adds the parts to the document being rendered and returns the drawing's XML.
"""
from __future__ import annotations

from functools import lru_cache

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.shared import Cm
from lxml import etree

from lkj_engine.contract.problems import Problem, warning
from lkj_engine.render.layout.ooxml import FIXED_TIME
from lkj_engine.render.chart_spec import FONT_PT, ChartSpec, Figure, Look

CHART_CT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
FONT = "Arial"  # the Word template's font
# grey levels (RGB hex) and hatching per look: the two series of a pair differ in both
FACES: dict[Look, str] = {"rencana": "FFFFFF", "realisasi": "666666", "tunggal": "9E9E9E"}
HATCHED: frozenset[Look] = frozenset({"rencana"})


def chart_xml(spec: ChartSpec) -> tuple[etree._Element, bytes]:
    """The chartSpace element of one chart and the xlsx blob of its data."""
    from pptx.chart.chart import Chart
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.oxml import parse_xml
    from pptx.util import Pt

    data = CategoryChartData(number_format="General")
    data.categories = list(spec.categories)
    for s in spec.series:
        data.add_series(s.name, [None if v is None else float(v) for v in s.values])
    kind = XL_CHART_TYPE.BAR_CLUSTERED if spec.horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
    space = parse_xml(ChartXmlWriter(kind, data).xml.encode("utf-8"))
    chart = Chart(space, None)
    chart.font.size = Pt(FONT_PT)
    chart.font.name = FONT
    _title(chart, spec.title)
    plot = chart.plots[0]
    plot.gap_width = 60 if len(spec.series) == 1 else 45
    plot.overlap = 0
    plot.vary_by_categories = False
    for series, s in zip(plot.series, spec.series):
        _look(series.format, s.look)
        for i, (look, label) in enumerate(zip(s.point_looks or (), s.labels)):
            _look(series.points[i].format, look)
        _labels(series, s.labels)
    _axes(chart, spec)
    chart.has_legend = spec.legend
    if spec.legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(FONT_PT)
    _plain_frame(space)
    return space, _workbook_writer()(data).xlsx_blob


@lru_cache(maxsize=None)
def _workbook_writer():
    """python-pptx's writer of the embedded workbook, with a fixed creation time: the same report
    gives the same bytes (xlsxwriter stamps the current time otherwise)."""
    from contextlib import contextmanager

    from pptx.chart.xlsx import CategoryWorkbookWriter
    from xlsxwriter import Workbook

    class Writer(CategoryWorkbookWriter):
        @contextmanager
        def _open_worksheet(self, xlsx_file):
            workbook = Workbook(xlsx_file, {"in_memory": True})
            workbook.set_properties({"created": FIXED_TIME})
            yield workbook, workbook.add_worksheet()
            workbook.close()

    return Writer


def _title(chart, title: str) -> None:
    from pptx.util import Pt

    chart.has_title = bool(title)
    if title:
        frame = chart.chart_title.text_frame
        frame.text = title
        font = frame.paragraphs[0].runs[0].font
        font.size, font.bold = Pt(FONT_PT), True


def _look(fmt_, look: Look) -> None:
    """Fill and outline of a series or a point: grey level, hatching for the plan series."""
    from pptx.dml.color import RGBColor
    from pptx.enum.dml import MSO_PATTERN_TYPE
    from pptx.util import Pt

    fill = fmt_.fill
    if look in HATCHED:
        fill.patterned()
        fill.pattern = MSO_PATTERN_TYPE.WIDE_UPWARD_DIAGONAL
        fill.fore_color.rgb = RGBColor(0, 0, 0)
        fill.back_color.rgb = RGBColor.from_string(FACES[look])
    else:
        fill.solid()
        fill.fore_color.rgb = RGBColor.from_string(FACES[look])
    fmt_.line.color.rgb = RGBColor(0, 0, 0)
    fmt_.line.width = Pt(0.75)


def _labels(series, labels: tuple[str, ...]) -> None:
    """The printed strings as the bars' labels, beyond each bar's end (none for a bar not drawn)."""
    from pptx.enum.chart import XL_LABEL_POSITION
    from pptx.util import Pt

    for i, text in enumerate(labels):
        if not text:
            continue
        label = series.points[i].data_label
        label.has_text_frame = True
        label.text_frame.text = text  # a new line starts a paragraph
        for paragraph in label.text_frame.paragraphs:
            paragraph.runs[0].font.size = Pt(FONT_PT)
        label.position = XL_LABEL_POSITION.OUTSIDE_END
        # a white box keeps the label legible where the 100 % gridline crosses it
        fill = label._get_or_add_dLbl().get_or_add_spPr()
        solid = etree.SubElement(fill, f"{{{A}}}solidFill")
        etree.SubElement(solid, f"{{{A}}}srgbClr", val="FFFFFF")


def _axes(chart, spec: ChartSpec) -> None:
    """Category axis without ticks (first category on top of a horizontal chart); the value axis
    hidden unless it carries the 100 % line; room beyond the longest bar for its label."""
    from pptx.enum.chart import XL_TICK_LABEL_POSITION, XL_TICK_MARK
    from pptx.util import Pt

    cat = chart.category_axis
    cat.major_tick_mark = XL_TICK_MARK.NONE
    cat.tick_label_position = XL_TICK_LABEL_POSITION.LOW
    cat.format.line.width = Pt(0.75)
    if spec.horizontal:
        cat.reverse_order = True
    value = chart.value_axis
    low, high = spec.value_range()
    value.minimum_scale, value.maximum_scale = float(low), float(high)
    value.has_major_gridlines = spec.value_axis == "persen"
    if spec.value_axis == "persen":
        value.major_unit = 100.0 if high <= 400 else None
        value.tick_labels.number_format = '0"%"'
        value.tick_labels.number_format_is_linked = False
        value.major_tick_mark = XL_TICK_MARK.NONE
        value.major_gridlines.format.line.width = Pt(0.75)
        value.format.line.fill.background()
    else:
        value.visible = False


def _plain_frame(space: etree._Element) -> None:
    """Square corners (Word rounds them when the element is absent) and no frame around the chart."""
    rounded = etree.Element(f"{{{C}}}roundedCorners", val="0")
    space.insert(1 if space[0].tag == f"{{{C}}}date1904" else 0, rounded)
    sppr = space.find(f"{{{C}}}spPr")
    if sppr is None:
        sppr = etree.Element(f"{{{C}}}spPr")
        space.find(f"{{{C}}}chart").addnext(sppr)
    ln = etree.SubElement(sppr, f"{{{A}}}ln")
    etree.SubElement(ln, f"{{{A}}}noFill")


def add_chart(part, spec: ChartSpec, ident: int) -> str:
    """Add the chart (and its workbook) to `part`'s package; the ``w:drawing`` that shows it."""
    space, xlsx = chart_xml(spec)
    package = part.package
    chart_part = Part(package.next_partname("/word/charts/chart%d.xml"), CHART_CT, b"", package)
    book = Part(package.next_partname("/word/embeddings/Microsoft_Excel_Worksheet%d.xlsx"), XLSX_CT, xlsx, package)
    space.get_or_add_externalData().rId = chart_part.relate_to(book, RT.PACKAGE)
    chart_part._blob = etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)
    rid = part.relate_to(chart_part, RT.CHART)
    return (
        '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{int(Cm(spec.width_cm))}" cy="{int(Cm(spec.height_cm))}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{ident}" name="Grafik"/><wp:cNvGraphicFramePr/>'
        '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<a:graphicData uri="{C}"><c:chart xmlns:c="{C}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        f'r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
    )


class InlineChart:
    """A figure's charts, placed side by side where they fit, printed from inside a template tag."""

    def __init__(self, tpl, figure: Figure, found: list[Problem]) -> None:
        self.tpl, self.figure, self.found = tpl, figure, found

    def _insert(self) -> str:
        """The charts' runs; a chart that cannot be written is left out with a warning (it must never
        cost the clerk the whole report)."""
        part = self.tpl.current_rendering_part
        runs = []
        for spec in self.figure.panels:
            # docPr ids count per document (docxtpl renumbers them after rendering)
            self.tpl.chart_ids = getattr(self.tpl, "chart_ids", 9000) + 1
            try:
                runs.append(f"<w:r>{add_chart(part, spec, self.tpl.chart_ids)}</w:r>")
            except Exception as exc:  # noqa: BLE001 - reported, the rest of the report goes on
                self.found.append(warning(None, None, f"Grafik \"{spec.title or spec.categories[:1]}\" tidak dapat "
                                          f"dibuat ({type(exc).__name__}: {exc}); laporan dibuat tanpa grafik itu.",
                                          kode="grafik-gagal"))
        return '</w:t></w:r>%s<w:r><w:t xml:space="preserve">' % "".join(runs)

    __str__ = __html__ = _insert
