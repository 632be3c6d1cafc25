"""The desk's related records: what a record's page lists under its form (an organisation's contacts, log…)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from coordinator.clusters import networks as nets
from coordinator.clusters.networks import Contribution
from coordinator.desk.core import DeskCore
from coordinator.errors import UserError
from coordinator.services import related
from coordinator.services.related import RelatedGroup, RelatedRow

__all__ = ["RELATED_PAGES", "RelatedGroup", "RelatedOps", "RelatedRecords", "RelatedRow"]

# The record kinds whose page lists related records.
RELATED_PAGES: frozenset[str] = frozenset(related.READERS)


@dataclass(frozen=True)
class RelatedRecords:
    """The groups of records linked to one record; for an organisation also its last contact and what it
    did with the cluster in the current school year (`year` its label)."""

    groups: tuple[RelatedGroup, ...]
    last_contact: dt.date | None = None
    contribution: Contribution | None = None
    year: str = ""


class RelatedOps(DeskCore):
    """One question for every record page: what is linked to this record."""

    def related_records(self, kind: str, record_id: int) -> RelatedRecords:
        """The records linked to one organisation, pupil or teacher, newest first in each group."""
        def read(session: Session) -> RelatedRecords:
            groups = related.READERS[kind](session, record_id)
            if kind != "organisations":
                return RelatedRecords(groups)
            from coordinator.years import resolve_year

            try:
                year = resolve_year(session)
            except UserError:  # no school year yet: no contribution to count
                return RelatedRecords(groups, related.last_contact(session, record_id))
            given = nets.contribution(session, record_id, year.starts_on, year.ends_on)
            return RelatedRecords(groups, related.last_contact(session, record_id), given, year.label)

        return self._read(read)
