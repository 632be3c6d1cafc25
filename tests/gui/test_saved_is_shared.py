"""“Saved.” in the window means saved for every process, even after the app's backup and a command ran."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from coordinator.gui.workers import wait_for_tasks

COUNT = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "print(c.execute(\"SELECT count(*) FROM organisations WHERE name = 'Zebrafinken AB'\").fetchone()[0])")


def _other_process(*args: str) -> str:
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_an_edit_saved_in_the_window_is_seen_by_another_process(qtbot, main_window, small_db):
    main_window.guard._periodic_backup()  # the app's own backup, as every 30 minutes
    wait_for_tasks()
    _other_process("-m", "coordinator", "--db", str(small_db), "stats", "scorecard")
    workspace = main_window.show_workspace("organisations")
    panel = next(p for p in workspace.panels if p.kind.key == "organisations")
    panel.ensure_loaded()
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10_000)
    panel.table.selectRow(0)
    editor = panel.form.editor("name")
    editor.clear()
    qtbot.keyClicks(editor, "Zebrafinken AB")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Saved."
    assert _other_process("-c", COUNT, str(small_db)) == "1"
