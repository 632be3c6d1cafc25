"""Gender statistics for the board or the public: per grade, suppressed, with charts (docs/STATISTICS.md)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Paragraph, Spacer

from coordinator.documents.charts import bar_chart, hbar_chart
from coordinator.documents.job import Document, Job
from coordinator.documents.page import (
    ALL_FILL,
    BOY_FILL,
    GIRL_FILL,
    PORTRAIT_WIDTH,
    data_table,
    esc,
    styles,
)
from coordinator.formatting import format_percent, format_school_year
from coordinator.i18n import _
from coordinator.reference.sectors import SECTION_NAMES
from coordinator.stats.display import format_count, format_index, format_rate
from coordinator.stats.suppression import SECONDARY_MARK, suppress

if TYPE_CHECKING:  # the tables and charts serve the scorecard too, which is laid out without the database layer
    from sqlalchemy.orm import Session

    from coordinator.documents.scope import Scope

GENDER_KEYS = ("girl", "boy", "other", "unspecified")


def gender_headers() -> list[str]:
    return [_("Girls"), _("Boys"), _("Other"), _("Unspecified")]


def _total(counts: dict[str, Any]) -> Any:
    values = [counts.get(k) for k in GENDER_KEYS]
    if all(isinstance(v, (int, float)) for v in values):
        return sum(values)
    return SECONDARY_MARK  # a total over hidden cells would give them away


def shown_grades(stats: dict[str, Any]) -> list[dict[str, Any]]:
    """The grades that have pupils or placements (a hidden "<5" cell counts as having some)."""
    def nonzero(value: Any) -> bool:
        return isinstance(value, str) or bool(value)

    return [g for g in stats["grades"]
            if any(nonzero(g["pupils"].get(k)) for k in GENDER_KEYS) or nonzero(g.get("placements"))]


def pupils_table(stats: dict[str, Any]) -> Any:
    header = [_("Grade")] + gender_headers() + [_("All")]
    rows = [[g["grade"]] + [format_count(g["pupils"][k]) for k in GENDER_KEYS]
            + [format_count(_total(g["pupils"]))] for g in shown_grades(stats)]
    total = stats["total"]
    rows.append([_("Total")] + [format_count(total["pupils"][k]) for k in GENDER_KEYS]
                + [format_count(_total(total["pupils"]))])
    return data_table(header, rows, [0.2] + [0.16] * 5, numeric=range(1, 6),
                      extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, "#1f2933")])


def rates_table(stats: dict[str, Any]) -> Any:
    header = [_("Grade")] + gender_headers() + [_("All")]
    keys = (*GENDER_KEYS, "all")
    rows = [[g["grade"]] + [format_rate(g["encounter_rate"].get(k)) for k in keys] for g in shown_grades(stats)]
    rows.append([_("Total")] + [format_rate(stats["total"]["encounter_rate"].get(k)) for k in keys])
    return data_table(header, rows, [0.2] + [0.16] * 5, numeric=range(1, 6),
                      extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, "#1f2933")])


def encounter_chart(stats: dict[str, Any], width: float = PORTRAIT_WIDTH):
    grades = [g for g in shown_grades(stats)]
    series = [(_("Girls"), [g["encounter_rate"].get("girl") for g in grades], GIRL_FILL),
              (_("Boys"), [g["encounter_rate"].get("boy") for g in grades], BOY_FILL),
              (_("All"), [g["encounter_rate"].get("all") for g in grades], ALL_FILL)]
    return bar_chart(_("Pupils with a working-life encounter, by grade"), [g["grade"] for g in grades], series,
                     width=width, value_max=1.0, label=lambda v: format_percent(v))


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def sector_chart(stats: dict[str, Any], width: float = PORTRAIT_WIDTH):
    sectors = stats["total"]["placements_by_sector"]
    codes = sorted(sectors)
    series = [(_("Girls"), [_number(sectors[c]["girl"]) for c in codes], GIRL_FILL),
              (_("Boys"), [_number(sectors[c]["boy"]) for c in codes], BOY_FILL)]
    return hbar_chart(_("Placements by sector"), [f"{c} {_(SECTION_NAMES[c])}" for c in codes], series,
                      width=width, label=lambda v: f"{v:.0f}", label_width=170, integer=True)


def build(session: Session, scope: Scope, job: Job) -> Document:
    from coordinator.stats import gender_statistics, sector_dominance

    raw = gender_statistics(session, year=scope.year, school=scope.school_name)
    stats = suppress(raw)
    dominance = sector_dominance(session)
    job.check()
    st = styles()
    story: list = [
        Paragraph(esc(_("Gender statistics: {scope}").format(scope=scope.school_name or scope.municipality)),
                  st.title),
        Paragraph(esc(_("School year {year}").format(year=format_school_year(scope.year))), st.body),
        Paragraph(esc(_("Counts from 1 to 4 are shown as “<5”. A share is not shown (–) when fewer than 5 pupils "
                        "are behind it or when a count from 1 to 4 could be worked out from it; shares are "
                        "rounded to whole percent. A cell shown as “..” is hidden so that a small number cannot "
                        "be worked out from the totals.")), st.small),
        Paragraph(esc(_("Pupils by grade")), st.h2), pupils_table(stats),
        Paragraph(esc(_("Pupils with a working-life encounter")), st.h2), rates_table(stats),
        Spacer(1, 8), encounter_chart(stats), job.mark(1, 3),
        Paragraph(esc(_("Placements by grade")), st.h2),
    ]
    header = [_("Grade"), _("Placements"), _("Non-traditional share"), _("Dissimilarity index")]
    rows = [[g["grade"], format_count(g["placements"]), format_rate(g["non_traditional_share"]),
             format_index(g["dissimilarity_index"])] for g in shown_grades(stats)]
    total = stats["total"]
    rows.append([_("Total"), format_count(total["placements"]), format_rate(total["non_traditional_share"]),
                 format_index(total["dissimilarity_index"])])
    story.append(data_table(header, rows, [0.25, 0.25, 0.25, 0.25], numeric=(1, 2, 3),
                            extra=[("LINEABOVE", (0, -1), (-1, -1), 0.8, "#1f2933")]))
    story.append(Paragraph(esc(_("The dissimilarity index is 0 when girls and boys are placed in the same "
                                 "sectors in the same proportions and 1 when they never share a sector.")),
                           st.small))
    story.append(job.mark(2, 3))
    sectors = total["placements_by_sector"]
    if sectors:
        story.append(Paragraph(esc(_("Placements by sector")), st.h2))
        marks = {"girl": _("mostly women"), "boy": _("mostly men")}
        header = [_("Sector"), _("Labour market")] + gender_headers()
        rows = [[f"{code} {_(SECTION_NAMES[code])}", marks.get(dominance.get(code) or "", "")]
                + [format_count(sectors[code][k]) for k in GENDER_KEYS] for code in sorted(sectors)]
        story.append(data_table(header, rows, [0.28, 0.18] + [0.135] * 4, numeric=range(2, 6)))
        if any(_number(sectors[c][k]) for c in sectors for k in ("girl", "boy")):
            story.append(Spacer(1, 8))
            story.append(sector_chart(stats))
    story.append(job.mark(3, 3))
    return Document(title=_("Gender statistics"), story=story)
