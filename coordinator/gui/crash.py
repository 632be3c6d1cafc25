"""The desktop app's last line of defence: an error nobody caught becomes one clear message, never a traceback.

A `UserError` raised in a slot is shown as it is (it is already a translated sentence). Anything else
is written to the log file — with personal data filtered out, see coordinator.safety.logs — and the
person is told, in their language, what happened and where the details are.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from coordinator import APP_NAME
from coordinator.desk.gui_files import ensure_logging, log_directory
from coordinator.errors import UserError
from coordinator.i18n import _

log = logging.getLogger("coordinator.gui")
Show = Callable[[str, str], None]


def _show(title: str, text: str) -> None:
    QMessageBox.warning(QApplication.activeWindow(), title, text)


def handle_exception(kind: type[BaseException], error: BaseException, trace: TracebackType | None,
                     show: Show = _show) -> None:
    if isinstance(error, KeyboardInterrupt):
        QApplication.quit()
        return
    if isinstance(error, UserError):
        show(APP_NAME, str(error))
        return
    log.error("unexpected error in the app", exc_info=(kind, error, trace))
    show(APP_NAME, _("Something went wrong ({error}); what you saved before is safe. The details were "
                     "written to the log in {folder}.").format(error=kind.__name__, folder=log_directory()))


def install_crash_handler() -> None:
    ensure_logging()
    sys.excepthook = handle_exception
