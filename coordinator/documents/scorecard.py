"""The scorecard (styrkort): page one is the summary a headteacher reads in two minutes; then grades and charts."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlalchemy.orm import Session

from coordinator.documents.charts import hbar_chart
from coordinator.documents.fonts import BOLD, REGULAR
from coordinator.documents.gender import encounter_chart, pupils_table, rates_table
from coordinator.documents.job import Document, Job
from coordinator.documents.page import HEAD_FILL, PORTRAIT_WIDTH, RULE, data_table, esc, styles
from coordinator.documents.scope import Scope
from coordinator.formatting import format_percent, format_school_year
from coordinator.i18n import N_, _
from coordinator.stats import suppress
from coordinator.stats.display import format_indicator_value, format_target

# A symbol beside the colour so the status reads on a black-and-white printout too.
SYMBOLS = {"green": "✓", "amber": "!", "red": "✗", "none": "–"}
FILLS = {"green": colors.HexColor("#bbf7d0"), "amber": colors.HexColor("#fde68a"),
         "red": colors.HexColor("#fecaca"), "none": colors.white}
_WORDS = {"green": N_("On target"), "amber": N_("Near target"), "red": N_("Off target"),
          "none": N_("No target or value")}


def status_text(status: str) -> str:
    return f"{SYMBOLS.get(status, '–')} {_(_WORDS.get(status, _WORDS['none']))}"


def _summary(lines) -> Table:
    st = styles()
    counts = {key: sum(1 for line in lines if line.status == key) for key in ("green", "amber", "red", "none")}
    big = ParagraphStyle("summary_big", parent=st.cell_head, fontName=BOLD, fontSize=18, leading=22)
    cells = [[Paragraph(f"{SYMBOLS[key]} {counts[key]}", big), Paragraph(esc(_(_WORDS[key])), st.cell)]
             for key in counts]
    table = Table([cells], colWidths=[PORTRAIT_WIDTH / 4] * 4)
    commands = [("BOX", (i, 0), (i, 0), 0.8, RULE) for i in range(4)]
    commands += [("BACKGROUND", (i, 0), (i, 0), FILLS[key]) for i, key in enumerate(counts)]
    commands += [("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                 ("LEFTPADDING", (0, 0), (-1, -1), 8)]
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands]))
    return table


def _indicator_table(card) -> Table:
    st = styles()
    header = [_("Indicator"), _("Target"), _("This year"), _("Last year"), _("Status")]
    rows: list[list[object]] = []
    extra: list[tuple] = []
    perspective = None
    for line in card.lines:
        if line.perspective != perspective:
            perspective = line.perspective
            rows.append([Paragraph(esc(line.perspective_label), st.cell_head), "", "", "", ""])
            row = len(rows)
            extra += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), HEAD_FILL)]
        rows.append([line.name, format_target(line.unit, line.direction, line.target),
                     format_indicator_value(line.unit, line.value), format_indicator_value(line.unit, line.last_year),
                     status_text(line.status)])
        row = len(rows)
        extra.append(("BACKGROUND", (4, row), (4, row), FILLS.get(line.status, colors.white)))
    return data_table(header, rows, [0.42, 0.12, 0.12, 0.12, 0.22], numeric=(1, 2, 3), zebra=False, extra=extra)


def _trend_chart(card):
    lines = [line for line in card.lines if line.unit == "percent" and (line.value is not None
                                                                         or line.last_year is not None)]
    if not lines:
        return None
    series = [(_("This year"), [line.value for line in lines], colors.HexColor("#1d4ed8")),
              (_("Last year"), [line.last_year for line in lines], colors.HexColor("#9aa5b1"))]
    return hbar_chart(_("This year and last year"), [line.name for line in lines], series, width=PORTRAIT_WIDTH,
                      value_max=1.0, label=lambda v: format_percent(v), label_width=190)


def build(session: Session, scope: Scope, job: Job) -> Document:
    card = job.figures.scorecard(session, year=scope.year, school=scope.school_name)
    job.check()
    stats = suppress(job.figures.gender_statistics(session, year=scope.year, school=scope.school_name))
    st = styles()
    where = scope.school_name or scope.municipality
    story: list = [Paragraph(esc(_("Scorecard: {scope}").format(scope=where)), st.title)]
    if card.last_year_label:
        story.append(Paragraph(esc(_("School year {year}, compared with {last}").format(
            year=format_school_year(card.year), last=format_school_year(card.last_year_label))), st.body))
    else:
        story.append(Paragraph(esc(_("School year {year}").format(year=format_school_year(card.year))), st.body))
    story += [Spacer(1, 4), _summary(card.lines), Spacer(1, 8), _indicator_table(card),
              Paragraph(esc(_("✓ on target · ! within the amber band of the target · ✗ off target · – no target "
                              "or no value yet")), st.small),
              job.mark(1, 2), PageBreak(),
              Paragraph(esc(_("Pupils by grade")), st.h2), pupils_table(stats),
              Paragraph(esc(_("Pupils with a working-life encounter")), st.h2), rates_table(stats),
              Paragraph(esc(_("Counts from 1 to 4 are shown as “<5”; a share is not shown when fewer than 5 pupils "
                              "are behind it or when a count from 1 to 4 could be worked out from it.")), st.small),
              Spacer(1, 6), encounter_chart(stats)]
    trend = _trend_chart(card)
    if trend is not None:
        story += [Spacer(1, 10), trend]
    story.append(job.mark(2, 2))
    return Document(title=_("Scorecard"), story=story)
