"""The Overview's key numbers kept between runs: computed once per version of the data, as the scorecard is.

The year's counts, the encounter rate per grade and girls and boys per sector aggregate every enrolment
of the year, the slow part of the Overview on a region. They are kept on the shelf of the desk's other
figures (coordinator.desk.kept_figures), under the database, the version of its data read in the same
transaction, the language, the day (which decides the current school year) and the domain's code.
The shelf holds these aggregates only; the Overview's lists, which name pupils, are read afresh.
Only a database file is cached: on a server others change the data, so its numbers are computed afresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coordinator.desk.core import DeskCore

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coordinator.services.progress import KeyNumbers


class GuiOverview(DeskCore):
    """The key numbers of the Overview, from the cache while the data has not changed."""

    def overview_numbers(self) -> KeyNumbers:
        """The current school year's key numbers (see coordinator.services.progress.key_numbers)."""
        return self._read(self._kept_numbers)

    def _kept_numbers(self, session: Session) -> KeyNumbers:
        from coordinator.services.progress import key_numbers

        if self.store.path is None:
            return key_numbers(session)
        from coordinator.desk import kept_figures
        from coordinator.desk.figures import data_version

        key = kept_figures.figures_key(self.store.path, data_version(session), ("overview",))
        found, numbers = kept_figures.kept(key)
        if not found:
            numbers = key_numbers(session)
            kept_figures.keep(key, numbers)
        return numbers
