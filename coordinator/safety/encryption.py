"""Encryption at rest: SQLCipher through SQLAlchemy's `sqlite+pysqlcipher` dialect, where it installs.

The dialect is used as `sqlite+pysqlcipher://:PASSPHRASE@/path/to/file.sqlite`. Where no maintained
SQLCipher module is installed the app runs unencrypted and Settings shows `encryption_status()`.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
from pathlib import Path

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.integrity import CheckResult

MODULES = ("sqlcipher3", "pysqlcipher3")


def encryption_module() -> str | None:
    for name in MODULES:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


def encryption_available() -> bool:
    return encryption_module() is not None


def encryption_status() -> str:
    """One translated sentence for the Settings dialog."""
    if encryption_available():
        return _("Encryption is available: a database can be protected with a passphrase (SQLCipher).")
    return _("Encryption is not available in this installation, so the database is stored unencrypted. "
             "Protect it with the computer's own disk encryption, or install the “sqlcipher3-binary” "
             "package to enable it.")


def encrypted_url(path: str, passphrase: str) -> str:
    from urllib.parse import quote

    return f"sqlite+pysqlcipher://:{quote(passphrase, safe='')}@/{path}"


def connect_encrypted(path: str | Path, passphrase: str, *, readonly: bool = False):  # type: ignore[no-untyped-def]
    """A DB-API connection to an encrypted file, keyed; SQLCipher's own error log kept quiet."""
    module = importlib.import_module(encryption_module() or MODULES[0]) if encryption_available() else None
    if module is None:
        raise UserError(encryption_status())
    dbapi = getattr(module, "dbapi2", module)
    target = Path(path)
    conn = (dbapi.connect(target.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None) if readonly
            else dbapi.connect(str(target), isolation_level=None))
    with contextlib.suppress(getattr(dbapi, "Error", OSError)):
        conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = " + _quote(passphrase))
    return conn


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def check_encrypted(path: str | Path, passphrase: str) -> CheckResult:
    """The open check of an encrypted file: a wrong passphrase is told apart from damage."""
    target = Path(path)
    module = importlib.import_module(encryption_module() or MODULES[0]) if encryption_available() else None
    if module is None:
        raise UserError(encryption_status())
    # The driver's own error type; MemoryError is what some builds raise for a wrong key.
    errors = (getattr(getattr(module, "dbapi2", module), "Error", OSError), MemoryError)
    try:
        conn = connect_encrypted(target, passphrase, readonly=True)
    except errors as exc:
        return CheckResult(False, "unreadable", (str(exc),))
    try:
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except errors:  # a wrong key reads as "file is not a database"
            return CheckResult(False, "wrong_passphrase")
        rows = conn.execute("PRAGMA quick_check").fetchall()
        problems = tuple(str(r[0]) for r in rows if str(r[0]).lower() != "ok")
        if problems:
            return CheckResult(False, "damaged", problems[:20])
        return CheckResult(True, "ok")
    except errors as exc:
        return CheckResult(False, "damaged", (str(exc),))
    finally:
        with contextlib.suppress(*errors):
            conn.close()


def wrong_passphrase(name: str) -> UserError:
    return UserError(_("The passphrase for {name} is wrong; nothing was opened or changed.").format(name=name))
