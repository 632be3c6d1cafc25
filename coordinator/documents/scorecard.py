"""The scorecard (styrkort): page one is the summary a headteacher reads in two minutes, dated and marked
partial while its year runs; then grades and charts, each indicator's trend, and what each one means.

The pages are laid out from a ScorecardSheet (coordinator.documents.scorecard_sheet) alone, so this module
loads no database layer: a sheet kept from an earlier run is printed without one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, PageBreak, Paragraph, Spacer, Table, TableStyle

from coordinator.documents.charts import hbar_chart
from coordinator.documents.fonts import BOLD, REGULAR
from coordinator.documents.gender import encounter_chart, pupils_table, rates_table
from coordinator.documents.job import Document, Job
from coordinator.documents.page import HEAD_FILL, PORTRAIT_WIDTH, RULE, PageInfo, data_table, esc, styles
from coordinator.documents.scorecard_pages import definitions_story, rounding_rule, trend_story
from coordinator.documents.scorecard_sheet import ScorecardSheet, gather
from coordinator.formatting import format_date, format_percent, format_school_year
from coordinator.i18n import N_, _, use_language
from coordinator.stats.display import format_indicator_value, format_target

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coordinator.documents.scope import Scope

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


def _year_heads(card) -> tuple[str, str]:
    """The value columns' heads: a year in progress says "so far", and last year that it is whole."""
    this, last = format_school_year(card.year), format_school_year(card.last_year_label or "")
    if not card.in_progress:
        return this, last or _("Last year")
    return _("{year} so far").format(year=this), (_("{year}, whole year").format(year=last) if last
                                                  else _("Last year"))


def _indicator_table(card, same_date: dict[str, float | None] | None, until: str) -> Table:
    """Indicators by perspective; for a year in progress, last year to the same day beside its whole year."""
    st = styles()
    this, last = _year_heads(card)
    middle = [_("{year} to {date}").format(year=format_school_year(card.last_year_label or ""), date=until)] \
        if same_date is not None else []
    header = [_("Indicator"), _("Target"), this, *middle, last, _("Status")]
    status_column = len(header) - 1
    rows: list[list[object]] = []
    extra: list[tuple] = []
    perspective = None
    for line in card.lines:
        if line.perspective != perspective:
            perspective = line.perspective
            rows.append([Paragraph(esc(line.perspective_label), st.cell_head)] + [""] * status_column)
            row = len(rows)
            extra += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), HEAD_FILL)]
        same = [] if same_date is None else [
            format_indicator_value(line.unit, same_date[line.key]) if line.key in same_date and not line.manual
            else ""]
        rows.append([line.name, format_target(line.unit, line.direction, line.target),
                     format_indicator_value(line.unit, line.value), *same,
                     format_indicator_value(line.unit, line.last_year), status_text(line.status)])
        row = len(rows)
        extra.append(("BACKGROUND", (status_column, row), (status_column, row), FILLS.get(line.status, colors.white)))
    widths = [0.42, 0.12, 0.12, 0.12, 0.22] if same_date is None else [0.29, 0.10, 0.13, 0.13, 0.13, 0.22]
    return data_table(header, rows, widths, numeric=tuple(range(1, status_column)), zebra=False, extra=extra)


def _trend_chart(card):
    lines = [line for line in card.lines if line.unit == "percent" and (line.value is not None
                                                                         or line.last_year is not None)]
    if not lines:
        return None
    this, last = _year_heads(card)
    series = [(this, [line.value for line in lines], colors.HexColor("#1d4ed8")),
              (last, [line.last_year for line in lines], colors.HexColor("#9aa5b1"))]
    return hbar_chart(_("This year and last year"), [line.name for line in lines], series, width=PORTRAIT_WIDTH,
                      value_max=1.0, label=lambda v: format_percent(v), label_width=190)


def _dating(card) -> list:
    """The card's date, and for a year in progress a plain warning that last year's figures are whole."""
    st = styles()
    as_of = dt.date.fromisoformat(card.as_of) if card.as_of else dt.date.today()
    year = format_school_year(card.year)
    if card.last_year_label:
        line = _("School year {year}, compared with {last}; as of {date}").format(
            year=year, last=format_school_year(card.last_year_label), date=format_date(as_of, "long"))
    else:
        line = _("School year {year}; as of {date}").format(year=year, date=format_date(as_of, "long"))
    story: list = [Paragraph(esc(line), st.body)]
    if card.in_progress and card.last_year_label:
        warning = ParagraphStyle("partial", parent=st.body, backColor=FILLS["amber"], borderPadding=4,
                                 spaceBefore=6, spaceAfter=6)
        story.append(Paragraph(esc(_(
            "The school year {year} is still in progress: its figures run up to {date}, while {last} is shown "
            "for the whole year. Counts will still grow; compare them with last year's at the end of the "
            "year.").format(year=year, date=format_date(as_of, "long"),
                            last=format_school_year(card.last_year_label)) + " " + _(
            "Where the data carry a date, a column gives last year's figure up to the same day; it is empty for "
            "the other indicators.")), warning))
    return story


def build(session: Session, scope: Scope, job: Job) -> Document:
    return layout(gather(session, scope, job), job)


def layout(sheet: ScorecardSheet, job: Job) -> Document:
    """The scorecard's pages from what `sheet` holds; reads nothing else."""
    card, stats = sheet.card, sheet.stats
    st = styles()
    where = sheet.school_name or sheet.municipality
    story: list = [Paragraph(esc(_("Scorecard: {scope}").format(scope=where)), st.title), *_dating(card)]
    until = format_date(sheet.same_day, "d MMM") if sheet.same_day is not None else ""
    story += [Spacer(1, 4), _summary(card.lines), Spacer(1, 8), _indicator_table(card, sheet.same_date, until),
              Paragraph(esc(_("✓ on target · ! within the amber band of the target · ✗ off target · – no target "
                              "or no value yet")), st.small),
              Paragraph(esc(rounding_rule()), st.small),
              # A new page for the pupils unless the notes above ran onto one (no page of two lines alone).
              job.mark(1, 4), CondPageBreak(12 * cm),
              Paragraph(esc(_("Pupils by grade")), st.h2), pupils_table(stats),
              Paragraph(esc(_("Pupils with a working-life encounter")), st.h2), rates_table(stats),
              Paragraph(esc(_("Counts from 1 to 4 are shown as “<5”; a share is not shown when fewer than 5 pupils "
                              "are behind it or when a count from 1 to 4 could be worked out from it.")), st.small),
              Spacer(1, 6), encounter_chart(stats)]
    trend = _trend_chart(card)
    if trend is not None:
        story += [Spacer(1, 10), trend]
    story += [job.mark(2, 4), PageBreak(), *trend_story(card, sheet.trend_labels, sheet.trend_series),
              job.mark(3, 4), PageBreak(), *definitions_story(card), job.mark(4, 4)]
    return Document(title=_("Scorecard"), story=story)


def write_sheet(sheet: ScorecardSheet, out: Path, *, own: Path | None, language: str | None = None,
                progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None,
                before_showing: Callable[[], None] | None = None) -> Path:
    """Write the scorecard of `sheet` as PDF to `out`, as render_document writes every document (atomically,
    never over `own`, the database file or its companions) and return `out`; `before_showing` as for
    render.write_laid_out."""
    from coordinator.documents.render import write_laid_out
    from coordinator.safety.own_files import refuse_own_file

    refuse_own_file(out, own)
    with use_language(language):
        job = Job(progress, cancelled)
        document = layout(sheet, job)
        logo = Path(sheet.logo_setting) if sheet.logo_setting and Path(sheet.logo_setting).is_file() else None
        info = PageInfo(title=document.title, school_year=sheet.year, municipality=sheet.municipality, logo=logo,
                        generated=dt.date.today())
        return write_laid_out(document, info, Path(out), job, before_showing=before_showing)
