"""One writer at a time: lock files naming the process, host and start time, one per file whatever its path.

Plain Python (no Qt) so the command line and the desktop app share it. A lock left by a process
that no longer runs on this host is stale and is cleared automatically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from coordinator.errors import UserError
from coordinator.formatting import format_datetime
from coordinator.i18n import _

# A lock file still empty after this long was left by a process killed while creating it.
_EMPTY_LOCK_GRACE_SECONDS = 5.0


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    started: str  # ISO time the lock was taken
    process_start: str | None = None  # the holder's own start mark (Linux), to see through pid reuse


def lock_path_for(db_path: str | Path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + ".lock")


def _process_start(pid: int) -> str | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Field 22 (start time in clock ticks); the command name in parentheses may hold spaces.
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _read_holder(path: Path) -> LockHolder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(pid=int(data["pid"]), host=str(data["host"]), started=str(data["started"]),
                          process_start=data.get("process_start"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def identity_lock_path(db_path: str | Path) -> Path | None:
    """The lock named by the file's device and inode, shared by every path to it (hard links too)."""
    try:
        info = Path(db_path).stat()
    except OSError:
        return None  # not made yet: the lock beside it is the only one
    from coordinator.safety.dbfile import state_directory

    return state_directory() / "locks" / f"{info.st_dev}-{info.st_ino}.lock"


class _LockFile:
    """One lock file naming its holder; `acquire()` returns the live holder that stops it, or None."""

    def __init__(self, path: Path, db_path: Path) -> None:
        self.path = path
        self.db_path = db_path
        self.owned = False

    def holder(self) -> LockHolder | None:
        if not self.path.exists():
            return None
        holder = _read_holder(self.path)
        if holder is None or self._is_stale(holder):
            return None
        return holder

    def _is_stale(self, holder: LockHolder | None) -> bool:
        if holder is None:
            try:
                age = time.time() - self.path.stat().st_mtime
            except OSError:
                return True
            return age > _EMPTY_LOCK_GRACE_SECONDS
        if holder.host != socket.gethostname():
            return False  # another machine's process cannot be checked; never take its lock
        if not _pid_alive(holder.pid):
            return True
        if holder.process_start is not None:
            now = _process_start(holder.pid)
            if now is not None and now != holder.process_start:
                return True  # the pid was reused by an unrelated process
        return False

    def acquire(self) -> tuple[bool, LockHolder | None]:
        """(True, None) when taken (or already this process's); (False, holder) when someone else has it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)  # `init` locks a file not made yet
        for _attempt in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = _read_holder(self.path)
                if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
                    return True, None  # this process already holds it (the app runs a command in-process)
                if self._is_stale(holder):
                    with contextlib.suppress(FileNotFoundError):
                        self.path.unlink()
                    continue
                return False, holder
            except OSError as exc:
                raise UserError(_("The lock file {name} cannot be created: {reason}.").format(
                    name=self.path.name, reason=exc.strerror or type(exc).__name__)) from exc
            data = {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "started": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                "process_start": _process_start(os.getpid()),
                "app": "coordinator",
            }
            try:
                os.write(fd, json.dumps(data).encode("utf-8"))
                os.fsync(fd)
            finally:
                os.close(fd)
            self.owned = True
            return True, None
        return False, _read_holder(self.path)

    def release(self) -> None:
        if not self.owned:
            return
        holder = _read_holder(self.path)
        if holder is not None and holder.pid == os.getpid():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self.owned = False


class DatabaseLock:
    """The lock on one database file, whatever the path to it: a lock file beside the file (symbolic
    links resolved) and one named by its device and inode (so a hard link is the same file).

    `acquire()` raises UserError naming the holder if either is taken.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.db_path = Path(db_path)
        real = self.db_path.resolve()
        self.path = lock_path_for(real)
        self._files = [_LockFile(self.path, real)]
        identity = identity_lock_path(real)
        if identity is not None:
            self._files.append(_LockFile(identity, real))
        self._owned = False

    @property
    def held(self) -> bool:
        return self._owned

    def holder(self) -> LockHolder | None:
        """Who holds the lock now, or None if it is free or stale."""
        return next((h for h in (f.holder() for f in self._files) if h is not None), None)

    def acquire(self) -> DatabaseLock:
        if self._owned:
            return self
        for taken, lock_file in enumerate(self._files):
            ok, holder = lock_file.acquire()
            if not ok:
                for earlier in self._files[:taken]:
                    earlier.release()
                raise self._held_error(holder)
        self._owned = True
        return self

    def _held_error(self, holder: LockHolder | None) -> UserError:
        if holder is None:
            return UserError(_("The database {name} is in use by another program; nothing was changed.")
                             .format(name=self.db_path.name))
        try:
            when = format_datetime(dt.datetime.fromisoformat(holder.started), "short")
        except (ValueError, TypeError):
            when = holder.started
        return UserError(_("The database {name} is in use by process {pid} on {host} since {time}; "
                           "nothing was changed. Close that program and try again.").format(
            name=self.db_path.name, pid=holder.pid, host=holder.host, time=when))

    def release(self) -> None:
        if not self._owned:
            return
        for lock_file in reversed(self._files):
            lock_file.release()
        self._owned = False

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()


@contextlib.contextmanager
def database_lock(db_path: str | Path | None) -> Iterator[DatabaseLock | None]:
    """Hold the lock for a block; a database that is not a local file (None) needs none."""
    if db_path is None:
        yield None
        return
    lock = DatabaseLock(db_path)
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()
