"""The desk: one door that returns plain values and announces every committed write itself."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from coordinator.changes import Changes, Kind
from coordinator.desk import Desk
from coordinator.errors import ValidationError


@pytest.fixture
def desk(any_empty_db):
    opened = Desk.open(any_empty_db)
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


@pytest.fixture
def small_desk(small_db):
    opened = Desk.open(small_db)
    yield opened
    opened.close()


def test_a_school_year_made_while_saving_a_visit_is_announced(small_desk):
    heard: list[Changes] = []
    small_desk.on_change(heard.append)
    values = small_desk.new_record("study_visits").values | {
        "title": "Hamnen", "host_id": small_desk.record_ids("organisations", limit=1)[0],
        "starts_at": dt.datetime(2035, 3, 1, 9, 0), "class_ids": [], "participant_ids": []}
    changes = small_desk.create_record("study_visits", values)
    assert changes.touches(Kind.STUDY_VISITS) and changes.touches(Kind.SCHOOL_YEARS)
    assert len(changes.created[Kind.SCHOOL_YEARS]) == 1
    assert heard == [changes]
    assert "2034/35" in small_desk.school_years()


def test_a_refused_write_is_not_announced(small_desk):
    heard: list[Changes] = []
    small_desk.on_change(heard.append)
    with pytest.raises(ValidationError):
        small_desk.create_record("organisations", {"name": "", "kind": "company"})
    assert heard == []


def test_operations_hand_back_plain_values_not_database_objects(small_desk):
    values = [
        small_desk.record("pupils", small_desk.record_ids("pupils", limit=1)[0]),
        small_desk.scorecard(),
        small_desk.plan(),
        small_desk.rollover_plan(),
        *small_desk.retention_due(0),
        *small_desk.search("a", limit=3),
        *small_desk.record_rows("placements", small_desk.record_ids("placements", limit=3)).values(),
    ]
    assert all(dataclasses.is_dataclass(v) for v in values)
    for value in values:
        assert not _holds_a_model(value), value


def _holds_a_model(value: object) -> bool:
    from coordinator.models import Base

    if isinstance(value, Base):
        return True
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_holds_a_model(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return any(_holds_a_model(v) for v in value.values())
    if isinstance(value, list | tuple | set | frozenset):
        return any(_holds_a_model(v) for v in value)
    return False


def test_gender_statistics_are_suppressed_when_asked(small_desk):
    plain = small_desk.gender_statistics()
    hidden = small_desk.gender_statistics(suppressed=True, threshold=100)
    assert plain["total"]["placements"] > 0
    assert hidden["total"]["placements"] != plain["total"]["placements"]


def test_a_rollover_announces_the_new_year_and_its_enrolments(small_desk):
    heard: list[Changes] = []
    small_desk.on_change(heard.append)
    plan = small_desk.rollover_plan()
    _result, changes = small_desk.roll_over(plan.from_year)
    assert changes.touches(Kind.ENROLMENTS) and changes.touches(Kind.CLASSES)
    assert heard == [changes]


def test_a_backup_made_through_the_desk_is_listed_and_the_history_is_plain(small_desk):
    made = small_desk.back_up()
    assert made is not None and made in [b.path for b in small_desk.backups()]
    pupil_id = small_desk.record_ids("pupils", limit=1)[0]
    small_desk.update_record("pupils", pupil_id, small_desk.record("pupils", pupil_id).values | {"notes": "Ny"})
    history = small_desk.history(Kind.PUPILS, pupil_id)
    assert history and all(dataclasses.is_dataclass(entry) for entry in history)


def _csv(path, rows: list[list[str]]):
    path.write_text("\n".join(";".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def test_a_school_year_made_while_importing_a_visit_is_announced(desk, tmp_path):
    desk.import_file(_csv(tmp_path / "o.csv", [["Namn", "Postort"], ["Verkstad AB", "Hedemora"]]),
                     "organisations")
    heard: list[Changes] = []
    desk.on_change(heard.append)
    visits = _csv(tmp_path / "v.csv", [["Organisation", "Datum", "Rubrik"], ["Verkstad AB", "2035-03-01", "Hamnen"]])
    result, changes = desk.import_file(visits, "study-visits")
    assert result.created == 1
    assert changes.touches(Kind.STUDY_VISITS) and len(changes.created[Kind.SCHOOL_YEARS]) == 1
    assert heard == [changes]
    assert "2034/35" in desk.school_years()


def test_a_refused_import_is_not_announced(desk, tmp_path):
    heard: list[Changes] = []
    desk.on_change(heard.append)
    result, changes = desk.import_file(_csv(tmp_path / "v.csv", [["Organisation", "Datum"], ["Nowhere AB", "x"]]),
                                       "study-visits")
    assert result.problems and not result.imported
    assert not changes and heard == []


def test_an_erasure_announces_the_person_deleted(small_desk):
    report, changes = small_desk.erase_person(kind="pupil", record_id=1)
    assert report.record_id == 1
    assert 1 in changes.deleted[Kind.PUPILS]
