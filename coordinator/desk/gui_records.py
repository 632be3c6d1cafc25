"""The desk's record operations for the desktop app's tables and forms: read, create, update, delete one record.

Each write is one transaction; the desk announces what it changed. Values come back as plain
`RecordValues`, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from coordinator.changes import Changes, Kind
from coordinator.desk.core import DeskCore

if TYPE_CHECKING:
    from coordinator.services.records import ListQuery, RecordKind, RecordValues, Row
    from coordinator.services.search import SearchHit


def kind(kind_key: str) -> RecordKind:
    """The record kind of a key, its registry imported when first used (not while the app starts)."""
    from coordinator.services.records import KINDS

    return KINDS[kind_key]


def change_kind(kind_key: str) -> Kind:
    """The kind a record kind's writes are announced under (its table: the current classes are classes)."""
    found = Kind.of_table(kind(kind_key).model.__tablename__)
    if found is None:
        raise KeyError(kind_key)
    return found


class GuiRecords(DeskCore):
    """One record kind's rows, values and writes, named by the kind's key ("organisations", "pupils", …)."""

    def new_record(self, kind_key: str) -> RecordValues:
        """The values a new record of the kind starts with (its defaults)."""
        return self._read(lambda s: kind(kind_key).new_values(s))

    def record(self, kind_key: str, record_id: int) -> RecordValues:
        """A record's values; NotFoundError (a UserError) if it no longer exists."""
        return self._read(lambda s: kind(kind_key).get(s, record_id))

    def create_record(self, kind_key: str, values: dict[str, Any], *, record_id: int | None = None) -> Changes:
        """Create a record (under `record_id` when redoing, if that id is free); its id is in `created`."""
        return self._write(lambda s: kind(kind_key).create(s, values, record_id=record_id))[1]

    def update_record(self, kind_key: str, record_id: int, values: dict[str, Any]) -> Changes:
        return self._write(lambda s: kind(kind_key).update(s, record_id, values))[1]

    def delete_record(self, kind_key: str, record_id: int) -> Changes:
        return self._write(lambda s: kind(kind_key).delete(s, record_id))[1]

    def count_records(self, kind_key: str, query: ListQuery) -> int:
        return self._read(lambda s: kind(kind_key).count(s, query))

    def record_ids(self, kind_key: str, query: ListQuery, *, offset: int = 0, limit: int | None = None,
                   check: Callable[[], None] | None = None) -> list[int]:
        """Ids in display order; `check` may raise between chunks to stop early (a newer filter)."""
        return self._read(lambda s: kind(kind_key).list_ids(s, query, offset=offset, limit=limit, check=check))

    def record_rows(self, kind_key: str, ids: list[int], query: ListQuery | None = None) -> dict[int, Row]:
        return self._read(lambda s: kind(kind_key).fetch_rows(s, ids, query))

    def field_choices(self, kind_key: str, field_name: str) -> list[tuple[Any, str]]:
        """(value, label) pairs of a choice field, read from the database where they live there."""
        choices = kind(kind_key).field(field_name).choices
        return self._read(choices) if choices is not None else []

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Any person or organisation whose name, e-mail or phone matches `text`."""
        from coordinator.services.search import search

        return self._read(lambda s: search(s, text, limit=limit))

    def choice_filter_options(self, kind_key: str) -> list[tuple[Any, str]]:
        """What a kind's second filter (status, school, …) offers: (value, label)."""
        spec = kind(kind_key).choice_filter
        return [] if spec is None else self._read(lambda s: list(spec[2](s)))

    def ref_choices(self, kind_key: str, text: str = "", *, limit: int = 50,
                    include: Sequence[int] = ()) -> list[tuple[int, str]]:
        """Records of a kind to pick from (a reference field), narrowed by `text`."""
        return self._read(lambda s: list(kind(kind_key).ref_choices(s, text, limit=limit, include=include)))
