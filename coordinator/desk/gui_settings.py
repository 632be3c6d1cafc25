"""The desk's settings operation for the desktop app's Settings dialog: several settings in one transaction."""

from __future__ import annotations

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore


class GuiSettings(DeskCore):
    """What the Settings dialog saves at once."""

    def save_settings(self, values: dict[str, str]) -> Changes:
        """Set every key to its value in one transaction; the desk announces the keys that changed."""
        from coordinator.services.setup import set_setting

        def save(session) -> None:
            for key, value in values.items():
                set_setting(session, key, value)
        return self._write(save)[1]
