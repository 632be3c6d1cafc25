"""The desk's operations on the database as a whole: settings, school years and `info`."""

from __future__ import annotations

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.services import setup
from coordinator.summary import DatabaseInfo
from coordinator.store import current_revision


class SetupOps(DeskCore):
    """Settings, school years and the database's summary."""

    def setting(self, key: str, default: str | None = None) -> str | None:
        return self._read(lambda s: setup.get_setting(s, key, default))

    def set_setting(self, key: str, value: str) -> Changes:
        return self._write(lambda s: setup.set_setting(s, key, value))[1]

    def school_years(self) -> list[str]:
        """Every school year held, oldest first, as labels like '2025/26'."""
        return self._read(setup.school_years)

    def current_year(self) -> str:
        return self._read(setup.current_year_label)

    def add_school_year(self, label: str) -> Changes:
        return self._write(lambda s: setup.ensure_school_year(s, label))[1]

    def info(self) -> DatabaseInfo:
        """How many records of each kind, the current year, the schema revision and the profile."""
        revision = current_revision(self.store.engine)
        return self._read(lambda s: setup.database_info(s, schema_revision=revision))
