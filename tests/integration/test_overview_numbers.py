"""The Overview's key numbers are kept between runs while the data is unchanged, and never shown stale."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.desk import Desk
from coordinator.i18n import use_language


def _computing_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from coordinator.services import progress

    monkeypatch.setattr(progress, "key_numbers", lambda *a, **k: pytest.fail("computed again"))


def test_the_next_start_shows_the_kept_numbers_and_an_edit_is_counted_at_once(small_db, monkeypatch):
    desk = Desk.open(small_db)
    try:
        first = desk.overview_numbers()
        assert first == desk.key_numbers()
    finally:
        desk.close()
    desk = Desk.open(small_db)  # as at the next start of the app
    try:
        with monkeypatch.context() as patched:
            _computing_fails(patched)
            assert desk.overview_numbers() == first
        host = desk.record_ids("organisations", limit=1)[0]
        values = {**desk.new_record("study_visits").values, "host_id": host, "title": "Bageriet",
                  "starts_at": dt.datetime.combine(dt.date.today(), dt.time(9, 0))}
        desk.create_record("study_visits", values)
        assert desk.overview_numbers().visits == first.visits + 1
        visit = max(desk.record_ids("study_visits"))
        cancelled = {**desk.record("study_visits", visit).values, "status": "cancelled"}
        desk.update_record("study_visits", visit, cancelled)
        assert desk.overview_numbers().visits == first.visits  # an edit, not only a new record, is seen
    finally:
        desk.close()


def test_another_language_is_computed_afresh(small_db, monkeypatch):
    desk = Desk.open(small_db)
    try:
        with use_language("en"):
            english = desk.overview_numbers()
        with use_language("ru"):
            russian = desk.overview_numbers()
        assert [s.name for s in english.sectors] != [s.name for s in russian.sectors]
    finally:
        desk.close()
