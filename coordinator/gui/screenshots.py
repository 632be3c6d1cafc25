"""Rendering every workspace, the search popup and a filled detail form to PNG files, offscreen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTemporaryDir
from PySide6.QtWidgets import QApplication, QWidget

from coordinator.gui.workers import wait_for_tasks
from coordinator.enums import PlacementStatus
from coordinator.services.records import ListQuery

SIZE = (1366, 820)


def settle(rounds: int = 4) -> None:
    """Let background loads finish and their results be painted."""
    for _ in range(rounds):
        wait_for_tasks(60_000)
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QApplication.sendPostedEvents()


def render_all(store, out: Path, language: str) -> list[Path]:
    """Every workspace of a window on `store` (a Desk, or the store to open one on) as PNG files in `out`."""
    from coordinator.gui.app import install_translators, make_application
    from coordinator.gui.context import AppContext
    from coordinator.gui.main_window import MainWindow

    app = make_application()
    install_translators(language)
    # Screenshots never touch the person's own window settings.
    scratch = QTemporaryDir()
    settings = QSettings(str(Path(scratch.path()) / "screens.ini"), QSettings.Format.IniFormat)
    context = AppContext(store, settings)
    window = MainWindow(context)
    window.resize(*SIZE)
    window.show()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for key in window.keys:
        window.show_workspace(key)
        settle()
        written.append(_save(window, out / f"{key}.png"))
    written.append(_form_shot(window, out / "form.png"))
    written.append(_search_shot(window, out / "search.png"))
    window.close()
    settle(1)
    del app
    return written


def _save(widget: QWidget, path: Path) -> Path:
    if not widget.grab().save(str(path), "PNG"):
        raise OSError(path)
    return path


def _form_shot(window, path: Path) -> Path:
    workspace = window.show_workspace("placements")
    settle()
    panel = getattr(workspace, "panel", None)
    if panel is not None and panel.model.rowCount():
        # Prefer a placement the checks warn about, so that the picture shows the warnings too.
        doubtful = min(window.context.desk.record_ids("placements", ListQuery(filters=(
            ("status", PlacementStatus.CONFIRMED), ("risk_assessment_received", False)))), default=None)
        if doubtful is not None:
            panel.select_id(doubtful)
        else:
            panel.table.selectRow(0)
        settle()
    return _save(window, path)


def _search_shot(window, path: Path) -> Path:
    window.show_workspace("organisations")
    settle()
    window.open_search()
    popup = window.search_popup
    if popup is None:
        return _save(window, path)
    popup.field.setText(_first_name(window))
    if hasattr(popup, "run_search"):
        popup.run_search()
    settle()
    # A popup is its own window: paint the main window and the popup over it.
    from PySide6.QtGui import QPainter

    image = window.grab()
    painter = QPainter(image)
    offset = popup.mapToGlobal(popup.rect().topLeft()) - window.mapToGlobal(window.rect().topLeft())
    painter.drawPixmap(offset, popup.grab())
    painter.end()
    popup.hide()
    if not image.save(str(path), "PNG"):
        raise OSError(path)
    return path


def _first_name(window) -> str:
    desk = window.context.desk
    first = min(desk.record_ids("organisations", ListQuery()), default=None)
    name = desk.record("organisations", first).values.get("name") if first is not None else None
    return (name or "a").split()[0][:5]
