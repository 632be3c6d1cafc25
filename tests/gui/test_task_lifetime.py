"""Background work ends with its owner: a window closed or a workspace switched while tasks run never
hears from them again (no "Internal C++ object already deleted"), however late they finish."""

from __future__ import annotations

import threading
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task, wait_for_tasks

ROUNDS = 30
WINDOW_ROUNDS = 8


@contextmanager
def pool_held_busy(context):
    """Every worker thread waits until the block ends, so tasks started inside it finish only after."""
    release = threading.Event()
    started = threading.Semaphore(0)
    threads = QThreadPool.globalInstance().maxThreadCount()

    def wait(_progress):
        started.release()
        release.wait(30)

    for _ in range(threads):
        run_task(context, wait, session=False)
    for _ in range(threads):
        assert started.acquire(timeout=30)
    try:
        yield
    finally:
        release.set()


def settle() -> None:
    wait_for_tasks()
    for _ in range(3):
        QApplication.processEvents()


class Panel(QWidget):
    def __init__(self):
        super().__init__()
        self.label = QLabel(self)
        self.results: list[int] = []

    def loaded(self, value: int) -> None:
        self.label.setText(str(value))  # raises if the label is gone
        self.results.append(value)


def test_a_result_never_reaches_a_deleted_widget(qtbot, empty_store):
    context = AppContext(empty_store)
    for round_number in range(ROUNDS):
        kept, deleted = Panel(), Panel()
        with pool_held_busy(context):
            run_task(context, lambda _p, n=round_number: n, session=False, on_done=kept.loaded)
            task = run_task(context, lambda _p, n=round_number: n, session=False, on_done=deleted.loaded)
            shiboken6.delete(deleted)
        settle()
        assert kept.results == [round_number] and kept.label.text() == str(round_number)
        assert task.done and task.progress.cancelled
        kept.deleteLater()


def test_closing_and_switching_while_workspaces_load(qtbot, app_context, small_db, gui_settings, tmp_path):
    import shutil

    from coordinator.gui.app import install_translators
    from coordinator.gui.main_window import MainWindow
    from coordinator.store import open_store

    install_translators("en")
    other = tmp_path / "other.sqlite"
    shutil.copyfile(small_db, other)
    app_context.store.close()
    for round_number in range(WINDOW_ROUNDS):
        context = AppContext(open_store(small_db), gui_settings)  # one per window, as in the app
        window = MainWindow(context)
        window.show()
        with pool_held_busy(context):
            for key in ("overview", "pupils", "statistics", "overview", "organisations", "action_plan"):
                window.show_workspace(key)
            if round_number % 3 == 0:
                assert window.open_database(str(other if round_number % 2 == 0 else small_db))
                window.show_workspace("overview")
        window.close()  # waits for the tasks; their results are still on their way
        shiboken6.delete(window)
        settle()
        context.store.close()
    app_context.open(open_store(small_db))
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    overview = window.show_workspace("overview")
    qtbot.waitUntil(lambda: overview.data is not None, timeout=10_000)
