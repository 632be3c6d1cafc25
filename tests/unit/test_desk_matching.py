"""The desk's matching: a match is read only and plain; applying it announces the placements it wrote."""

from __future__ import annotations

import dataclasses

import pytest

from coordinator.changes import Changes, Kind
from coordinator.desk import Desk


@pytest.fixture
def desk(small_db):
    opened = Desk.open(small_db)
    yield opened
    opened.close()


def test_a_match_is_plain_data_and_announces_nothing(desk):
    heard: list[Changes] = []
    desk.on_change(heard.append)
    (period,) = desk.wish_periods()
    outcome = desk.match(first_day=period.first_day, last_day=period.last_day, seed=2)
    assert dataclasses.is_dataclass(outcome) and all(dataclasses.is_dataclass(row) for row in outcome.rows)
    assert outcome.result["summary"]["pupils"] == period.pupils == len(outcome.rows)
    assert heard == []


def test_applying_a_match_announces_the_new_placements(desk):
    heard: list[Changes] = []
    desk.on_change(heard.append)
    (period,) = desk.wish_periods()
    outcome, changes = desk.apply_match(first_day=period.first_day, last_day=period.last_day, seed=2)
    assert heard == [changes]
    assert changes.created[Kind.PLACEMENTS] == set(outcome.placements)
    assert len(outcome.placements) == outcome.result["summary"]["placed"] > 0


def test_the_solver_libraries_load_only_when_a_match_is_run():
    """Every command and the app's start import the desk; scipy (about a second) waits for `match`."""
    import subprocess
    import sys

    code = "import sys, coordinator.cli.main, coordinator.desk; print('scipy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_pupil_moved_by_hand_stays_there_and_is_explained_as_such(desk):
    (period,) = desk.wish_periods()
    dates = {"first_day": period.first_day, "last_day": period.last_day}
    first = desk.match(**dates, seed=2)
    offers, _wishes = desk.match_inputs(**dates)
    row = next(r for r in first.rows if r.organisation is not None)
    other = next(o for o in offers if o.id != row.offer and o.places > 0)
    again = desk.match(**dates, seed=2, locks={row.pupil: other.id})
    moved = next(r for r in again.rows if r.pupil == row.pupil)
    assert (moved.offer, moved.organisation_name, moved.locked) == (other.id, other.organisation, True)
    assert moved.explanation == (f"Placed by hand by the coordinator: {other.organisation}.",)
    assert not any(r.locked for r in again.rows if r.pupil != row.pupil)
    outcome, _changes = desk.apply_match(**dates, seed=2, locks={row.pupil: other.id})
    assert {"pupil": row.pupil, "organisation": moved.organisation, "rank": moved.rank} in (
        outcome.result["assignments"])


def test_a_lock_beyond_an_offers_places_is_refused_naming_the_workplace(desk):
    from coordinator.errors import UserError

    (period,) = desk.wish_periods()
    dates = {"first_day": period.first_day, "last_day": period.last_day}
    offers, wishes = desk.match_inputs(**dates)
    small = min(offers, key=lambda o: o.places)
    locks = {w.pupil: small.id for w in wishes[: small.places + 1]}
    with pytest.raises(UserError, match=small.organisation):
        desk.match(**dates, locks=locks)
