"""Drafts of forms not yet saved, kept in the app's data folder so that a crash does not lose them.

A draft is one form's values (of one kind of record, in one database), written while the person
types and removed when the form is saved or the edit given up. After a crash the next start finds
the drafts of the database it opens and offers them; nothing is applied without the person's yes.
The file is readable by its owner only: a draft may hold a pupil's name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

from coordinator import APP_NAME

__all__ = ["Draft", "DraftStore", "decode_values", "encode_values"]


@dataclass(frozen=True)
class Draft:
    """One form's unsaved values: the kind of record, which record (None: a new one), when."""

    kind: str
    record_id: int | None
    values: dict[str, Any]
    written: dt.datetime


def _folder() -> Path:
    override = os.environ.get("COORDINATOR_STATE_DIR")  # the tests' own folder, never the user's
    base = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    return base / "drafts"


def encode_values(values: dict[str, Any]) -> dict[str, Any]:
    """Form values as JSON: dates, times and date-times tagged so that they come back as they were."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, dt.datetime):
            out[name] = {"datetime": value.isoformat()}
        elif isinstance(value, dt.date):
            out[name] = {"date": value.isoformat()}
        elif isinstance(value, dt.time):
            out[name] = {"time": value.isoformat()}
        elif isinstance(value, tuple | list | set | frozenset):
            out[name] = {"list": list(value)}
        else:
            out[name] = value
    return out


def decode_values(data: dict[str, Any]) -> dict[str, Any]:
    readers = {"datetime": dt.datetime.fromisoformat, "date": dt.date.fromisoformat,
               "time": dt.time.fromisoformat, "list": list}
    out: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, dict) and len(value) == 1 and next(iter(value)) in readers:
            tag, text = next(iter(value.items()))
            out[name] = readers[tag](text)
        else:
            out[name] = value
    return out


class DraftStore:
    """The drafts of one database file, one small JSON file per kind of record."""

    def __init__(self, database: Path | str | None, folder: Path | None = None):
        key = str(Path(database).resolve()) if database is not None else ":memory:"
        self.prefix = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
        self.folder = folder or _folder()

    def _path(self, kind: str) -> Path:
        return self.folder / f"{self.prefix}-{kind}.json"

    def save(self, kind: str, record_id: int | None, values: dict[str, Any]) -> None:
        """Keep `values` as the draft of `kind` (replacing the one before); a failure to write is silent."""
        data = {"kind": kind, "record_id": record_id, "values": encode_values(values),
                "written": dt.datetime.now().isoformat(timespec="seconds")}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            temporary = self._path(kind).with_suffix(".tmp")
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(temporary, self._path(kind))
        except (OSError, TypeError, ValueError):
            pass  # a draft is a safety net; the form itself goes on working

    def discard(self, kind: str) -> None:
        try:
            self._path(kind).unlink(missing_ok=True)
        except OSError:
            pass

    def drafts(self) -> list[Draft]:
        """Every readable draft of this database, oldest first; unreadable ones are dropped."""
        found: list[Draft] = []
        for path in sorted(self.folder.glob(f"{self.prefix}-*.json")) if self.folder.is_dir() else []:
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                found.append(Draft(kind=str(data["kind"]), record_id=data.get("record_id"),
                                   values=decode_values(data["values"]),
                                   written=dt.datetime.fromisoformat(data["written"])))
            except (OSError, ValueError, KeyError, TypeError):
                path.unlink(missing_ok=True)
        return sorted(found, key=lambda d: d.written)
