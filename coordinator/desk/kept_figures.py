"""The shelf of figures kept between runs, and the key each is kept under: light (sqlite3, no database layer).

The desk fills the shelf (coordinator.desk.figures) inside its own transaction; a command that only reads a
file (coordinator.desk.file_reading) looks on it through sqlite3 alone. Both compute the data's version with
the same SQL, so they find the same entries. The version: the newest id of every table with one (an insert
or a delete at the end moves it) and with it the audit log's newest entry (every edit through the app
writes one). A figure is used only under the same version, file, language, day (which decides the current
school year), arguments, translations and the domain's code; anything else is a miss.
"""

from __future__ import annotations

import datetime as dt
import os
import pickle
from collections.abc import Callable, Sequence
from functools import cache as once
from pathlib import Path
from typing import Any

from coordinator import __version__, cache
from coordinator.i18n import get_language

Run = Callable[[str], Sequence[Sequence[Any]]]  # one SQL statement's rows, in the reader's transaction
_SHELF = "kept-figures.pickle"  # {key: the pickled figure}
_KEPT = 32  # entries: a few scopes and years in a few languages
_TABLES_WITH_ID = ("SELECT m.name FROM sqlite_master AS m JOIN pragma_table_info(m.name) AS c "
                   "WHERE m.type = 'table' AND c.name = 'id' ORDER BY m.name")


def data_version(run: Run) -> tuple[tuple[str, Any], ...]:
    """(table, newest id) for every table of a SQLite database that has an id; two index look-ups each."""
    tables = [str(row[0]) for row in run(_TABLES_WITH_ID)]
    if not tables:
        return ()
    newest = run("SELECT " + ", ".join(f'(SELECT max(id) FROM "{name}")' for name in tables))[0]
    return tuple(zip(tables, newest, strict=True))


# Folders of code that computes no figure (the GUI, the command line), and of no code at all.
_SKIPPED = {"gui", "cli", "migrations", "locale", "__pycache__"}


@once
def _code_version() -> tuple[Any, ...]:
    """The app's version and its domain's source files as installed (statistics, services, documents, which
    gather a document's sheet): a changed definition is a miss."""
    package = Path(__file__).resolve().parents[1]
    files = []
    for folder, subfolders, names in os.walk(package):
        subfolders[:] = sorted(name for name in subfolders if name not in _SKIPPED)
        for name in sorted(names):
            if name.endswith(".py"):
                path = os.path.join(folder, name)
                info = os.stat(path)
                files.append((os.path.relpath(path, package), info.st_size, info.st_mtime_ns))
    return (__version__, tuple(files))


@once
def _words_version(language: str) -> tuple[Any, ...]:
    """The language's catalogs as installed (compiled and source): a changed translation is a miss too."""
    from coordinator.i18n import DOMAIN, LOCALE_DIR, PO_DIR

    files = [LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo", *sorted((PO_DIR / language).glob("*.po"))]
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files if p.exists())


def figures_key(path: Path, version: tuple[Any, ...], what: tuple[Any, ...]) -> str:
    """The key of one figure of the database file at `path`, at `version`, in today's language and day."""
    language = get_language()
    return repr((str(path), version, language, _words_version(language), dt.date.today().isoformat(),
                 _code_version(), what))


def kept(key: str) -> tuple[bool, Any]:
    """(True, the figure) when one is kept under `key`, else (False, None). Each figure is pickled on its
    own, so reading one loads no class of the others (a scorecard's would load the statistics' modules)."""
    entries = cache.load(_SHELF)
    if isinstance(entries, dict) and isinstance(entries.get(key), bytes):
        try:
            return True, pickle.loads(entries[key])
        except Exception:  # noqa: BLE001  (a figure of classes since changed is only a miss)
            pass
    return False, None


def keep(key: str, value: Any) -> None:
    """Put `value` on the shelf under `key`; the oldest entries beyond the few kept are dropped."""
    try:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return
    entries = cache.load(_SHELF)
    entries = entries if isinstance(entries, dict) else {}
    entries.pop(key, None)
    entries[key] = data
    cache.store(_SHELF, dict(list(entries.items())[-_KEPT:]))
