"""The one translation API for services, documents, the command line and the GUI.

Catalogs live in `i18n/<lang>.po` in the source tree and are compiled to
`coordinator/locale/<lang>/LC_MESSAGES/coordinator.mo` by `python tasks.py catalogs`.
A source checkout without compiled catalogs still works: the `.po` file is read directly.

The language in force is per context (a `ContextVar`), so a document rendered in Russian on a
worker thread does not change the language of the window that asked for it.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

DOMAIN = "coordinator"
LANGUAGES: tuple[str, ...] = ("en", "sv", "pl", "ru")
SOURCE_LANGUAGE = "en"

_PACKAGE_DIR = Path(__file__).resolve().parent
LOCALE_DIR = _PACKAGE_DIR / "locale"
PO_DIR = _PACKAGE_DIR.parent / "i18n"

_default_language = SOURCE_LANGUAGE
_context_language: contextvars.ContextVar[str | None] = contextvars.ContextVar("language", default=None)


def normalise_language(code: str | None) -> str:
    """Map 'sv_SE', 'ru-RU', 'PL' and the like onto one of LANGUAGES; unknown codes give English."""
    if not code:
        return SOURCE_LANGUAGE
    short = code.replace("-", "_").split("_")[0].lower()
    return short if short in LANGUAGES else SOURCE_LANGUAGE


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of one language: compiled if built, else read from the .po source."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    mo = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if mo.exists():
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    po = PO_DIR / f"{language}.po"
    if po.exists():
        return _translations_from_po(po)
    return gettext.NullTranslations()


def _translations_from_po(po: Path) -> gettext.NullTranslations:
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    buffer = BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(language: str | None) -> str:
    """Set the application's language (the default for every context); returns the code used."""
    global _default_language
    _default_language = normalise_language(language)
    return _default_language


def get_language() -> str:
    return _context_language.get() or _default_language


@contextlib.contextmanager
def use_language(language: str | None) -> Iterator[str]:
    """Render something in another language for the duration of a block (a document, a test)."""
    code = normalise_language(language) if language else get_language()
    token = _context_language.set(code)
    try:
        yield code
    finally:
        _context_language.reset(token)


def _(message: str) -> str:
    return translations(get_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(get_language()).ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return translations(get_language()).pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return translations(get_language()).npgettext(context, singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet (translate where shown)."""
    return message
