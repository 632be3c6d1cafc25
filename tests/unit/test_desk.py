"""The desk: one door that returns plain values and announces every committed write itself."""

from __future__ import annotations

import dataclasses

import pytest

from coordinator.changes import Changes, Kind
from coordinator.desk import Desk


@pytest.fixture
def desk(empty_db):
    opened = Desk.open(empty_db)
    yield opened
    opened.close()


def test_a_write_returns_its_changes_and_every_subscriber_hears_them(desk):
    heard: list[Changes] = []
    desk.on_change(heard.append)
    changes = desk.add_school_year("2031/32")
    assert changes.touches(Kind.SCHOOL_YEARS)
    assert heard == [changes]
    assert "2031/32" in desk.school_years()


def test_a_write_that_changes_nothing_is_not_announced(desk):
    desk.add_school_year("2031/32")
    heard: list[Changes] = []
    desk.on_change(heard.append)
    assert not desk.add_school_year("2031-32")
    assert heard == []


def test_an_unsubscribed_callback_hears_nothing_more(desk):
    heard: list[Changes] = []
    unsubscribe = desk.on_change(heard.append)
    unsubscribe()
    desk.set_setting("municipality", "Lerum")
    assert heard == []


def test_a_setting_is_announced_by_its_key(desk):
    changes = desk.set_setting("municipality", "Lerum")
    assert changes.touches(Kind.SETTINGS) and changes.touches_setting("municipality")
    assert not changes.touches(Kind.PUPILS)
    assert desk.setting("municipality") == "Lerum"


def test_info_is_a_plain_dataclass(desk):
    info = desk.info()
    assert dataclasses.is_dataclass(info)
    assert info.pupils == 0 and info.profile == "se"


def test_changes_merge_ids_per_kind_and_compare_by_content():
    a = Changes.of(Kind.PUPILS, created=[1])
    b = Changes.of(Kind.PUPILS, created=[2], deleted=[3]).merge(Changes.of_settings("language"))
    merged = a.merge(b)
    assert merged.created[Kind.PUPILS] == {1, 2} and merged.deleted[Kind.PUPILS] == {3}
    assert merged.kinds == {Kind.PUPILS, Kind.SETTINGS}
    assert merged == b.merge(a)
    assert Changes.of_everything().touches(Kind.MEETINGS)
    assert not Changes()
