"""The Overview's lists on a busy week: the first lines shown, and the count of all of them in the heading."""

from __future__ import annotations

import datetime as dt

from coordinator.models import ContactLogEntry, Organisation, Placement, PlacementStatus, Pupil
from coordinator.services.progress import LIST_LIMIT, upcoming
from coordinator.services.setup import school_year_id

TODAY = dt.date(2026, 11, 24)  # a Tuesday
MORE = LIST_LIMIT + 7


def test_a_busy_week_shows_the_first_placements_and_counts_them_all(empty_store):
    with empty_store.session() as s:
        year = school_year_id(s, "2026/27")
        host = Organisation(name="Verkstad AB")
        pupils = [Pupil(first_name=f"Elev{i:02d}", last_name="A") for i in range(MORE + 1)]
        s.add_all([host, *pupils])
        s.flush()
        s.add_all([Placement(school_year_id=year, pupil_id=p.id, host_id=host.id, start_date=TODAY,
                             end_date=TODAY + dt.timedelta(days=3), days=4, status=PlacementStatus.CONFIRMED)
                   for p in pupils])
        s.flush()
        s.get(Placement, 1).status = PlacementStatus.CANCELLED  # left out of the list and the count
        s.flush()
        soon = upcoming(s, today=TODAY)
    assert (len(soon.placements_starting), soon.placements_starting_total) == (LIST_LIMIT, MORE)
    assert (len(soon.placements_ending), soon.placements_ending_total) == (LIST_LIMIT, MORE)
    assert soon.placements_ending[0].pupil == "Elev01 A"


def test_follow_ups_are_the_earliest_due_and_none_that_a_later_contact_answered(empty_store):
    with empty_store.session() as s:
        waiting = [Organisation(name=f"Väntar {i:02d} AB") for i in range(MORE)]
        answered = Organisation(name="Svarat AB")
        s.add_all([*waiting, answered])
        s.flush()
        s.add_all([ContactLogEntry(organisation_id=o.id, date=TODAY - dt.timedelta(days=60),
                                   follow_up_on=TODAY - dt.timedelta(days=MORE - i))
                   for i, o in enumerate(waiting)])
        s.add_all([ContactLogEntry(organisation_id=answered.id, date=TODAY - dt.timedelta(days=90),
                                   follow_up_on=TODAY - dt.timedelta(days=80)),
                   ContactLogEntry(organisation_id=answered.id, date=TODAY - dt.timedelta(days=85))])
        s.flush()
        soon = upcoming(s, today=TODAY)
    names = [f.organisation for f in soon.follow_ups]
    assert names == [f"Väntar {i:02d} AB" for i in range(LIST_LIMIT)]  # the longest overdue first
