"""The desk's part in team mode: noticing what other people committed to a shared server database."""

from __future__ import annotations

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore


class TeamDesk(DeskCore):
    """Polling for changes made elsewhere (by another person's app on the same server database)."""

    _change_mark: int | None = None

    @property
    def shared(self) -> bool:
        """A server database, which other people may change while this app has it open."""
        return self.store.path is None

    def poll_changes(self) -> Changes:
        """Announce what was committed since the last poll (own writes included), like a write of one's own.

        The first poll only sets the mark. Read from the audit log, which every write goes through.
        """
        from coordinator.team.changes import changes_since

        mark = self._change_mark
        self._change_mark, changes = self._read(lambda s: changes_since(s, mark))
        return self.announce(changes) if changes else changes
