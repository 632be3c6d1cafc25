"""The desk: the one door through which the app and the command line reach the data."""

from __future__ import annotations

from pathlib import Path

from coordinator.desk.clusters import ClustersDesk
from coordinator.desk.documents_ops import DocumentsOps
from coordinator.desk.first_steps import FirstStepsOps
from coordinator.desk.matching import MatchingDesk
from coordinator.desk.gui_views import GuiViews
from coordinator.desk.plans_ops import PlansOps
from coordinator.desk.records_ops import RecordsOps
from coordinator.desk.related_ops import RelatedOps
from coordinator.desk.safety_ops import SafetyOps
from coordinator.desk.setup_ops import SetupOps
from coordinator.desk.statistics_ops import StatisticsOps
from coordinator.desk.team_desk import TeamDesk
from coordinator.desk.transfer_ops import TransferOps
from coordinator.store import Store, open_store


class Desk(RecordsOps, PlansOps, StatisticsOps, DocumentsOps, TransferOps, MatchingDesk, SafetyOps, SetupOps,
           ClustersDesk, RelatedOps, FirstStepsOps, GuiViews, TeamDesk):
    """An open database: every operation the app and the command line need, Qt-free.

    Built as `Desk(store)` or `Desk.open(path_or_url)`. Each operation is one transaction and
    returns plain values (dataclasses, primitives), never ORM objects. Each write returns its
    `Changes` and the desk calls every `on_change` subscriber with them once committed.
    """

    @classmethod
    def open(cls, db: str | Path | None, *, create: bool = False) -> Desk:
        """Open (or with `create`, make) the database at a path or URL; UserError if refused."""
        return cls(open_store(db, create=create))

    @property
    def path(self) -> Path | None:
        """The database file, None for a server database."""
        return self.store.path

    @property
    def warning(self) -> str | None:
        """A translated warning when the file is on a network share or in a synced cloud folder."""
        return self.store.warning
