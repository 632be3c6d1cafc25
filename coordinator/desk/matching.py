"""The desk's matching: offers and wishes in, a rank-maximal match out, applied as requested placements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.lazy import reexported

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from coordinator.matching.service import MatchOutcome, OfferRow, WishPeriod, WishRow
    from coordinator.transfer.plan import ImportResult

__all__ = ["MatchOutcome", "MatchRow", "MatchingDesk", "OfferRow", "WishPeriod", "WishRow"]
_HOMES = dict.fromkeys(("MatchOutcome", "MatchRow", "OfferRow", "WishPeriod", "WishRow"),
                       "coordinator.matching.service")


def __getattr__(name: str) -> object:
    return reexported(__name__, name, _HOMES)


class MatchingDesk(DeskCore):
    """Placing a whole grade: the periods with wishes, a match (read only), and applying it."""

    def wish_periods(self) -> list[WishPeriod]:
        from coordinator.matching.service import wish_periods

        return self._read(wish_periods)

    def match_inputs(self, *, first_day: dt.date, last_day: dt.date) -> tuple[list[OfferRow], list[WishRow]]:
        """The offers inside the period and the wishes for it, side by side."""
        from coordinator.matching.service import match_inputs

        return self._read(lambda session: match_inputs(session, first_day=first_day, last_day=last_day))

    def match(
        self,
        *,
        first_day: dt.date,
        last_day: dt.date,
        year: str | None = None,
        balance: bool = False,
        seed: int = 0,
        locks: dict[int, int] | None = None,
    ) -> MatchOutcome:
        """The rank-maximal match of the pupils who wished for this period; nothing is written.

        `locks` maps a pupil's id to the offer id the coordinator placed them at by hand; they stay.
        """
        from coordinator.matching.service import run_match

        return self._read(
            lambda session: run_match(
                session, first_day=first_day, last_day=last_day, year=year, balance=balance, seed=seed,
                locks=locks,
            )
        )

    def apply_match(
        self,
        *,
        first_day: dt.date,
        last_day: dt.date,
        year: str | None = None,
        balance: bool = False,
        seed: int = 0,
        locks: dict[int, int] | None = None,
    ) -> tuple[MatchOutcome, Changes]:
        """Match and write every assignment as a placement with status requested, in one transaction."""
        from coordinator.matching.service import run_match
        from coordinator.safety.backups import backup_before

        backup_before(self.store, "match")
        return self._write(
            lambda session: run_match(
                session,
                first_day=first_day,
                last_day=last_day,
                year=year,
                balance=balance,
                seed=seed,
                apply=True,
                locks=locks,
            )
        )

    def write_match_letters(self, *, first_day: dt.date, last_day: dt.date, out: Path,
                            language: str | None = None) -> Path:
        """The placement letters (to pupils and to hosts) of the pupils who wished for the period, as one PDF:
        their placements inside it, as an applied match wrote them."""
        from coordinator.documents import render_document
        from coordinator.matching.service import match_placements
        from coordinator.schoolyears import label_of

        placements = self._read(lambda s: match_placements(s, first_day=first_day, last_day=last_day))
        return render_document(self.store, "letters", out, language=language, year=label_of(first_day),
                               date_from=first_day, date_to=last_day, placement_ids=placements)

    def organisation_id_of(self, text: str) -> int:
        """The organisation with this number or name (for the command line's offer form)."""
        from coordinator.matching.offer_form import organisation_id_of

        return self._read(lambda session: organisation_id_of(session, text))

    def write_offer_form(self, *, organisation_id: int, first_day: dt.date, last_day: dt.date, out: Path,
                         language: str | None = None) -> str:
        """The offer form (XLSX) for one organisation and period, in its contact's language; returns it."""
        from coordinator.matching.offer_form import write_offer_form
        from coordinator.safety.own_files import refuse_own_file

        refuse_own_file(out, self.store.path)
        return self._read(lambda session: write_offer_form(
            session, organisation_id=organisation_id, first_day=first_day, last_day=last_day, out=out,
            language=language))

    def import_wishes(
        self,
        file: Path,
        *,
        first_day: dt.date,
        last_day: dt.date,
        mapping: dict[str, str] | None = None,
        encoding: str | None = None,
        year: str | None = None,
        good_rows_only: bool = False,
        dry_run: bool = False,
    ) -> tuple[ImportResult, Changes]:
        """Read pupils' ranked wishes for the period first_day–last_day (all or nothing, as every import)."""
        from coordinator.safety.backups import backup_before
        from coordinator.settings import profile_code
        from coordinator.transfer import analyse_file, apply_import

        if not dry_run:
            backup_before(self.store, "import")

        def run(session: Session) -> ImportResult:
            plan = analyse_file(
                file, "wishes", profile=profile_code(session), mapping=mapping, encoding=encoding
            )
            return apply_import(
                session,
                plan,
                year=year,
                good_rows_only=good_rows_only,
                dry_run=dry_run,
                period=(first_day, last_day),
            )

        result, changes = self._track(lambda: self._read(run))
        return result, self.announce(changes.merge(result.changes))
