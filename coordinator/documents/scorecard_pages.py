"""The scorecard's explaining pages: a small trend chart per indicator, and every indicator defined."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from coordinator.documents.fonts import BOLD, REGULAR, register_fonts
from coordinator.documents.page import INK, MUTED, PORTRAIT_WIDTH, RULE, esc, styles
from coordinator.formatting import format_school_year
from coordinator.i18n import _
from coordinator.stats.definitions import definition
from coordinator.stats.display import format_indicator_value, shown_value

BAR = colors.HexColor("#1d4ed8")
EARLIER = colors.HexColor("#9aa5b1")
COLUMNS = 3


def _title_lines(text: str, width: float, size: float, most: int = 2) -> list[str]:
    """The words of a title in at most `most` lines of `width`; the last one cut with "…" if need be."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", BOLD, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most - 1] + [" ".join(lines[most - 1:])]
    last = lines[-1] if lines else ""
    while last and stringWidth(last, BOLD, size) > width:
        last = last[:-2] + "…"
    return lines[:-1] + [last]


def trend_chart(name: str, unit: str, labels: Sequence[str], values: Sequence[float | None], *,
                width: float, height: float = 100) -> Drawing:
    """Bars for up to five years, the latest in colour, each with its value above and its year below."""
    register_fonts()
    drawing = Drawing(width, height, initialFontName=REGULAR, initialFontSize=7)
    for row, line in enumerate(_title_lines(name, width, 7.5)):
        drawing.add(String(0, height - 9 - 9 * row, line, fontName=BOLD, fontSize=7.5, fillColor=INK))
    top = max([abs(v) for v in values if v is not None] + ([1.0] if unit == "percent" else [0.0]))
    base, room = 14, height - 46
    slot = width / max(len(labels), 1)
    drawing.add(Line(0, base, width, base, strokeColor=RULE, strokeWidth=0.5))
    for index, (label, value) in enumerate(zip(labels, values)):
        x = index * slot + slot * 0.2
        shown = shown_value(unit, value)
        bar = 0.0 if not shown or not top else room * abs(shown) / top
        colour = BAR if index == len(labels) - 1 else EARLIER
        if bar:
            drawing.add(Rect(x, base, slot * 0.6, bar, fillColor=colour, strokeColor=None))
        drawing.add(String(x + slot * 0.3, base + bar + 2, format_indicator_value(unit, value), fontName=REGULAR,
                           fontSize=6.5, fillColor=INK, textAnchor="middle"))
        drawing.add(String(x + slot * 0.3, base - 9, format_school_year(label), fontName=REGULAR, fontSize=6.5, fillColor=MUTED,
                           textAnchor="middle"))
    return drawing


def trend_story(card, labels: list[str], series: dict[int, list[float | None]]) -> list:
    """The trends page: a title, a sentence on what the bars show, and the charts three to a row."""
    st = styles()
    story: list = [Paragraph(esc(_("Trends")), st.h2), Paragraph(esc(_(
        "Each indicator in the school years held, up to five; the latest year in colour. A year with no bar "
        "has no value (–).")), st.small), Spacer(1, 6)]
    width = PORTRAIT_WIDTH / COLUMNS
    charts = [trend_chart(line.name, line.unit, labels, series.get(line.indicator_id, [None] * len(labels)),
                          width=width - 10) for line in card.lines]
    rows = [charts[i:i + COLUMNS] + [""] * (COLUMNS - len(charts[i:i + COLUMNS]))
            for i in range(0, len(charts), COLUMNS)]
    if rows:
        table = Table(rows, colWidths=[width] * COLUMNS)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story.append(table)
    return story


def definitions_story(card) -> list:
    """The definitions page: for each indicator, what it is, how it is counted, from what, and why."""
    st = styles()
    story: list = [Paragraph(esc(_("What the indicators mean")), st.h2),
                   Paragraph(esc(rounding_rule()), st.small), Spacer(1, 6)]
    heads = (_("What it is"), _("How it is counted"), _("Source data"), _("Why it matters"))
    for line in card.lines:
        meaning = definition(None if line.manual else line.key)
        texts = (meaning.sentence, meaning.formula, meaning.data, meaning.why)
        rows = [[Paragraph(esc(head), st.cell_head), Paragraph(esc(text), st.cell)] for head, text in zip(heads, texts)]
        table = Table(rows, colWidths=[0.22 * PORTRAIT_WIDTH, 0.78 * PORTRAIT_WIDTH])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                   ("LINEBELOW", (0, -1), (-1, -1), 0.25, RULE)]))
        story.append(KeepTogether([Paragraph(esc(line.name), st.h3), table, Spacer(1, 4)]))
    return story


def rounding_rule() -> str:
    return _("Rounding: shares are shown in whole per cent, ratios with two decimals, scores and counts with one "
             "decimal, halves rounded up; the status is judged on the figure as shown, so 30 % meets a target of "
             "≥ 30 %.")
