"""Fixtures for the desktop app's tests: a main window on a fresh copy of the small demo, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

# The offscreen platform says what it cannot do (raise a window, grab the keyboard); not our problem.
_PLATFORM_NOISE = ("This plugin does not support",)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/gui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(*_PLATFORM_NOISE))


@pytest.fixture
def gui_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def app_context(qapp, small_store, gui_settings):
    from coordinator.gui.context import AppContext
    from coordinator.gui.workers import wait_for_tasks

    context = AppContext(small_store, gui_settings)
    yield context
    wait_for_tasks()


@pytest.fixture
def main_window(qtbot, app_context):
    from coordinator.gui.app import install_translators
    from coordinator.gui.main_window import MainWindow

    install_translators("en")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    yield window
    install_translators("en")


@pytest.fixture(autouse=True)
def unsaved_answers(monkeypatch):
    """The questions about unsaved changes and rule-breaking placements, answered without a modal box:
    'discard', 'no' (restore) and 'yes' (save all the same) unless a test puts other answers in the list;
    every question asked is recorded in `asked`."""
    from coordinator.gui import unsaved

    class Answers:
        def __init__(self):
            self.asked: list[str] = []
            self.next: list = []

        def unsaved(self, _parent, what):
            self.asked.append(what)
            return self.next.pop(0) if self.next else unsaved.Answer.DISCARD

        def restore(self, _parent, what, _written):
            self.asked.append(what)
            return self.next.pop(0) if self.next else False

    answers = Answers()
    from coordinator.gui import rule_breaches

    def breach(_parent, messages):
        answers.asked.append("\n".join(messages))
        return answers.next.pop(0) if answers.next else True

    monkeypatch.setattr(rule_breaches, "ask_breach", breach)
    monkeypatch.setattr(unsaved, "ask_unsaved", answers.unsaved)
    monkeypatch.setattr(unsaved, "ask_restore", answers.restore)
    return answers
