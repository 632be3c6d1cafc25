"""Backups of a server database: PostgreSQL's own pg_dump (custom format), when it is installed."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import URL

from coordinator import APP_NAME
from coordinator.errors import UserError
from coordinator.i18n import _


def default_dump_path(url: URL) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "server-backups" / f"{url.database}-{stamp}.dump"


def dump(url: URL, out: Path | None = None) -> Path:
    """Write `pg_dump --format=custom` of the database to `out` (or the app's server-backups folder)."""
    program = shutil.which("pg_dump")
    if program is None:
        raise UserError(_("This is a server database, and pg_dump (PostgreSQL's client programs) was not found, "
                          "so no backup was made. Install the PostgreSQL client programs, or have the server's "
                          "own backups cover it."))
    target = out or default_dump_path(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    host = url.query.get("host") or url.host
    args = [program, "--format=custom", "--no-owner", f"--file={target}", f"--dbname={url.database}"]
    args += [f"--host={host}"] if host else []
    args += [f"--port={url.port}"] if url.port else []
    args += [f"--username={url.username}"] if url.username else []
    env = dict(os.environ, **({"PGPASSWORD": url.password} if url.password else {}))
    done = subprocess.run(args, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        last = (done.stderr.strip().splitlines() or ["?"])[-1]
        raise UserError(_("pg_dump could not back up the server database: {reason}").format(reason=last))
    return target
