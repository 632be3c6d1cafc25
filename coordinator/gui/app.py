"""Starting the desktop app: QApplication, translators, the AppContext, first launch, the main window."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QSettings, QSize, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from coordinator import APP_ID, APP_NAME
from coordinator.errors import UserError
from coordinator.gui.translator import install_translators
from coordinator.i18n import get_language, normalise_language

__all__ = ["install_translators", "make_application", "run_gui"]


def _qt_messages(mode: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file, not to a person's terminal; platform chatter is dropped."""
    if message.startswith("This plugin does not support"):
        return  # the offscreen platform (screenshots, tests) cannot raise windows; nothing is wrong
    level = logging.WARNING if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtInfoMsg) else logging.ERROR
    if mode == QtMsgType.QtDebugMsg:
        level = logging.DEBUG
    logging.getLogger("coordinator.qt").log(level, "%s", message)


def make_application(argv: list[str] | None = None) -> QApplication:
    if QApplication.instance() is None and "pytest" not in sys.modules:
        qInstallMessageHandler(_qt_messages)  # pytest-qt installs its own, to fail tests on warnings
    app = QApplication.instance()
    if app is None:
        # Sharp at 125 % and 150 % too: fractional scale factors are passed through, not rounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
        from coordinator.gui.color_scheme import follow_system_color_scheme

        follow_system_color_scheme(app)  # dark when the system is dark
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    # Desktops match the window to the installed entry (se….desktop) and its icon through this name.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(_application_icon())
    return app  # type: ignore[return-value]


def _application_icon() -> QIcon:
    """The app's icon in every size that is installed with it (none if the icons are missing)."""
    from coordinator.resources import resource_path

    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256, 512):
        try:
            icon.addFile(str(resource_path(f"icons/coordinator-{size}.png")), QSize(size, size))  # read when shown
        except UserError:
            logging.getLogger(__name__).warning("application icon of %d px missing", size)
    return icon


def initial_language(lang: str | None, settings: QSettings) -> str:
    if lang:
        return normalise_language(lang)
    stored = settings.value("language")
    return normalise_language(str(stored)) if stored else get_language()


def run_gui(db: str | None, lang: str | None) -> int:
    """Start the app on `db` (or the last database, or offer the demo/an empty one); returns the exit code.

    The main window is drawn first; then the file is checked and the database layer loads in threads, and
    the workspaces open once the verdict is in (coordinator.gui.startup).
    """
    from coordinator.desk.opening import default_database

    app = make_application()
    settings = QSettings(APP_NAME, APP_NAME)
    path = db or _last_database(settings) or (str(default_database()) if default_database().exists() else None)
    if path is not None and "://" not in str(path) and not Path(path).exists():
        path = None  # a new file: the first-launch dialog offers to create it there
    from coordinator.gui.context import AppContext
    from coordinator.gui.crash import install_crash_handler
    from coordinator.gui.main_window import MainWindow

    install_crash_handler()
    install_translators(initial_language(lang, settings))
    context = AppContext(None, settings)
    if path is None and not _first_launch(context, db):
        return 0
    try:
        window = MainWindow(context)
    except UserError as exc:  # another app or command holds the database
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, APP_NAME, str(exc))
        context.desk.close()
        return 1
    window.show()
    opener = None
    if context.desk is None:
        from coordinator.gui.startup import DeskOpener

        app.processEvents()  # drawn before the threads start to take turns with it
        opener = DeskOpener(window, str(path), suggested=db)
    code = app.exec()
    if opener is not None:
        opener.finish()
    if context.desk is not None:
        context.desk.close()
    return int(code)


def _first_launch(context, suggested: str | None) -> bool:  # type: ignore[no-untyped-def]
    """Offer the demo or an empty database; False when the person closes the dialog."""
    from coordinator.gui.dialogs.first_launch import FirstLaunchDialog
    from coordinator.gui.recent import remember_database

    dialog = FirstLaunchDialog(context, suggested=suggested)
    if not dialog.exec() or dialog.desk is None:
        return False
    context.open(dialog.desk)
    if dialog.desk.path is not None:
        remember_database(context.settings, str(dialog.desk.path))
    return True


def _last_database(settings: QSettings) -> str | None:
    value = settings.value("last_database")
    return str(value) if value and Path(str(value)).exists() else None


def ensure_offscreen() -> None:
    """Render without a display (screenshots, tests) unless a platform was chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
