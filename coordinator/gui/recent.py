"""The databases opened lately: the File ▸ Recent menu and the one the app opens at start."""

from __future__ import annotations

MAX_RECENT = 8


def recent_databases(settings) -> list[str]:
    value = settings.value("recent", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember_database(settings, path: str) -> None:
    recent = [p for p in recent_databases(settings) if p != path]
    settings.setValue("recent", [path, *recent][:MAX_RECENT])
    settings.setValue("last_database", path)
