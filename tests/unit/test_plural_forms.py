"""Every Polish and Russian plural message picks the form the language's grammar wants, number filled in."""

from __future__ import annotations

import re

import pytest

from coordinator.i18n import merged_catalog, translations

NUMBERS = (1, 2, 5, 12, 21, 22, 25, 101)
# The placeholder that carries the counted number, by the names the code gives it.
COUNT_NAMES = ("n", "count", "places", "hours", "len", "nargs", "len_value")
_PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")


def polish_form(n: int) -> int:
    """1 uczeń, 2–4 (not 12–14) uczniowie, otherwise uczniów."""
    if n == 1:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


def russian_form(n: int) -> int:
    """1, 21, 101 день; 2–4, 22 дня (not 12–14); otherwise дней."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    return 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2


RULES = {"pl": polish_form, "ru": russian_form}


def plural_messages(language: str):
    return [m for m in merged_catalog(language) if m.id and m.pluralizable]


def _render(string: str, count_name: str | None, n: int) -> str:
    values = {name: (n if name == count_name else f"<{name}>") for name in _PLACEHOLDER.findall(string)}
    return string.format(**values)


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_every_plural_message_takes_the_form_of_the_languages_rule_with_its_number(language):
    catalog = translations(language)
    messages = plural_messages(language)
    assert len(messages) > 30
    wrong = []
    for message in messages:
        singular, plural = message.id
        count_name = next((name for name in COUNT_NAMES if name in _PLACEHOLDER.findall(plural)), None)
        for n in NUMBERS:
            form = RULES[language](n)
            shown = (catalog.npgettext(message.context, singular, plural, n) if message.context
                     else catalog.ngettext(singular, plural, n))
            if shown != message.string[form]:
                wrong.append((n, singular, "form", form))
                continue
            # Form 0 serves 21 and 101 too in Russian, so it must carry the number; Polish form 0 is only 1.
            if count_name and (n != 1 or language == "ru") and str(n) not in _render(shown, count_name, n):
                wrong.append((n, singular, "number missing in", shown))
    assert not wrong, wrong[:10]


@pytest.mark.parametrize(("language", "msgid", "expected"), [
    ("pl", ("{n} day", "{n} days"),
     ["1 dzień", "2 dni", "5 dni", "12 dni", "21 dni", "22 dni", "25 dni", "101 dni"]),
    ("ru", ("{n} day", "{n} days"),
     ["1 день", "2 дня", "5 дней", "12 дней", "21 день", "22 дня", "25 дней", "101 день"]),
    ("pl", ("{n} record", "{n} records"),
     ["1 rekord", "2 rekordy", "5 rekordów", "12 rekordów", "21 rekordów", "22 rekordy", "25 rekordów",
      "101 rekordów"]),
    ("ru", ("{n} record", "{n} records"),
     ["1 запись", "2 записи", "5 записей", "12 записей", "21 запись", "22 записи", "25 записей", "101 запись"]),
    ("ru", ("{n} page", "{n} pages"),
     ["1 страница", "2 страницы", "5 страниц", "12 страниц", "21 страница", "22 страницы", "25 страниц",
      "101 страница"]),
])
def test_counted_nouns_decline_as_a_native_speaker_says_them(language, msgid, expected):
    catalog = translations(language)
    assert [catalog.ngettext(*msgid, n).format(n=n) for n in NUMBERS] == expected
