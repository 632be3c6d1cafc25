"""Seeing what a write changed: SQLAlchemy session events report every flushed row to the desk.

The desk runs each write inside `recording()`; every session opened in that context (the desk's
own, or one a safety or import routine opens on the same store) reports the rows it inserted,
updated or deleted, and the settings it set. Writes made outside a recording are not reported.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import ORMExecuteState, Session

from coordinator.changes import Changes, Kind


class Recorder:
    """The rows one write touched, gathered flush by flush."""

    def __init__(self) -> None:
        self.created: dict[Kind, set[int]] = {}
        self.updated: dict[Kind, set[int]] = {}
        self.deleted: dict[Kind, set[int]] = {}
        self.settings: set[str] = set()

    def note(self, bucket: dict[Kind, set[int]], obj: Any) -> None:
        table = getattr(obj, "__tablename__", None)
        kind = Kind.of_table(table) if table else None
        if kind is None:
            return
        if kind is Kind.SETTINGS:
            self.settings.add(str(obj.key))
            return
        ids = bucket.setdefault(kind, set())
        key = inspect(obj).mapper.primary_key_from_instance(obj)
        if len(key) == 1 and isinstance(key[0], int):
            ids.add(key[0])

    def note_statement(self, bucket: dict[Kind, set[int]], table: str) -> None:
        kind = Kind.of_table(table)
        if kind is not None:
            bucket.setdefault(kind, set())

    def changes(self) -> Changes:
        def frozen(bucket: dict[Kind, set[int]]) -> dict[Kind, frozenset[int]]:
            return {kind: frozenset(ids) for kind, ids in bucket.items()}

        return Changes(frozen(self.created), frozen(self.updated), frozen(self.deleted),
                       frozenset(self.settings))


_current: ContextVar[Recorder | None] = ContextVar("coordinator_desk_recorder", default=None)


@contextlib.contextmanager
def recording() -> Iterator[Recorder]:
    """Gather every row written in this context (this thread) until the block ends."""
    recorder = Recorder()
    token = _current.set(recorder)
    try:
        yield recorder
    finally:
        _current.reset(token)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context: Any) -> None:
    recorder = _current.get()
    if recorder is None:
        return
    for obj in session.new:
        recorder.note(recorder.created, obj)
    for obj in session.dirty:
        if session.is_modified(obj):
            recorder.note(recorder.updated, obj)
    for obj in session.deleted:
        recorder.note(recorder.deleted, obj)


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state: ORMExecuteState) -> None:
    """Bulk UPDATE/DELETE/INSERT statements: the kind is known, the ids are not."""
    recorder = _current.get()
    if recorder is None or not (state.is_update or state.is_delete or state.is_insert):
        return
    table = getattr(getattr(state.statement, "table", None), "name", None)
    if table is None:
        return
    bucket = recorder.deleted if state.is_delete else recorder.created if state.is_insert else recorder.updated
    recorder.note_statement(bucket, table)
