"""The four languages stay complete: every string in the code and forms is translated, correctly."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from coordinator.i18n import LANGUAGES, PO_DIR, _is_translated, merged_catalog

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "npgettext": ((1, "c"), 2, 3)}
PLURALS = {"sv": 2, "pl": 3, "ru": 3}
_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _extracted() -> dict[tuple[str, str | None], str | tuple[str, str]]:
    found: dict[tuple[str, str | None], str | tuple[str, str]] = {}
    method_map = [("**.py", "python"), ("**.ui", "coordinator.i18n_extract:extract_qt_ui")]
    for folder in (ROOT / "coordinator", ROOT / "ui"):
        if not folder.exists():
            continue
        for _file, _line, message, _comments, context in extract_from_dir(
                str(folder), method_map=method_map, keywords=KEYWORDS):
            key = message[0] if isinstance(message, tuple) else message
            if key:
                found[(key, context)] = message
    return found


@pytest.fixture(scope="module")
def extracted():
    return _extracted()


def test_extraction_finds_the_apps_strings(extracted):
    assert ("Organisations", None) in extracted
    assert len(extracted) > 80


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_string_is_translated_with_the_same_placeholders(extracted, language):
    catalog = merged_catalog(language)
    missing, broken = [], []
    for (msgid, context), message in extracted.items():
        entry = catalog.get(msgid, context)
        if entry is None or not _is_translated(entry.string):
            missing.append(msgid)
            continue
        sources = message if isinstance(message, tuple) else (message,)
        wanted = set().union(*(set(_PLACEHOLDER.findall(s)) for s in sources))
        strings = entry.string if isinstance(entry.string, (list, tuple)) else (entry.string,)
        for string in strings:
            if set(_PLACEHOLDER.findall(string)) - wanted:
                broken.append((msgid, string))
    assert not missing, f"{len(missing)} untranslated in {language}, e.g. {missing[:5]}"
    assert not broken, f"placeholders differ in {language}: {broken[:5]}"


@pytest.mark.parametrize("language", ["sv", "pl", "ru"])
def test_each_catalog_file_is_valid_with_the_languages_plural_forms(language):
    files = sorted((PO_DIR / language).glob("*.po"))
    assert files
    for po in files:
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=language)
        assert catalog.num_plurals == PLURALS[language], po.name
        for message in catalog:
            assert not (message.id and message.fuzzy), f"{po.name}: fuzzy {message.id!r}"
            if message.pluralizable and message.id:
                assert len(message.string) == PLURALS[language] and all(message.string), (po.name, message.id)
        if shutil.which("msgfmt"):
            result = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
                                    capture_output=True, text=True)
            assert result.returncode == 0, result.stderr
            assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr

