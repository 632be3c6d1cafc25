"""A new placement proposes its class's placement period and the hours the law allows the pupil."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from coordinator.models import Enrolment, Placement, Pupil, SchoolClass
from tests.gui.test_record_workspaces import open_panel


def _quiet_class(desk) -> list[int]:
    """Three pupils of one class none of whose classmates has a placement that has not ended yet."""
    today = dt.date.today()
    with desk.store.session() as session:
        busy = select(Enrolment.class_id).join(Placement, Placement.pupil_id == Enrolment.pupil_id).where(
            Placement.end_date >= today)
        class_id = session.scalar(select(SchoolClass.id).join(Enrolment, Enrolment.class_id == SchoolClass.id)
                                  .where(SchoolClass.id.not_in(busy)).group_by(SchoolClass.id)
                                  .having(func.count() >= 3).order_by(SchoolClass.id).limit(1))
        pupils = session.scalars(select(Pupil.id).join(Enrolment, Enrolment.pupil_id == Pupil.id)
                                 .where(Enrolment.class_id == class_id).order_by(Pupil.id).limit(3)).all()
    assert len(pupils) == 3
    return list(pupils)


def test_choosing_the_pupil_proposes_the_classmates_period_and_hours_within_the_law(qtbot, main_window):
    desk = main_window.context.desk
    first, second, third = _quiet_class(desk)
    host = desk.record_ids("organisations")[0]
    start, end = dt.date.today() + dt.timedelta(days=100), dt.date.today() + dt.timedelta(days=104)
    for pupil in (first, second):
        desk.create_record("placements", {"pupil_id": pupil, "host_id": host, "start_date": start, "end_date": end,
                                          "days": 5, "hours_per_day": 9.0, "status": "requested",
                                          "daily_start": dt.time(8), "daily_end": dt.time(17)})
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.start_new()
    panel.form.editor("pupil_id").set_value(third)
    panel.form.editor("pupil_id").value_changed.emit()
    values = panel.form.values()
    assert (values["start_date"], values["end_date"], values["days"]) == (start, end, "5")
    assert values["daily_start"] == dt.time(8)
    # The classmates work 9 hours; a pupil of a Swedish compulsory school may work 7 (AFS 2012:3).
    assert float(values["hours_per_day"]) == 7.0
    assert panel.is_dirty()


def test_a_typed_period_is_kept_when_the_pupil_is_chosen(qtbot, main_window):
    desk = main_window.context.desk
    first, _second, third = _quiet_class(desk)
    host = desk.record_ids("organisations")[0]
    start = dt.date.today() + dt.timedelta(days=100)
    desk.create_record("placements", {"pupil_id": first, "host_id": host, "start_date": start,
                                      "end_date": start + dt.timedelta(days=4), "days": 5, "hours_per_day": 6.0,
                                      "status": "requested"})
    panel = open_panel(qtbot, main_window, "placements", "placements")
    panel.start_new()
    typed = dt.date.today() + dt.timedelta(days=200)
    panel.form.set_fields({"start_date": typed})
    panel.form.editor("pupil_id").set_value(third)
    panel.form.editor("pupil_id").value_changed.emit()
    values = panel.form.values()
    assert values["start_date"] == typed
    assert float(values["hours_per_day"]) == 6.0
