"""The contract every workspace of the main window keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from coordinator.gui.context import AppContext

if TYPE_CHECKING:
    from coordinator.changes import Changes


class Workspace(QWidget):
    """One entry of the navigation list: Overview, Organisations, … Documents.

    `key` names it in code, screenshots and settings; `title()` is translated each time it is
    asked for. A workspace connects to `context.changes_applied` itself and refreshes only what
    concerns it; `retranslate()` is called when the language changes.
    """

    key: str = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName(f"workspace_{self.key}")

    def title(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        """Re-read every visible text in the language now in force."""

    def refresh(self, changes: Changes | None = None) -> None:
        """Reload what is shown; `changes` None means everything (e.g. another database opened)."""

    def activated(self) -> None:
        """Called when the workspace becomes visible; load lazily here."""

    def settle(self) -> bool:
        """Before the workspace is left: True when nothing unsaved would be lost (the person was asked)."""
        return True
