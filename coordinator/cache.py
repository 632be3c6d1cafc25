"""Files the app can remake at any time (parsed fonts, computed figures), kept in the user's cache folder.

A cache file is only ever a shortcut: when it is missing, unreadable or stale the work is done again, and
writing one never fails a command. Files are replaced in one rename, so a reader never sees half of one.
Pickled data is read only from this folder, which belongs to the person running the app.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from coordinator import APP_NAME


def cache_directory() -> Path:
    """COORDINATOR_CACHE_DIR, else beside the overridden state folder (tests), else the user's cache folder."""
    override = os.environ.get("COORDINATOR_CACHE_DIR")
    if override:
        return Path(override)
    state = os.environ.get("COORDINATOR_STATE_DIR")
    if state:
        return Path(state) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def load(name: str) -> Any | None:
    """What `store(name, …)` kept, or None when there is nothing usable."""
    try:
        with open(cache_directory() / name, "rb") as fh:
            return pickle.load(fh)
    except Exception:  # noqa: BLE001  (a missing, cut or outdated file is only a miss)
        return None


def store(name: str, value: Any, *, pickler: type[pickle.Pickler] = pickle.Pickler) -> None:
    """Keep `value` under `name`, replacing any earlier one; silently nothing when the folder refuses."""
    folder = cache_directory()
    tmp: str | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            pickler(fh, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        os.replace(tmp, folder / name)
        tmp = None
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
