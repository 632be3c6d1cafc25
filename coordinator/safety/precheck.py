"""The read-only file check started early, in a thread beside the imports and the window being built.

Opening a file waits for its verdict (`take_verdict`) before anything may write to it, so the safety
rule is kept: a damaged file is refused untouched. SQLite releases the interpreter lock while it reads
the pages, so the check costs the person next to nothing. A verdict is only used for the file exactly as
it was checked (its size and times, and its WAL's, unchanged); otherwise the file is checked again.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coordinator.safety.integrity import CheckResult

_lock = threading.Lock()
_pending: dict[str, tuple[tuple[int, ...], Future[tuple[bool, CheckResult]]]] = {}


def database_file(db: str | Path | None) -> Path | None:
    """The SQLite file a `--db` value names (the default file for None); None for a server URL."""
    if db is None:
        from coordinator.safety.locations import default_database_path

        return default_database_path()
    text = str(db)
    if "://" in text or "\x00" in text:
        return None
    try:
        return Path(text).expanduser().resolve()
    except (OSError, RuntimeError):
        return None


def needs_full_check(path: Path) -> bool:
    """The full `integrity_check` for anything but a file this app closed cleanly and nobody touched since,
    or one another process of this app holds open (it checked the file before its first write)."""
    from coordinator.safety.dbfile import closed_cleanly
    from coordinator.safety.lock import DatabaseLock

    if closed_cleanly(path):
        return False
    holder = DatabaseLock(path).holder()
    return not (holder is not None and holder.pid != os.getpid())


def _state(path: Path) -> tuple[int, ...]:
    """Identity, size and times of the file, and of its WAL when that holds anything, by `stat` alone (no
    descriptor of the live file is opened). The check itself may leave an empty WAL behind."""
    found: list[int] = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            info = candidate.stat()
        except OSError:
            continue
        if info.st_size or candidate == path:
            found += [info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns]
    return tuple(found)


def start_check(db: str | Path | None) -> None:
    """Begin checking the file `db` names in a thread (nothing for a URL, a missing file, or one under way).

    Whether the quick or the full check is due is decided in the thread too: it reads the clean-close
    register and the lock, whose modules need not hold up the caller."""
    path = database_file(db)
    if path is None or not path.is_file():
        return
    future: Future[tuple[bool, CheckResult]] = Future()
    with _lock:
        if str(path) in _pending:
            return
        _pending[str(path)] = (_state(path), future)
    threading.Thread(target=_run, args=(future, path), name="file-check", daemon=True).start()


def _run(future: Future[tuple[bool, CheckResult]], path: Path) -> None:
    try:
        from coordinator.safety.integrity import check_file

        full = needs_full_check(path)
        future.set_result((full, check_file(path, full=full, foreign_keys=full, ours=True)))
    except BaseException as exc:  # noqa: BLE001  (handed to the opener, which checks again itself)
        future.set_exception(exc)


def take_verdict(path: Path, *, full: bool) -> CheckResult | None:
    """The verdict of a check of this kind started for this file, once it is in; None when there is none to
    trust (none was started, it was of the other kind or failed to run, or the file has changed since)."""
    with _lock:
        entry = _pending.pop(str(path), None)
    if entry is None:
        return None
    state, future = entry
    try:
        checked_full, result = future.result()
    except Exception:  # noqa: BLE001
        return None
    return result if checked_full == full and _state(path) == state else None
