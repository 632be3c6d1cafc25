"""An organisation's page lists its placements under the form; Enter on one opens it in Placements."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from coordinator.models import Placement


def test_enter_on_a_related_placement_opens_it(qtbot, main_window, app_context):
    with app_context.store.session() as session:
        host_id = session.scalar(select(Placement.host_id).group_by(Placement.host_id)
                                 .order_by(func.count().desc()))
    workspace = main_window.show_workspace("organisations")
    workspace.show_record("organisations", host_id)
    panel = workspace.panel
    tree = panel.related_view.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0, timeout=10_000)
    headings = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    placements = next(item for item in headings if item.text(0).startswith("Placements"))
    assert placements.childCount() > 0
    first = placements.child(0)
    _kind, placement_id = first.data(0, Qt.ItemDataRole.UserRole)
    tree.setFocus()
    tree.setCurrentItem(first)
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert main_window.current_key() == "placements"
    target = main_window.workspace("placements").panels[0]
    qtbot.waitUntil(lambda: target.form.record_id == placement_id, timeout=10_000)

    workspace = main_window.show_workspace("organisations")
    panel.new_record()
    assert tree.topLevelItemCount() == 0  # a new organisation has nothing linked yet
