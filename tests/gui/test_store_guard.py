"""While the app has a database open it holds its lock, and it backs the database up on close."""

from __future__ import annotations

import json
import socket
import subprocess
import sys

import pytest

from coordinator.errors import UserError
from coordinator.safety.backups import list_backups
from coordinator.safety.lock import lock_path_for


def test_the_open_database_is_locked_against_a_writing_command(main_window, small_db):
    from coordinator.cli.context import CliContext
    from coordinator.cli.safety_commands import cli_write_lock

    assert lock_path_for(small_db).exists()
    holder = json.loads(lock_path_for(small_db).read_text())
    assert holder["host"] == socket.gethostname()
    # A command in another process is refused at once, naming the holder.
    code = ("import sys; from coordinator.cli.main import main; "
            f"main(['--db', {str(small_db)!r}, 'import', 'pupils', {str(small_db)!r}])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert str(holder["pid"]) in result.stderr
    # In this process (the app running a command itself) the lock is shared, not refused.
    with cli_write_lock(CliContext(db=str(small_db), lang="en")):
        pass
    assert lock_path_for(small_db).exists()


def test_closing_backs_up_what_changed_and_releases_the_lock(main_window, small_db, app_context):
    from coordinator.services.setup import set_setting

    with app_context.store.session() as session:
        set_setting(session, "municipality", "Testköping")
    before = len(list_backups(small_db))
    main_window.close()
    backups = list_backups(small_db)
    assert len(backups) == before + 1
    assert "close" in backups[0].reason
    assert not lock_path_for(small_db).exists()


def test_a_database_held_by_another_process_is_not_opened(qtbot, app_context, small_db, tmp_path):
    from coordinator.gui.main_window import MainWindow

    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        lock_path_for(small_db).write_text(json.dumps(
            {"pid": sleeper.pid, "host": socket.gethostname(), "started": "2026-11-24T08:00:00+00:00",
             "process_start": None, "app": "coordinator"}))
        with pytest.raises(UserError, match=str(sleeper.pid)):
            MainWindow(app_context)
    finally:
        sleeper.kill()
        sleeper.wait()
