"""Encryption at rest: SQLCipher through SQLAlchemy's `sqlite+pysqlcipher` dialect, where it installs.

The dialect is used as `sqlite+pysqlcipher://:PASSPHRASE@/path/to/file.sqlite`. Where no maintained
SQLCipher module is installed the app runs unencrypted and Settings shows `encryption_status()`.
"""

from __future__ import annotations

import importlib.util

from coordinator.i18n import _

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
