"""The desk's engine room: it owns the store, one transaction per operation, and the subscribers.

Every operation reads through `_read` or writes through `_write`. A write is one transaction;
when it has committed, the desk works out what changed (see `recording`) and calls every
subscriber with that `Changes`. Subscribers are called in the thread that made the write.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import Self, TypeVar

from sqlalchemy.orm import Session

from coordinator.changes import NOTHING, Changes
from coordinator.desk.recording import recording
from coordinator.store import Store

T = TypeVar("T")
Subscriber = Callable[[Changes], None]

log = logging.getLogger(__name__)


class DeskCore:
    """An open database behind one door: sessions, transactions and change announcements."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    # -- life ----------------------------------------------------------------------------------
    def close(self) -> None:
        """Release the database (the desk cannot be used afterwards)."""
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- subscriptions -------------------------------------------------------------------------
    def on_change(self, callback: Subscriber) -> Callable[[], None]:
        """Call `callback(changes)` after every committed write; returns a function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def announce(self, changes: Changes) -> Changes:
        """Tell every subscriber; used by the desk itself after a write, never by callers."""
        if not changes:
            return changes
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            callback(changes)
        return changes

    # -- transactions --------------------------------------------------------------------------
    @contextlib.contextmanager
    def _session(self) -> Iterator[Session]:
        with self.store.session() as session:
            yield session

    def _read(self, fn: Callable[[Session], T]) -> T:
        """Run `fn` in one read transaction and return its (plain) result."""
        with self._session() as session:
            return fn(session)

    def _write(self, fn: Callable[[Session], T], *, also: Changes = NOTHING) -> tuple[T, Changes]:
        """Run `fn` in one transaction; once committed, announce what changed and return both."""
        result, changes = self._track(lambda: self._read(fn))
        return result, self.announce(changes.merge(also))

    def _track(self, fn: Callable[[], T]) -> tuple[T, Changes]:
        """Run `fn` (which may open its own sessions on this store) and gather what it wrote."""
        with recording() as recorder:
            result = fn()
        return result, recorder.changes()

    def _run_write(self, fn: Callable[[], T], *, also: Changes = NOTHING) -> tuple[T, Changes]:
        """Like `_write` for routines that open their own sessions on the store; announces when done."""
        result, changes = self._track(fn)
        return result, self.announce(changes.merge(also))

    def _write_changes(self, fn: Callable[[Session], Changes]) -> Changes:
        """`_write` for a service that itself says what it changed: both are merged and announced."""
        result, changes = self._track(lambda: self._read(fn))
        return self.announce(changes.merge(result))
