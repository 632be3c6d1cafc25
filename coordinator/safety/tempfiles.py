"""The app's own temporary files: private (0600), beside their target, named so leftovers are found.

Exports, backups, restores and rebuilt databases are written to a temporary file in the target's
folder and renamed over the target when complete. A process killed midway leaves that file behind,
and it may hold pupils' data: so it is readable by its owner only, its name says which process made
it (`.<target>.<pid>-<token>.coordinator.tmp`), and `clean_leftovers` removes those of processes
that no longer run, at the next open, in the database's folder, its backups folder and the folders
of recent exports.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import time
from collections.abc import Iterable
from pathlib import Path

from platformdirs import user_state_dir

from coordinator import APP_NAME

SUFFIX = ".coordinator.tmp"
_NAME = re.compile(r"^\..+\.(?P<pid>\d+)-[0-9a-f]+\.coordinator\.tmp(?:-journal|-wal|-shm)?$")
# A leftover this old is removed even if its process id now belongs to another running program.
_MAX_AGE_SECONDS = 24 * 3600
_RECENT_FOLDERS = 20
_STATE_FILE = "temporary-folders.json"


def is_temp_name(name: str) -> bool:
    """True for the name of one of the app's temporary files (or SQLite's journal beside one)."""
    return _NAME.match(name) is not None


def create_temp_beside(target: Path) -> tuple[int, Path]:
    """A new, empty file readable by its owner only, in `target`'s folder; returns its descriptor and path."""
    folder = target.parent
    remember_folder(folder)
    flags = os.O_CREAT | os.O_EXCL | os.O_RDWR | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        path = folder / f".{target.name[:100]}.{os.getpid()}-{secrets.token_hex(6)}{SUFFIX}"
        try:
            return os.open(path, flags, 0o600), path
        except FileExistsError:
            continue


def make_temp_beside(target: Path) -> Path:
    """Like `create_temp_beside`, for writers that open the file by name (SQLite, reportlab)."""
    fd, path = create_temp_beside(target)
    os.close(fd)
    return path


def discard(path: Path) -> None:
    """Remove a temporary file and any journal SQLite left beside it."""
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        with contextlib.suppress(OSError):
            candidate.unlink()


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill would end the process: age decides there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _is_leftover(entry: os.DirEntry[str], now: float) -> bool:
    match = _NAME.match(entry.name)
    if match is None or not entry.is_file(follow_symlinks=False):
        return False
    if not _running(int(match["pid"])):
        return True
    try:
        return now - entry.stat(follow_symlinks=False).st_mtime > _MAX_AGE_SECONDS
    except OSError:
        return False


def clean_leftovers(folders: Iterable[Path]) -> list[Path]:
    """Remove the temporary files that killed processes left in `folders` (and in recent export folders)."""
    now = time.time()
    removed = []
    seen: set[Path] = set()
    for folder in [*folders, state_file().parent, *recent_folders()]:
        if folder in seen:
            continue
        seen.add(folder)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") and _is_leftover(entry, now):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def state_file() -> Path:
    override = os.environ.get("COORDINATOR_STATE_DIR")
    folder = Path(override) if override else Path(user_state_dir(APP_NAME, appauthor=False))
    return folder / _STATE_FILE


def recent_folders() -> list[Path]:
    """The folders the app wrote temporary files into lately (export targets among them)."""
    try:
        data = json.loads(state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(p) for p in data if isinstance(p, str)] if isinstance(data, list) else []


def remember_folder(folder: Path) -> None:
    """Note a folder about to receive a temporary file, so a leftover there is found at the next open."""
    resolved = str(folder.resolve())
    known = [str(p) for p in recent_folders()]
    if known and known[0] == resolved:
        return
    folders = [resolved, *(p for p in known if p != resolved)][:_RECENT_FOLDERS]
    path = state_file()
    tmp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(6)}{SUFFIX}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(folders), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        discard(tmp)  # remembering helps cleaning up; it is never a reason to refuse the export
