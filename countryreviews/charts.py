"""Horizontal bar charts computed on the server and drawn as inline SVG by templates/countryreviews/_bar_chart.html.

No JavaScript: the geometry is computed here, the template only places rectangles and labels. Every
chart also carries a text description and the table of its numbers, for screen readers and print.
A hidden small number (countryreviews/disclosure.py) is never drawn to scale: "fewer than 5" is an outlined,
hatched bar of one fixed length, "not shown" no bar at all, and neither counts towards the scale.
"""

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# Colour-blind-safe palette (Okabe–Ito), starting with the portal's accent colour.
PALETTE = ["#0b5d6b", "#d55e00", "#0072b2", "#cc79a7", "#009e73", "#e69f00"]

LABEL_WIDTH = 150
VALUE_WIDTH = 70
BAR_HEIGHT = 18
BAR_GAP = 4
GROUP_GAP = 14
TOP = 10
SMALL_BAR_WIDTH = 12  # every "fewer than 5" bar, whatever the scale


@dataclass
class Bar:
    series: str
    value: int | None
    illustrative: bool
    color: str
    y: float
    width: float = 0
    text_x: float = 0
    hidden_text: str = ""  # "fewer than 5" or "not shown" in place of a hidden value
    small: bool = False  # drawn as the fixed-length outlined bar

    @property
    def text(self) -> str:
        if self.hidden_text:
            return self.hidden_text
        if self.value is None:
            return _("no data")
        return number_format(self.value, force_grouping=True) + ("*" if self.illustrative else "")


@dataclass
class Group:
    label: str
    y: float
    label_y: float
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Chart:
    slug: str
    title: str
    series: list[tuple[str, str]]
    groups: list[Group]
    width: int
    height: int
    plot_width: int
    label_width: int = LABEL_WIDTH

    @property
    def description(self) -> str:
        """The whole chart as one sentence, for the SVG <desc>."""
        parts = []
        for group in self.groups:
            values = ", ".join(f"{bar.series} {bar.text}" if len(self.series) > 1 else bar.text for bar in group.bars)
            parts.append(f"{group.label}: {values}")
        return "; ".join(parts) + "."

    @property
    def has_illustrative(self) -> bool:
        return any(bar.illustrative for group in self.groups for bar in group.bars)

    @property
    def has_small(self) -> bool:
        return any(bar.small for group in self.groups for bar in group.bars)

    @property
    def columns(self):
        """Rows of the data table: (group label, [bar text per series])."""
        return [(group.label, [bar.text for bar in group.bars]) for group in self.groups]


def _cell(cell) -> tuple:
    """(value or None, illustrative, hidden text, small) of a (value, illustrative) pair, a DisclosedValue or None."""
    if cell is None:
        return None, False, "", False
    if isinstance(cell, tuple):
        return cell[0], cell[1], "", False
    if cell.hidden and not cell.preview:
        return None, cell.illustrative, cell.text, cell.small
    return cell.value, cell.illustrative, "", False


def bar_chart(slug: str, title: str, series: list[str], rows: list[tuple[str, list]], width: int = 640) -> Chart:
    """rows: (category label, one cell per series: a DisclosedValue, None, or a (value or None, illustrative) pair)."""
    rows = [(label, [_cell(cell) for cell in cells]) for label, cells in rows]
    values = [cell[0] for _label, cells in rows for cell in cells if cell[0] is not None]
    top_value = max(values, default=0) or 1
    plot_width = width - LABEL_WIDTH - VALUE_WIDTH
    colors = [(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(series)]
    groups = []
    y = TOP
    for label, cells in rows:
        group_height = len(series) * BAR_HEIGHT + (len(series) - 1) * BAR_GAP
        group = Group(label=label, y=y, label_y=y + group_height / 2)
        for index, (value, illustrative, hidden, small) in enumerate(cells):
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            bar_width = 0 if value is None else round(plot_width * value / top_value, 1)
            if value:
                bar_width = max(bar_width, 1)
            if small:
                bar_width = SMALL_BAR_WIDTH
            group.bars.append(
                Bar(
                    series[index],
                    value,
                    illustrative,
                    colors[index][1],
                    bar_y,
                    bar_width,
                    LABEL_WIDTH + bar_width + 6,
                    hidden_text=hidden,
                    small=small,
                )
            )
        groups.append(group)
        y += group_height + GROUP_GAP
    return Chart(
        slug=slug,
        title=title,
        series=colors,
        groups=groups,
        width=width,
        height=round(y - GROUP_GAP + TOP),
        plot_width=plot_width,
    )
