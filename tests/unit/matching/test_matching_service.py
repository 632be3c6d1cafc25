"""A match on the demo's grade 8: the JSON contract, explanations that name no pupil, applying in one go."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from coordinator.errors import UserError
from coordinator.matching.service import run_match, wish_periods
from coordinator.models import Offer, Placement, PlacementStatus, Pupil, Wish


@pytest.fixture
def period(small_store):
    with small_store.session() as session:
        (found,) = wish_periods(session)
    return found.first_day, found.last_day


def test_the_demo_grade_8_has_wishes_for_one_week_and_offers_inside_it(small_store, period):
    first, last = period
    with small_store.session() as session:
        assert (last - first).days == 4 and first.weekday() == 0
        ranks = session.execute(select(func.max(Wish.rank)).group_by(Wish.pupil_id)).scalars().all()
        assert ranks and set(ranks) == {5}
        places = session.scalar(select(func.sum(Offer.places)).where(Offer.first_day == first))
        assert places > len(ranks)


def test_the_json_follows_the_contract(small_store, period):
    with small_store.session() as session:
        outcome = run_match(session, first_day=period[0], last_day=period[1], seed=3)
    data = outcome.result
    assert set(data) == {"assignments", "unplaced", "summary"}
    assert all(set(a) == {"pupil", "organisation", "rank"} for a in data["assignments"])
    assert all(a["rank"] is None or 1 <= a["rank"] <= 5 for a in data["assignments"])
    summary = data["summary"]
    assert {"pupils", "placed", "by_rank", "unplaced", "non_traditional_share"} <= set(summary)
    assert list(summary["by_rank"]) == ["1", "2", "3", "4", "5", "none"]
    assert sum(summary["by_rank"].values()) == summary["placed"] == len(data["assignments"])
    assert summary["placed"] + summary["unplaced"] == summary["pupils"]
    assert isinstance(summary["non_traditional_share"], float)


def test_explanations_never_name_a_pupil(small_store, period):
    with small_store.session() as session:
        outcome = run_match(session, first_day=period[0], last_day=period[1], seed=3)
        names = {n for row in session.execute(select(Pupil.first_name, Pupil.last_name)) for n in row}
    lines = [line for row in outcome.rows for line in row.explanation]
    assert any("ranked it as high or higher" in line for line in lines)
    assert not [line for line in lines if any(f" {name} " in f" {line} " for name in names)]


def test_applying_writes_requested_placements_and_the_next_run_sees_them(small_store, period):
    with small_store.session() as session:
        before = session.scalar(select(func.count()).select_from(Placement))
        outcome = run_match(session, first_day=period[0], last_day=period[1], seed=3, apply=True)
    placed = outcome.result["summary"]["placed"]
    with small_store.session() as session:
        new = session.scalars(select(Placement).where(Placement.id.in_(outcome.placements))).all()
        assert len(new) == placed > 0
        assert session.scalar(select(func.count()).select_from(Placement)) == before + placed
        assert {p.status for p in new} == {PlacementStatus.REQUESTED}
        assert {(p.start_date, p.end_date) for p in new} == {period}
        again = run_match(session, first_day=period[0], last_day=period[1], seed=3)
    # Every pupil now has a placement in the period: nothing fits any more (no double booking).
    assert again.result["summary"]["placed"] == 0


def test_a_period_without_wishes_is_refused_naming_the_periods_that_have_them(small_store, period):
    with small_store.session() as session, pytest.raises(UserError) as refused:
        run_match(session, first_day=dt.date(2027, 1, 4), last_day=dt.date(2027, 1, 8))
    assert period[0].isoformat() in str(refused.value)
