"""Safe saves: a file is written beside its target, flushed to disk and renamed over it in one step.

A crash, a kill or a full disk therefore leaves either the old file or the complete new one,
never a truncated mix (KeePassXC's and Zotero's way of saving).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.safety.tempfiles import create_temp_beside


def fsync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable (a no-op where directories cannot be opened)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def disk_full_error(path: Path) -> UserError:
    return UserError(_("There is not enough free space to write {name}; nothing was changed. "
                       "Free some space and try again.").format(name=path.name))


@contextlib.contextmanager
def atomic_write(path: str | Path, mode: str = "wb", *, encoding: str | None = None) -> Iterator[IO[Any]]:
    """Write `path` through a temporary file in the same folder; renamed over it only when complete.

    Use: ``with atomic_write(out) as fh: fh.write(data)``. On any error the temporary file is removed
    and the old file (if any) is left as it was. A full disk becomes a UserError with a clear line.
    """
    target = Path(path)
    if mode not in {"wb", "w"}:
        raise ValueError("atomic_write supports modes 'wb' and 'w'")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = create_temp_beside(target)  # private until complete: it may hold personal data
    try:
        if mode == "w":
            fh: IO[Any] = os.fdopen(fd, "w", encoding=encoding or "utf-8", newline="")
        else:
            fh = os.fdopen(fd, "wb")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            with contextlib.suppress(OSError):
                os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
        fsync_directory(target.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise disk_full_error(target) from exc
        raise UserError(_("{name} could not be written: {reason}. The previous file was left as it was.")
                        .format(name=target.name, reason=exc.strerror or type(exc).__name__)) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    with atomic_write(path, "wb") as fh:
        fh.write(data)


def write_text_atomic(path: str | Path, text: str, encoding: str = "utf-8") -> None:
    with atomic_write(path, "w", encoding=encoding) as fh:
        fh.write(text)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
