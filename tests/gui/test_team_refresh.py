"""On a server database the app notices what others commit: lists refresh, a record being edited keeps
what was typed, and saving it then names both versions instead of overwriting."""

from __future__ import annotations

import pytest

from coordinator.changes import Kind
from coordinator.desk import Desk


@pytest.fixture
def team_window(qtbot, any_small_db, gui_settings):
    from coordinator.gui.app import install_translators
    from coordinator.gui.context import AppContext
    from coordinator.gui.main_window import MainWindow
    from coordinator.gui.workers import wait_for_tasks

    install_translators("en")
    mine, theirs = Desk.open(any_small_db), Desk.open(any_small_db)
    context = AppContext(mine, gui_settings)
    window = MainWindow(context)
    qtbot.addWidget(window)
    yield context, window, theirs
    wait_for_tasks()
    window.close()
    mine.close()
    theirs.close()


def _panel(qtbot, window):
    workspace = window.show_workspace("organisations")
    panel = next(p for p in workspace.panels if p.kind.key == "organisations")
    panel.ensure_loaded()
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10_000)
    return panel


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_a_change_made_elsewhere_keeps_the_typing_and_the_save_names_both_versions(qtbot, team_window):
    context, window, theirs = team_window
    heard = []
    context.changes_applied.connect(heard.append)
    panel = _panel(qtbot, window)
    record_id = theirs.record_ids("organisations", limit=1)[0]
    panel.select_id(record_id)
    name = panel.form.rows["name"].editor
    name.setText("Typed here")
    stored = theirs.record("organisations", record_id)
    theirs.update_record("organisations", record_id, stored.values | {"name": "Saved there"}, version=stored.version)
    context.poll_changes()
    assert heard and heard[-1].touches(Kind.ORGANISATIONS)
    assert name.text() == "Typed here"
    assert "Someone else has just changed this record" in panel.status.text()
    assert panel.save() is False
    assert "their version 2, yours 1" in panel.status.text()
    assert theirs.record("organisations", record_id).values["name"] == "Saved there"
    panel.load(record_id)  # the person chooses: reload theirs, then type again and save
    assert name.text() == "Saved there"
    name.setText("Typed here")
    assert panel.save() is True
    assert theirs.record("organisations", record_id).values["name"] == "Typed here"


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_a_record_untouched_here_shows_what_was_saved_elsewhere(qtbot, team_window):
    context, window, theirs = team_window
    panel = _panel(qtbot, window)
    record_id = theirs.record_ids("organisations", limit=1)[0]
    panel.select_id(record_id)
    stored = theirs.record("organisations", record_id)
    theirs.update_record("organisations", record_id, stored.values | {"name": "Renamed there"})
    context.poll_changes()
    assert panel.form.rows["name"].editor.text() == "Renamed there"
