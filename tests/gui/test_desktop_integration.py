"""The desktop entry opens the app on the file it is given; the app names itself after that entry."""

from __future__ import annotations

import configparser
import shlex
from pathlib import Path

import pytest

import coordinator
from coordinator.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def _desktop_exec() -> list[str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "packaging" / "linux" / f"{coordinator.APP_ID}.desktop", encoding="utf-8")
    return shlex.split(parser["Desktop Entry"]["Exec"])


def test_the_desktop_entrys_command_opens_the_file_a_file_manager_passes(monkeypatch, tmp_path):
    import coordinator.gui.app as app_module

    opened: list[str | None] = []
    monkeypatch.setattr(app_module, "run_gui", lambda db, lang: opened.append(db) or 0)
    command = _desktop_exec()
    assert command[0] == "coordinator" and command[-1] == "%f"
    database = tmp_path / "skolor.sqlite"
    # A file manager's "Open with", then the menu entry (the desktop drops %f: last database or first launch).
    for args in ([*command[1:-1], str(database)], command[1:-1]):
        with pytest.raises(SystemExit) as finished:
            main(args)
        assert finished.value.code == 0
    assert opened == [str(database), None]


def test_the_application_names_the_desktop_entry_and_has_the_icon(qapp):
    from coordinator.gui.app import make_application

    app = make_application()
    assert app.desktopFileName() == coordinator.APP_ID
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert {16, 48, 256} <= sizes


def test_the_bundle_self_check_passes_where_everything_is_installed(qapp):
    # packaging/build.sh runs the same checks inside the bundle: there a failure means it lacks something.
    import importlib.util

    spec = importlib.util.spec_from_file_location("bundle_check", ROOT / "packaging" / "bundle_check.py")
    bundle_check = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bundle_check)
    assert len(bundle_check.CHECKS) >= 12
    for name, check in bundle_check.CHECKS:
        assert check(), name
