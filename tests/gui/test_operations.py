"""Operations in the app: every change comes from the desk, and workspaces listen only for changes that happen."""

from __future__ import annotations

import datetime as dt

from coordinator.changes import Changes, Kind
from coordinator.services.records import KINDS, ListQuery


def _emitted_by_operations(desk) -> set[Kind]:
    """Run the app's kinds of operation once each on the demo and gather the kinds the desk announced."""
    seen: set[Kind] = set()
    desk.on_change(lambda changes: seen.update(changes.kinds))
    for key, kind in KINDS.items():  # every record kind: a copy of one record is created, edited, deleted
        if not kind.fields:
            continue  # a kind to pick from only (the current classes)
        record_id = desk.record_ids(key, ListQuery(), limit=1)[0]
        values = dict(desk.record(key, record_id).values)
        for name in ("name", "title", "last_name"):
            if isinstance(values.get(name), str):
                values[name] += " B"
        if key in ("school_forms", "programmes"):  # a form's or a programme's code is its own
            values["code"] += "_b"
        if key == "choices":  # one choice per pupil, year and rank
            values["rank"] = 20
        if key == "destinations":  # one follow-up per pupil, year and months after
            values["months_after"] = 18 - values["months_after"]
        if key == "placement_requirements":  # one requirement per programme and grade
            values["grade"] = "X"
        if key == "network_members":  # a member is in a network once: the copy is a school not yet in it
            inside = {m.school_id for m in desk.network_members(values["network_id"])}
            school = next(s for s in desk.record_ids("schools", ListQuery()) if s not in inside)
            values.update(organisation_id=None, school_id=school)
        if key == "budget_lines":  # a project has one line per source and financier: the copy takes a free one
            used = {(r["funding_source_id"], r["financier_id"]) for r in
                    (desk.record(key, i).values for i in desk.record_ids(key, ListQuery()))}
            source = next(s.id for s in desk.funding_sources() if (s.id, None) not in used)
            values.update(funding_source_id=source, financier_id=None)
        copy = next(iter(desk.create_record(key, values).created[kind.model.__tablename__]))
        desk.update_record(key, copy, {**values, "notes": "edited"} if "notes" in values else values)
        desk.delete_record(key, copy)
    desk.add_school_year("2031/32")  # a new year: its plan is made with its first goal
    year = "2031/32"
    goal_id = next(iter(desk.create_goal(title="Goal", description=None, year=year).created[Kind.GOALS]))
    activities = desk.linkable_activities(year=desk.current_year())
    desk.create_action(goal_id=goal_id, title="Action", status="not_started", due_date=dt.date(2031, 12, 1),
                       done_on=None, target_grades=[], links=[(a.kind, a.id) for a in activities[:1]],
                       responsible_contact_id=None, responsible_teacher_id=None, notes="")
    desk.save_settings({"municipality": "Nowhere municipality"})
    card = desk.scorecard(year=desk.current_year(), school=None)
    desk.update_indicator(indicator_id=card.lines[0].indicator_id, target=0.5, amber_band=0.1, direction="higher")
    return seen


def test_workspaces_listen_only_for_kinds_that_operations_emit(qtbot, main_window, monkeypatch):
    asked: set = set()
    touches = Changes.touches

    def spy(self, *kinds):
        asked.update(kinds)
        return touches(self, *kinds)

    monkeypatch.setattr(Changes, "touches", spy)
    for key in main_window.keys:
        main_window.show_workspace(key)
        for panel in getattr(main_window.workspace(key), "panels", []):
            asked.update(panel.related)
    main_window.context.changes_applied.emit(Changes.of_settings("nothing"))
    emitted = _emitted_by_operations(main_window.context.desk)
    assert asked, "the workspaces were asked"
    assert all(isinstance(kind, Kind) for kind in asked), "kinds are constants, not strings"
    print(sorted(map(str, emitted)))
    missing = sorted({str(kind) for kind in asked} - {str(kind) for kind in emitted})
    assert not missing, missing


def test_a_school_year_made_by_saving_a_visit_reaches_the_year_filters(qtbot, main_window):
    import datetime as dt

    from coordinator.gui.record_ops import create_record
    from coordinator.services.records import kind

    statistics = main_window.show_workspace("statistics")
    years = [statistics.year_combo.itemText(i) for i in range(statistics.year_combo.count())]
    assert "2031/32" not in years
    desk = main_window.context.desk
    template = desk.record("study_visits", desk.record_ids("study_visits", ListQuery(), limit=1)[0]).values
    announced: list[Changes] = []
    main_window.context.changes_applied.connect(announced.append)
    values = {**template, "starts_at": dt.datetime(2031, 10, 7, 9, 0), "ends_at": dt.datetime(2031, 10, 7, 12, 0)}
    assert create_record(main_window.context, kind("study_visits"), values).ok
    assert any(changes.touches(Kind.SCHOOL_YEARS) for changes in announced)
    main_window.show_workspace("action_plan")
    main_window.show_workspace("statistics")  # hidden meanwhile: it reloads its filters when shown again
    assert "2031/32" in [statistics.year_combo.itemText(i) for i in range(statistics.year_combo.count())]


def test_a_refused_operation_is_one_message_and_leaves_no_undo_step(qtbot, main_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from coordinator.gui.operations import run_op

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, title, text: shown.append((title, text)))
    context = main_window.context
    gone = max(context.desk.record_ids("organisations", ListQuery())) + 1000
    outcome = run_op(context, lambda desk: desk.delete_record("organisations", gone), text="Delete",
                     undo=lambda desk, _result: None, parent=main_window, title="Organisations")
    assert not outcome.ok
    assert shown == [("Organisations", "The record no longer exists.")]
    assert not context.undo_stack.canUndo()
