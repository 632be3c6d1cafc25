"""The command line speaks the chosen language: click's own help and usage errors, and our help texts."""

from __future__ import annotations

import re

import click
import pytest

from coordinator.cli.click_i18n import localised
from coordinator.cli.main import cli
from coordinator.i18n import use_language
from tests.integration.test_cli_contract import coordinator

# Words that are the same in every language (formats, names) and may stay as they are.
_SAME_EVERYWHERE = {"CSV", "XLSX", "SQLAlchemy", "PostgreSQL", "URL", "PDF", "JSON", "PNG", "ICS", "GDPR", "Bash", "UUID",
                    "coordinator", "cp", "xlsx", "csv", "vcf", "pdf", "json", "ics", "all", "out", "apply",
                    "suppress", "help"}
_SAME_IN = {"sv": {"TEXT", "status", "id", "person"}, "pl": set(), "ru": set()}


def _prose_words(text: str) -> set[str]:
    """The words a person reads, without option names, commands, choice lists and quoted values."""
    text = re.sub(r"(?m)^  ([a-z][a-z-]*)  +", "  ", text)  # the command column of a command list
    text = re.sub(r"(?m)^\t[\w-]+,?$", " ", text)  # the values to choose from, one a line
    text = re.sub(r"coordinator( [a-z][a-z-]*)*", " ", text)  # the command path in "Usage: …"
    text = re.sub(r"--?[\w-]+", " ", text)
    text = re.sub(r"\{[^}]*\}|\[[\w|]+\]|'[^']*'", " ", text)
    return set(re.findall(r"[A-Za-zÀ-ž]{2,}", text))


def _english_leaks(args: list[str], language: str) -> set[str]:
    english = coordinator(*args, lang="en")
    translated = coordinator(*args, lang=language)
    assert english.returncode == translated.returncode
    shown = translated.stdout + translated.stderr
    allowed = _SAME_EVERYWHERE | _SAME_IN[language]
    if language == "ru":  # Cyrillic: any Latin word is a leak
        return {w for w in _prose_words(shown) if w.isascii()} - allowed
    return (_prose_words(shown) & _prose_words(english.stdout + english.stderr)) - allowed


@pytest.mark.parametrize(("language", "args", "words"), [
    ("sv", ["--help"], ["Användning:", "Flaggor:", "Kommandon:", "Visa den här hjälpen och avsluta."]),
    ("pl", ["import", "--help"], ["Użycie:", "Opcje:", "Pokaż tę pomoc i zakończ.", "Wczytaj plik CSV"]),
    ("ru", ["report", "--help"], ["Использование:", "Параметры:", "Показать эту справку и выйти.",
                                  "Сформировать документ"]),
])
def test_help_is_in_the_chosen_language_with_no_english_words(language, args, words):
    result = coordinator(*args, lang=language)
    assert result.returncode == 0, result.stderr
    for word in words:
        assert word in result.stdout
    assert not _english_leaks(args, language)


@pytest.mark.parametrize(("args", "message"), [
    (["import"], "Не указан аргумент"),
    (["--no-such-option"], "Нет параметра '--no-such-option'"),
    (["report", "schedule"], "Не указан параметр: '--out'"),
])
def test_a_usage_error_in_russian_exits_2_with_no_english(args, message):
    result = coordinator(*args, lang="ru")
    assert result.returncode == 2
    assert message in result.stderr
    assert "Использование:" in result.stderr and "Ошибка:" in result.stderr
    assert not _english_leaks(args, "ru")


@pytest.mark.parametrize("language", ["sv", "pl", "ru"])
def test_every_command_and_option_help_is_translated(language):
    def walk(command: click.Command, ctx: click.Context):
        yield command
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub, ctx)

    ctx = click.Context(cli)
    english = list(walk(cli, ctx))
    with use_language(language):
        shown = list(walk(localised(cli, ctx), ctx))
    untranslated = [c.help for c, s in zip(english, shown) if c.help and s.help == c.help]
    for c, s in zip(english, shown):
        untranslated += [p.help for p, q in zip(c.params, s.params)
                         if isinstance(p, click.Option) and p.help and p.help == q.help]
    assert not untranslated, untranslated
