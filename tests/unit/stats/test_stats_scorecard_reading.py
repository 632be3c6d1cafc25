"""A scorecard a headteacher cannot misread: one rounding rule, parts never above the whole, a dated year."""

from __future__ import annotations

import datetime as dt

import pytest

from sqlalchemy import select

from coordinator.models import School
from coordinator.stats import compute_scorecard, status_for
from coordinator.stats.display import format_indicator_value, shown_value


def test_a_share_shown_as_the_target_meets_it_and_halves_round_up():
    assert format_indicator_value("percent", 0.296) == "30 %"
    assert status_for(shown_value("percent", 0.296), 0.3, "higher", 0.05) == "green"
    assert shown_value("percent", 0.125) == 0.13  # not 0.12, as rounding halves to even would give
    assert shown_value("ratio", 1.005) == 1.01
    assert shown_value("score", 3.25) == 3.3


def test_no_school_shows_more_partners_new_or_active_than_the_municipality(small_store):
    with small_store.session() as session:
        whole = {line.key: line.value for line in compute_scorecard(session, year=None).lines}
        for name in session.scalars(select(School.name)):
            card = compute_scorecard(session, year=None, school=name)
            part = {line.key: line.value for line in card.lines}
            for key in ("active_partners", "new_partners"):
                if part[key] is not None:
                    assert part[key] <= whole[key], (name, key)


def test_a_year_in_progress_is_dated_and_marked_partial(small_store):
    with small_store.session() as session:
        card = compute_scorecard(session, year=None)
        year_end = dt.date(int(card.year[:4]) + 1, 6, 1)
        during = compute_scorecard(session, year=None, today=year_end)
        after = compute_scorecard(session, year=None, today=year_end + dt.timedelta(days=90))
    assert (during.as_of, during.in_progress) == (year_end.isoformat(), True)
    assert after.in_progress is False


def test_last_year_to_the_same_day_grows_to_last_years_whole_year(small_store):
    from coordinator.stats.same_date import SAME_DATE_KEYS, same_date_values

    with small_store.session() as session:
        card = compute_scorecard(session, year=None)
        start = int(card.year[:4])
        whole = {line.key: line.last_year for line in card.lines}
        early = same_date_values(session, year=None, today=dt.date(start, 10, 1))
        late = same_date_values(session, year=None, today=dt.date(start + 1, 7, 30))
        after = same_date_values(session, year=None, today=dt.date(start + 1, 8, 15))
    assert after is None  # the year is over: its whole is compared with last year's whole
    for key in SAME_DATE_KEYS:
        if whole[key] is None:
            continue
        assert late[key] == pytest.approx(whole[key]), key
        assert early[key] <= late[key], key
    assert early["encounter_rate"] < late["encounter_rate"]


def test_the_trend_ends_with_the_cards_two_years_each_computed_once(small_store, monkeypatch):
    import coordinator.stats.indicators as indicators
    from coordinator.stats.figures import Figures

    real, asked = indicators.compute_values, []
    monkeypatch.setattr(indicators, "compute_values", lambda s, keys, year, school_id: asked.append(year.label)
                        or real(s, keys, year, school_id))
    figures = Figures()
    with small_store.session() as session:
        card = figures.scorecard(session, year=None, school=None)
        labels, series = figures.scorecard_trend(session, year=None, school=None)
    assert labels[-1] == card.year and (card.last_year_label is None or labels[-2] == card.last_year_label)
    for line in card.lines:
        if not line.manual:
            assert series[line.indicator_id][-1] == line.value
            if card.last_year_label:
                assert series[line.indicator_id][-2] == line.last_year
    assert sorted(asked) == sorted(labels)  # each year's indicators once: the trend took the card's two years
