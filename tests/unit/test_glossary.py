"""The catalogs follow the glossary: no entry uses a term i18n/GLOSSARY.md lists under "avoid"."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from coordinator.i18n import PO_DIR

GLOSSARY = PO_DIR / "GLOSSARY.md"
_LINE = re.compile(r"^(sv|pl|ru): (.+?) → (.+)$")


def avoided_terms() -> dict[str, list[tuple[re.Pattern[str], str]]]:
    """The glossary's machine-readable "avoid" block: per language, a pattern and what to use instead."""
    text = GLOSSARY.read_text(encoding="utf-8")
    block = re.search(r"```avoid\n(.*?)```", text, re.S)
    assert block, "the glossary has no ```avoid block"
    terms: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for line in block.group(1).splitlines():
        if not line.strip():
            continue
        match = _LINE.match(line)
        assert match, f"not a glossary line: {line!r}"
        language, term, instead = match.groups()
        stem = re.escape(term.rstrip("*"))
        pattern = rf"(?<!\w){stem}" + (r"\w*" if term.endswith("*") else r"(?!\w)")
        terms.setdefault(language, []).append((re.compile(pattern, re.I), instead))
    return terms


def _strings(language: str):
    for po in sorted((PO_DIR / language).glob("*.po")):
        with po.open("rb") as fh:
            for message in read_po(fh, locale=language):
                if not message.id:
                    continue
                strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
                for string in strings:
                    yield po.name, message.id, string or ""


def test_the_glossary_lists_terms_to_avoid_in_every_language():
    terms = avoided_terms()
    assert set(terms) == {"sv", "pl", "ru"}
    pattern, _instead = terms["pl"][0]
    assert pattern.search("Działania dla rocznika") and not pattern.search("Działania dla klasy")


@pytest.mark.parametrize("language", ["sv", "pl", "ru"])
def test_no_catalog_entry_uses_a_term_the_glossary_avoids(language):
    terms = avoided_terms()[language]
    found = [f"{name}: {string!r} uses “{hit.group(0)}” (use: {instead})"
             for name, _msgid, string in _strings(language)
             for pattern, instead in terms if (hit := pattern.search(string))]
    assert not found, "\n".join(found)
