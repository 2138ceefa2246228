"""Fixed margins for the report's charts, measured once from their texts, so each figure is drawn once.

Matplotlib's constrained layout finds the same margins by laying every figure out twice and then
`savefig` draws it again; that was most of a report's chart time. Here the room each axes needs
beyond its own box (tick labels, axis labels, its title, annotations sticking out, the figure
legend) is measured with the renderer that will draw the figure (text layouts are cached, so the
draw reuses the measurement), and the grid is placed with `subplots_adjust`. Every offset measured is
in points from the axes' edges, so it does not depend on where the axes sits: one pass is exact.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.legend import Legend

# Padding in inches, as the constrained layout had it: around the figure and around each panel.
W_PAD = 0.04
H_PAD = 0.06
H_GAP = 0.06  # between stacked panels, beyond what their texts need


def fix_layout(fig: Figure, legend: Legend | None = None) -> None:
    """Place the figure's grid of axes so no text leaves the figure or overlaps its neighbour.

    `legend` is a figure legend to put at the top right, above the first row of panels.
    """
    axes = [ax for ax in fig.axes if ax.get_visible()]
    if not axes:
        return
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    width, height = fig.bbox.width, fig.bbox.height
    gs = axes[0].get_subplotspec().get_gridspec()
    nrows, ncols = gs.get_geometry()

    # room needed on each side of every axes, in pixels, by grid row and column
    left = [0.0] * ncols
    right = [0.0] * ncols
    top = [0.0] * nrows
    bottom = [0.0] * nrows
    for ax in axes:
        need = _needs(ax, renderer)
        spec = ax.get_subplotspec()
        for r in range(spec.rowspan.start, spec.rowspan.stop):
            top[r] = max(top[r], need[2] if r == spec.rowspan.start else 0.0)
            bottom[r] = max(bottom[r], need[3] if r == spec.rowspan.stop - 1 else 0.0)
        for c in range(spec.colspan.start, spec.colspan.stop):
            left[c] = max(left[c], need[0] if c == spec.colspan.start else 0.0)
            right[c] = max(right[c], need[1] if c == spec.colspan.stop - 1 else 0.0)

    w_pad, h_pad = W_PAD * dpi, H_PAD * dpi
    legend_h = 0.0
    if legend is not None:
        legend.set_bbox_to_anchor((1 - w_pad / width, 1 - h_pad / height), transform=fig.transFigure)
        legend_h = legend.get_window_extent(renderer).height + h_pad
    # gaps between columns and rows: what both neighbours need, plus a pad on each side
    col_gap = max((right[c] + left[c + 1] for c in range(ncols - 1)), default=0.0) + 2 * w_pad
    row_gap = max((bottom[r] + top[r + 1] for r in range(nrows - 1)), default=0.0) + 2 * h_pad + H_GAP * dpi
    x0 = left[0] + w_pad
    x1 = width - right[-1] - w_pad
    y0 = bottom[-1] + h_pad
    y1 = height - top[0] - h_pad - legend_h
    axes_w = (x1 - x0 - (ncols - 1) * col_gap) / ncols
    axes_h = (y1 - y0 - (nrows - 1) * row_gap) / nrows
    if axes_w <= 0 or axes_h <= 0:
        raise ValueError("teks grafik tidak muat di ukuran gambar")
    fig.subplots_adjust(left=x0 / width, right=x1 / width, bottom=y0 / height, top=y1 / height,
                        wspace=col_gap / axes_w if ncols > 1 else 0.0,
                        hspace=row_gap / axes_h if nrows > 1 else 0.0)


def _needs(ax: Axes, renderer) -> tuple[float, float, float, float]:
    """Pixels (left, right, top, bottom) the axes' texts reach beyond its box."""
    box = ax.bbox
    need = [0.0, 0.0, 0.0, 0.0]

    def reach(extent) -> None:
        if extent is None or extent.width == 0 and extent.height == 0:
            return
        need[0] = max(need[0], box.x0 - extent.x0)
        need[1] = max(need[1], extent.x1 - box.x1)
        need[2] = max(need[2], extent.y1 - box.y1)
        need[3] = max(need[3], box.y0 - extent.y0)

    for axis in (ax.xaxis, ax.yaxis):
        if axis.get_visible():
            reach(axis.get_tightbbox(renderer))
    for title in (ax.title, ax._left_title, ax._right_title):
        if title.get_text():
            # drawn `pad` points above the axes (placed at draw time, so measured as pad + height)
            pad = ax.titleOffsetTrans.transform((0, 0))[1]
            need[2] = max(need[2], pad + title.get_window_extent(renderer).height)
    for text in ax.texts:
        if text.get_visible() and text.get_text():
            reach(text.get_window_extent(renderer))
    return need[0], need[1], need[2], need[3]
