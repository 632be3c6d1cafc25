"""The desk's settings operation for the desktop app's Settings dialog: several settings in one transaction."""

from __future__ import annotations

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.services import setup


class GuiSettings(DeskCore):
    """What the Settings dialog saves at once."""

    def save_settings(self, values: dict[str, str]) -> Changes:
        """Set every key to its value in one transaction; the desk announces the keys that changed."""
        def save(session) -> None:
            for key, value in values.items():
                setup.set_setting(session, key, value)
        return self._write(save)[1]
