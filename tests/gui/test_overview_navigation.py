"""A line on the overview (a visit, a placement) leads to that record in its workspace."""

from __future__ import annotations

from sqlalchemy import select

from coordinator.models import Placement, StudyVisit


def _selected_id(panel):
    index = panel.table.currentIndex()
    return panel.model.id_at(index.row()) if index.isValid() else None


def test_choosing_a_line_opens_the_record(qtbot, main_window, app_context):
    with app_context.store.session() as session:
        placement_id = session.scalar(select(Placement.id).order_by(Placement.id.desc()))
        visit_id = session.scalar(select(StudyVisit.id).order_by(StudyVisit.id))
    overview = main_window.show_workspace("overview")
    overview.record_chosen.emit("placement", placement_id)
    assert main_window.current_key() == "placements"
    panel = main_window.workspace("placements").panels[0]
    qtbot.waitUntil(lambda: _selected_id(panel) == placement_id, timeout=10_000)

    main_window.show_workspace("overview")
    overview.record_chosen.emit("study_visit", visit_id)
    assert main_window.current_key() == "study_visits"
    panel = main_window.workspace("study_visits").panels[0]
    qtbot.waitUntil(lambda: _selected_id(panel) == visit_id, timeout=10_000)
