"""Remembering how the columns of a file layout were mapped, so the same export from a school system maps itself."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy.orm import Session

from coordinator.settings import get_setting, set_setting
from coordinator.transfer.headers import normalise_header
from coordinator.transfer.plan import FIELDS

_PREFIX = "import_map:"


def layout_key(kind: str, headers: list[str]) -> str:
    """A settings key for one kind and one set of headers (order and spelling details do not matter)."""
    shape = "\x1f".join(sorted(normalise_header(h) for h in headers if h.strip()))
    return _PREFIX + hashlib.sha1(f"{kind}\x1e{shape}".encode()).hexdigest()


def remembered_mapping(session: Session, kind: str, headers: list[str]) -> dict[str, str]:
    """The header → field mapping chosen the last time a file with these headers was imported, or {}."""
    stored = get_setting(session, layout_key(kind, headers))
    if not stored:
        return {}
    try:
        mapping = json.loads(stored)
    except ValueError:
        return {}
    valid = {f.name for f in FIELDS[kind]}
    return {h: f for h, f in mapping.items() if isinstance(h, str) and f in valid and h in headers}


def remember_mapping(session: Session, kind: str, headers: list[str], mapping: dict[str, str]) -> None:
    """Keep the person's own choices (only those that differ from what is recognised by itself)."""
    set_setting(session, layout_key(kind, headers), json.dumps(mapping, ensure_ascii=False, sort_keys=True))
