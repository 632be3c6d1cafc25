"""The scorecard explains itself in every language: its date, a year in progress marked as partial against
last year's whole year, a trend per indicator, and a page defining every indicator."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from coordinator.documents import render_document
from coordinator.formatting import format_date, format_school_year
from coordinator.i18n import _, use_language
from coordinator.documents.scorecard_pages import rounding_rule
from coordinator.stats.definitions import DEFINITIONS
from coordinator.stats.same_date import same_day_last_year

LANGUAGES = ("en", "sv", "pl", "ru")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _text(path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_scorecard_is_dated_compared_fairly_trended_and_defined(doc_store, tmp_path, language):
    out = render_document(doc_store, "scorecard", tmp_path / "card.pdf", language=language, year="2026/27")
    pages = _text(out)
    today = dt.date.today()
    in_progress = dt.date(2026, 8, 1) <= today < dt.date(2027, 7, 31)
    with use_language(language):
        year, last = format_school_year("2026/27"), format_school_year("2025/26")
        first = pages[0]
        dated = _("School year {year}, compared with {last}; as of {date}").format(
            year=year, last=last, date=format_date(today, "long"))
        assert _norm(dated) in first
        heads = (_("{year} so far").format(year=year), _("{year}, whole year").format(year=last))
        if in_progress:
            warning = _("The school year {year} is still in progress: its figures run up to {date}, while {last} is "
                        "shown for the whole year. Counts will still grow; compare them with last year's at the end "
                        "of the year.").format(year=year, date=format_date(today, "long"), last=last)
            assert " ".join(warning.split()[:8]) in first
            compact = "".join(first.split())  # a head wraps in its narrow column
            same_day = _("{year} to {date}").format(year=last, date=format_date(same_day_last_year(today), "d MMM"))
            assert all("".join(head.split()) in compact for head in (*heads, same_day)), heads
        assert " ".join(rounding_rule().split()[:6]) in " ".join(pages[:2])  # under the table of values
        trends = next(page for page in pages if _("Trends") in page)
        assert format_school_year("2026/27") in trends
        defined = " ".join(page for page in pages if _("What the indicators mean") in page or _("Why it matters")
                           in page)
        assert _("What the indicators mean") in defined
        for key in ("encounter_rate", "new_partners", "non_traditional_choices", "graduates_employed"):
            assert " ".join(DEFINITIONS[key].sentence.split()[:4]) in defined, key
