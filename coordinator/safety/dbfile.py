"""The database file itself: how the app looks at it, and the record of files it closed cleanly.

The rule: never open a descriptor of a live database file (nor of its ``-wal``, ``-shm`` or
``-journal``) outside SQLite in a process that may hold a connection to it. No ``open()``,
``read_bytes()``, ``shutil.copy``, hashing or ``os.open`` of those files; read them through SQLite
(a read-only connection and its PRAGMAs, the backup API). ``os.stat`` by path opens nothing and
is fine.

The reason: POSIX advisory locks (``fcntl``), which SQLite uses, belong to a process and a file,
not to a descriptor. Closing *any* descriptor of the file drops *every* lock the process holds on
it, including those of its SQLite connections. The next process to close its connection then
believes it is the last one, checkpoints and deletes the WAL and its index under the open
connection, and later commits of that connection reach no file other processes can see (SQLite's
"How To Corrupt An SQLite Database File", section 2.2). SQLite itself avoids this between its own
connections of one process, so a second SQLite connection is always safe.

A fingerprint of the file (device, inode, size, modification and change times) is recorded when
the app closes it cleanly, in the app's own state folder, never in or beside the database. A file
whose fingerprint still matches at the next open was not touched since, by anyone; any other file
gets the full check before it is used (see coordinator.safety.integrity and coordinator.store).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from platformdirs import user_state_dir

from coordinator import APP_NAME

REGISTER_NAME = "clean-closes.json"
_KEEP = 200  # files remembered; a forgotten one just gets the full check again
_SIDECARS = ("-wal", "-journal")


@dataclass(frozen=True)
class Fingerprint:
    device: int
    inode: int
    size: int
    modified_ns: int
    changed_ns: int


def state_directory() -> Path:
    override = os.environ.get("COORDINATOR_STATE_DIR")
    return Path(override) if override else Path(user_state_dir(APP_NAME, appauthor=False))


def fingerprint(path: str | Path) -> Fingerprint | None:
    """The file's identity and times by `stat` alone; None when it is missing or has an unfinished WAL or
    journal beside it (its content is then not in the file alone)."""
    db = Path(path)
    try:
        info = db.stat()
        for suffix in _SIDECARS:
            with contextlib.suppress(FileNotFoundError):
                if db.with_name(db.name + suffix).stat().st_size:
                    return None
    except OSError:
        return None
    return Fingerprint(info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _key(path: str | Path) -> str:
    return str(Path(path).resolve())


def _read_register() -> dict[str, dict[str, int]]:
    try:
        data = json.loads((state_directory() / REGISTER_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_register(entries: dict[str, dict[str, int]]) -> None:
    """Replace the register in one rename. Not synced to disk: a register lost in a power cut only
    means one full check more, while a sync on every close would cost every command."""
    folder = state_directory()
    kept = dict(list(entries.items())[-_KEEP:])
    tmp: str | None = None
    try:  # not remembered on any failure: the next open checks in full
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{REGISTER_NAME}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(kept, fh)
        os.replace(tmp, folder / REGISTER_NAME)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def record_clean_close(path: str | Path) -> None:
    """Remember the file as the app leaves it; nothing is remembered while a WAL or journal remains."""
    entries = _read_register()
    key = _key(path)
    entries.pop(key, None)
    found = fingerprint(path)
    if found is not None:
        entries[key] = asdict(found)
    _write_register(entries)


def closed_cleanly(path: str | Path) -> bool:
    """True when the file is exactly as the app left it at its last clean close."""
    found = fingerprint(path)
    if found is None:
        return False
    stored = _read_register().get(_key(path))
    return isinstance(stored, dict) and stored == asdict(found)
