"""A region of 100,000 pupils: the pupils workspace opens, filters, scrolls and sorts while loading in the background."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer

from coordinator.store import open_store


class Heartbeat:
    """Ticks every 5 ms on the GUI thread and keeps the longest gap between two ticks."""

    def __init__(self):
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=5)
        self.timer.timeout.connect(self._tick)
        self.longest = 0
        self.ticks = 0

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def _tick(self) -> None:
        self.longest = max(self.longest, self.clock.restart())
        self.ticks += 1

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture(scope="session")
def region_template(tmp_path_factory, demo_template):
    return demo_template(tmp_path_factory, "se", "region")


@pytest.mark.slow
def test_pupils_of_a_region_open_and_filter_without_blocking(qtbot, region_template, tmp_path, gui_settings):
    from coordinator.gui.context import AppContext
    from coordinator.gui.main_window import MainWindow
    from coordinator.gui.workers import wait_for_tasks

    path = tmp_path / "region.sqlite"
    shutil.copyfile(region_template, path)
    store = open_store(path)
    # The window opens on the pupils workspace: its widgets are built in the constructor, then the
    # 100,000 rows load in the background while the heartbeat runs.
    gui_settings.setValue("workspace", "pupils")
    context = AppContext(store, gui_settings)
    beat = Heartbeat()
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)  # the first paint of any window, however small its database
    beat.start()
    panel = window.workspace("pupils").panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 90_000 and not panel.model.loading, timeout=60_000)
    opened = beat.longest

    qtbot.keyClicks(panel.filter, "ander")
    qtbot.waitUntil(lambda: panel.model.query.text == "ander" and not panel.model.loading, timeout=60_000)
    found = panel.model.rowCount()
    assert 0 < found < 100_000
    assert all("ander" in " ".join(panel.model.index(r, c).data() or "" for c in range(3)).lower()
               for r in range(min(found, 20)))

    # Scroll to the end, sort by another column: rows come page by page, sorting runs in SQL.
    panel.table.scrollToBottom()
    panel.table.horizontalHeader().setSortIndicator(5, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: panel.model.query.sort == 5 and not panel.model.loading, timeout=60_000)
    qtbot.wait(50)
    beat.stop()
    # How long the thread was blocked at most is a figure of benchmarks/run.py (pupils table), printed
    # here (-s) but not asserted: a busy machine would decide it.
    print(f"longest GUI-thread block: opening {opened} ms, overall {beat.longest} ms, {beat.ticks} ticks")
    window.close()
    wait_for_tasks()
    store.close()
