"""The app's log: a rotating file in the user's log folder, with personal data filtered out.

Logs and crash reports must not hold names, personal numbers, e-mail addresses or phone numbers.
SQL parameters are hidden by the engine (see store.make_engine); this filter removes the rest,
including the names of pupils with protected identity registered when a database opens.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import threading
from pathlib import Path

from platformdirs import user_log_dir

from coordinator import APP_NAME

LOG_FILENAME = "coordinator.log"
REDACTED = "[redacted]"

_PATTERNS = (
    re.compile(r"\[parameters: .*?\](?=\s|$|\n|\()", re.DOTALL),  # SQLAlchemy's echo of bound values
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),  # e-mail
    re.compile(r"\b(?:19|20)?\d{6}[-+]?\d{4}\b"),  # Swedish personnummer, with or without century
    re.compile(r"\b\d{11}\b"),  # PESEL, СНИЛС without separators
    re.compile(r"\b\d{3}-\d{3}-\d{3} ?\d{2}\b"),  # СНИЛС
    re.compile(r"(?<![\w.])\+?\d[\d ()-]{6,}\d\b"),  # phone numbers
)
_WORD = re.compile(r"\w+", re.UNICODE)

_protected_lock = threading.Lock()
_protected_words: set[str] = set()


def register_protected_names(names: list[str] | set[str] | tuple[str, ...]) -> None:
    """Names (first and last) that must never reach a log line; matched word by word, any case."""
    words = {w.casefold() for name in names if name for w in _WORD.findall(name) if len(w) > 1}
    with _protected_lock:
        _protected_words.update(words)


def clear_protected_names() -> None:
    with _protected_lock:
        _protected_words.clear()


def redact(text: str) -> str:
    for pattern in _PATTERNS:
        text = pattern.sub(REDACTED, text)
    with _protected_lock:
        words = set(_protected_words)
    if words:
        text = _WORD.sub(lambda m: REDACTED if m.group(0).casefold() in words else m.group(0), text)
    return text


class PersonalDataFilter(logging.Filter):
    """Rewrites every record's message and exception text with personal data removed."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001  (a bad format string must not lose the record)
            message = str(record.msg)
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and record.exc_info[0] is not None:
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_directory() -> Path:
    override = os.environ.get("COORDINATOR_LOG_DIR")
    return Path(override) if override else Path(user_log_dir(APP_NAME, appauthor=False))


class _LazyLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log file opened at the first record, in the folder in force at that moment."""

    def __init__(self, directory: Path | None) -> None:
        self._directory = directory
        super().__init__(os.devnull, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True)

    def _open(self):  # type: ignore[no-untyped-def]
        folder = self._directory or log_directory()
        folder.mkdir(parents=True, exist_ok=True)
        self.baseFilename = os.fspath((folder / LOG_FILENAME).resolve())
        return super()._open()

    def path(self) -> Path:
        return (self._directory or log_directory()) / LOG_FILENAME

    def reset(self) -> None:
        """Close the file so that the next record opens the (possibly changed) folder again."""
        self.acquire()
        try:
            if self.stream is not None:
                self.stream.close()
                self.stream = None  # type: ignore[assignment]
        finally:
            self.release()


_handler: _LazyLogFile | None = None


def setup_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the `coordinator` logger to a rotating file (1 MB × 5) through the personal-data filter.

    Nothing is created until the first record arrives; returns the log file's path.
    """
    global _handler
    logger = logging.getLogger("coordinator")
    if _handler is not None:
        logger.removeHandler(_handler)
        _handler.close()
    handler = _LazyLogFile(directory)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PersonalDataFilter())
    logger.addHandler(handler)
    logger.setLevel(level)
    _handler = handler
    return handler.path()


def ensure_logging() -> None:
    """Install the log file once (the command line and the app call this at start)."""
    if _handler is None:
        setup_logging()


def reset_logging() -> None:
    if _handler is not None:
        _handler.reset()
