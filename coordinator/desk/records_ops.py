"""The desk's records: list, read, create, update and delete every kind of record, and search them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.services.records import KINDS, ColumnSpec, FieldSpec, ListQuery, RecordKind, RecordValues, Row
from coordinator.services.search import SearchHit

__all__ = ["RECORD_KINDS", "ColumnSpec", "FieldSpec", "ListQuery", "RecordValues", "RecordsOps", "Row",
           "SearchHit"]

RECORD_KINDS: tuple[str, ...] = tuple(KINDS)


def _kind(key: str) -> RecordKind:
    return KINDS[key]


class RecordsOps(DeskCore):
    """One registry of record kinds (organisations, pupils, placements…) behind one set of verbs."""

    def record_fields(self, kind: str) -> tuple[FieldSpec, ...]:
        return _kind(kind).fields

    def field_choices(self, kind: str, field_name: str) -> list[tuple[Any, str]]:
        """(value, label) pairs of a choice field, read from the database where they live there."""
        choices = _kind(kind).field(field_name).choices
        return self._read(choices) if choices is not None else []

    def count_records(self, kind: str, query: ListQuery = ListQuery()) -> int:
        return self._read(lambda s: _kind(kind).count(s, query))

    def record_ids(self, kind: str, query: ListQuery = ListQuery(), *, offset: int = 0, limit: int | None = None,
                   check: Callable[[], None] | None = None) -> list[int]:
        """Ids in display order, filtered and sorted in SQL; a page of them with offset/limit."""
        return self._read(lambda s: _kind(kind).list_ids(s, query, offset=offset, limit=limit, check=check))

    def record_rows(self, kind: str, ids: Sequence[int], query: ListQuery | None = None) -> dict[int, Row]:
        return self._read(lambda s: _kind(kind).fetch_rows(s, ids, query))

    def new_record(self, kind: str) -> RecordValues:
        """The values a new record's form starts with (defaults filled in)."""
        return self._read(_kind(kind).new_values)

    def record(self, kind: str, record_id: int) -> RecordValues:
        """A record's field values; NotFoundError when it no longer exists."""
        return self._read(lambda s: _kind(kind).get(s, record_id))

    def create_record(self, kind: str, values: dict[str, Any], *, record_id: int | None = None) -> Changes:
        """Validate and save a new record (with `record_id`, bring back a deleted one: undo)."""
        return self._write_changes(lambda s: _kind(kind).create(s, values, record_id=record_id))

    def update_record(self, kind: str, record_id: int, values: dict[str, Any], *,
                      version: int | None = None) -> Changes:
        """Save a record's changes; with the `version` the form read, an EditConflict if it was saved since."""
        return self._write_changes(lambda s: _kind(kind).update(s, record_id, values, version=version))

    def delete_record(self, kind: str, record_id: int) -> Changes:
        return self._write_changes(lambda s: _kind(kind).delete(s, record_id))

    def ref_choices(self, kind: str, text: str = "", *, limit: int = 50, include: Sequence[int] = (),
                    filters: tuple[tuple[str, Any], ...] = ()) -> list[tuple[int, str]]:
        """(id, label) pairs for a picker of `kind`: those matching `text` and `filters` (column, value),
        plus those in `include`. A label names what tells people apart: a pupil's class and school."""
        return self._read(lambda s: _kind(kind).ref_choices(s, text, limit=limit, include=include, filters=filters))

    def search(self, text: str, *, limit: int = 20) -> list[SearchHit]:
        """Any person or organisation whose name, e-mail or phone matches `text`."""
        from coordinator.services.search import search

        return self._read(lambda s: search(s, text, limit=limit))
