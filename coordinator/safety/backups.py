"""Backups with SQLite's backup API: verified before they count, rotated like Anki's, aged out.

A backup is written to a temporary file, checked (opened and `quick_check`ed) and only then
renamed into the backups folder, so a kill or a full disk never leaves a half backup that counts.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.atomic import disk_full_error, fsync_directory
from coordinator.safety.integrity import check_file
from coordinator.safety.own_files import backup_dir, refuse_own_file
from coordinator.safety.tempfiles import discard, make_temp_beside

if TYPE_CHECKING:
    from coordinator.store import Store

DAILY, WEEKLY, MONTHLY = 12, 10, 9
RECENT_HOURS = 24
RECENT_MAX = 48
DEFAULT_MAX_AGE_DAYS = 365
MAX_AGE_SETTING = "backup_max_age_days"
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int


def _clean_reason(reason: str) -> str:
    text = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-")
    return text[:32] or "manual"


def list_backups(db_path: str | Path) -> list[BackupInfo]:
    """The backups of a database, newest first (only complete, verified files carry a backup name)."""
    db = Path(db_path)
    folder = backup_dir(db)
    if not folder.is_dir():
        return []
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match or match["stem"] != db.stem or not entry.is_file():
            continue
        try:
            created = dt.datetime.strptime(match["stamp"], _STAMP)
            size = entry.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(entry, created, match["reason"], size))
    found.sort(key=lambda b: b.created, reverse=True)
    return found


def check_with_passphrase(path: Path, passphrase: str | None):  # type: ignore[no-untyped-def]
    if passphrase is None:
        return check_file(path)
    from coordinator.safety.encryption import check_encrypted

    return check_encrypted(path, passphrase)


def newest_good_backup(db_path: str | Path, *, passphrase: str | None = None) -> BackupInfo | None:
    """The newest backup that still passes its check, or None."""
    for info in list_backups(db_path):
        if check_with_passphrase(info.path, passphrase).ok:
            return info
    return None


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    if isinstance(exc, sqlite3.Error):
        name = getattr(exc, "sqlite_errorname", "") or ""
        return name.startswith("SQLITE_FULL") or "disk is full" in str(exc).lower()
    return False


def copy_database(source: Path, target: Path, passphrase: str | None = None) -> None:
    """Copy a live database into a new file with the backup API (consistent, WAL included).

    An encrypted database is copied into a file encrypted with the same passphrase.
    """
    if passphrase is not None:
        from coordinator.safety.encryption import connect_encrypted

        src = connect_encrypted(source, passphrase)
    else:
        src = sqlite3.connect(source, timeout=10.0, isolation_level=None)
    try:
        if passphrase is not None:
            os.truncate(target, 0)  # SQLCipher keys an empty file only; emptied, it stays private
            dst = connect_encrypted(target, passphrase)
        else:
            dst = sqlite3.connect(target, isolation_level=None)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    with open(target, "rb+") as fh:
        os.fsync(fh.fileno())


def create_backup(db_path: str | Path, reason: str = "manual", *, out: str | Path | None = None,
                  max_age_days: int | None = DEFAULT_MAX_AGE_DAYS, now: dt.datetime | None = None,
                  passphrase: str | None = None, opened: bool = False) -> Path:
    """Back up a database that passes its check; returns the verified backup file.

    Without `out` the backup goes into the backups folder beside the database and old backups are
    rotated; with `out` it is written to that file (replacing it only when complete). `opened` says this
    process holds the database open after it passed its check on open: then the check of the copy, page
    for page the database's own, stands for both, and the database is checked again only when the copy
    fails, to name its fault.
    """
    db = Path(db_path)
    if not (opened and db.is_file()):
        _refuse_unsound(db, passphrase)
    moment = now or dt.datetime.now()
    if out is not None:
        refuse_own_file(out, db)
        final = Path(out).expanduser().resolve()
    else:
        final = backup_dir(db) / f"{db.stem}-{moment.strftime(_STAMP)}-{_clean_reason(reason)}.sqlite"
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = make_temp_beside(final)  # private (0600): a killed backup leaves nothing others can read
    try:
        copy_database(db, tmp, passphrase)
        verified = check_with_passphrase(tmp, passphrase)
        if opened and (not verified.ok or verified.kind == "empty"):
            _refuse_unsound(db, passphrase)  # the database's own fault is named as before
        if not verified.ok:
            raise UserError(_("The backup of {name} failed its check and was discarded; the database was "
                              "not changed.").format(name=db.name))
        os.replace(tmp, final)
        fsync_directory(final.parent)
    except (OSError, sqlite3.Error) as exc:
        _discard(tmp)
        if _is_disk_full(exc):
            raise disk_full_error(final) from exc
        if opened:
            _refuse_unsound(db, passphrase)
        raise UserError(_("No backup was made of {name}: {reason}. Earlier backups were kept.").format(
            name=db.name, reason=str(exc) or type(exc).__name__)) from exc
    except BaseException:
        _discard(tmp)
        raise
    if out is None:
        rotate_backups(db, max_age_days=max_age_days, now=moment)
    return final


def _discard(tmp: Path) -> None:
    discard(tmp)


def _refuse_unsound(db: Path, passphrase: str | None) -> None:
    """Refuse, naming the fault, a database that fails its check or holds nothing yet."""
    result = check_with_passphrase(db, passphrase)
    if not result.ok or result.kind == "empty":
        raise UserError(_("No backup was made: {problem}").format(problem=result.message(db.name)))


def backups_to_keep(backups: list[BackupInfo], *, now: dt.datetime, max_age_days: int | None) -> set[Path]:
    """Anki's scheme: everything recent, then one per day (12), per week (10), per month (9)."""
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    counts = {"recent": 0, "daily": 0, "weekly": 0, "monthly": 0}
    for info in sorted(backups, key=lambda b: b.created, reverse=True):
        if max_age_days is not None and now - info.created > dt.timedelta(days=max_age_days):
            continue
        day = info.created.date()
        iso = info.created.isocalendar()
        week = (iso[0], iso[1])
        month = (info.created.year, info.created.month)
        if now - info.created <= dt.timedelta(hours=RECENT_HOURS) and counts["recent"] < RECENT_MAX:
            slot = "recent"
        elif day not in days and counts["daily"] < DAILY:
            slot = "daily"
        elif week not in weeks and counts["weekly"] < WEEKLY:
            slot = "weekly"
        elif month not in months and counts["monthly"] < MONTHLY:
            slot = "monthly"
        else:
            continue
        counts[slot] += 1
        keep.add(info.path)
        days.add(day)
        weeks.add(week)
        months.add(month)
    return keep


def rotate_backups(db_path: str | Path, *, max_age_days: int | None = DEFAULT_MAX_AGE_DAYS,
                   now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups the rotation no longer keeps, and left-over temporary files; returns removed."""
    db = Path(db_path)
    moment = now or dt.datetime.now()
    backups = list_backups(db)
    keep = backups_to_keep(backups, now=moment, max_age_days=max_age_days)
    removed = []
    for info in backups:
        if info.path not in keep:
            with contextlib.suppress(OSError):
                info.path.unlink()
                removed.append(info.path)
    folder = backup_dir(db)
    for stale in folder.glob(f".{db.stem}-*.tmp*"):
        with contextlib.suppress(OSError):
            if moment.timestamp() - stale.stat().st_mtime > 3600:
                stale.unlink()
    return removed


def backup_due(db_path: str | Path, *, interval: dt.timedelta = dt.timedelta(minutes=30)) -> bool:
    """True when the database changed since its newest backup and that backup is older than `interval`."""
    db = Path(db_path)
    newest = list_backups(db)
    if not newest:
        return db.exists()
    latest = newest[0].created
    changed = max((p.stat().st_mtime for p in (db, db.with_name(db.name + "-wal")) if p.exists()), default=0.0)
    return dt.datetime.fromtimestamp(changed) > latest and dt.datetime.now() - latest >= interval


def max_age_of(store: Store) -> int | None:
    from coordinator.settings import get_setting

    try:
        with store.session() as session:
            value = get_setting(session, MAX_AGE_SETTING)
    except Exception:  # noqa: BLE001  (a database still being created has no settings table)
        return DEFAULT_MAX_AGE_DAYS
    if value is None or not value.strip():
        return DEFAULT_MAX_AGE_DAYS
    try:
        days = int(value)
    except ValueError:
        return DEFAULT_MAX_AGE_DAYS
    return days if days > 0 else None


def backup_before(store: Store, reason: str) -> Path | None:
    """Back up before a risky step (import, migration, erasure, rollover); None for non-file databases."""
    if store.path is None or not store.path.exists():
        return None
    return create_backup(store.path, f"before-{reason}", max_age_days=max_age_of(store),
                         passphrase=passphrase_of(store), opened=store.trusted)


def passphrase_of(store: Store) -> str | None:
    """The passphrase of an encrypted (SQLCipher) database, None for a plain one."""
    if store.url.get_driver_name() == "pysqlcipher":
        return store.url.password or ""
    return None
