"""The one translation API for services, documents, the command line and the GUI.

Catalogs live in `i18n/<lang>/*.po` in the source tree, one file per part of the app (core, gui,
documents, …) so that each part keeps its own words; `python3 tasks.py catalogs` merges each
language's parts into one `coordinator/locale/<lang>/LC_MESSAGES/coordinator.mo`. A source checkout
without compiled catalogs still works: the `.po` files are read directly.

The language in force is per context (a `ContextVar`), so a document rendered in Russian on a
worker thread does not change the language of the window that asked for it.
"""

from __future__ import annotations

import contextlib
import contextvars
import gettext
from collections.abc import Iterator
from functools import cache
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


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of one language: compiled if built, else read from the .po source."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    mo = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    parts = sorted((PO_DIR / language).glob("*.po"))
    # In a source checkout a .po edited after the last `tasks.py catalogs` wins over the stale .mo.
    if mo.exists() and not (parts and max(p.stat().st_mtime for p in parts) > mo.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if parts:
        from io import BytesIO

        from babel.messages.mofile import write_mo

        buffer = BytesIO()
        write_mo(buffer, merged_catalog(language, parts), use_fuzzy=False)
        buffer.seek(0)
        return gettext.GNUTranslations(buffer)
    return gettext.NullTranslations()


def merged_catalog(language: str, parts: list[Path] | None = None):
    """One Babel catalog holding every part's translations of a language (first part wins)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    merged = Catalog(locale=language, domain=DOMAIN)
    for po in parts if parts is not None else sorted((PO_DIR / language).glob("*.po")):
        with po.open("rb") as fh:
            part = read_po(fh, locale=language)
        for message in part:
            if not message.id or message.fuzzy:
                continue
            key = (message.id, message.context)
            existing = merged.get(message.id, message.context)
            if existing is not None and _is_translated(existing.string):
                continue
            if existing is not None:
                merged.delete(message.id, message.context)
            merged.add(message.id, message.string, context=message.context, flags=message.flags)
            del key
    return merged


def _is_translated(string) -> bool:
    if isinstance(string, (list, tuple)):
        return all(string)
    return bool(string)


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
