"""Strict reading: a file that says something doubtful is refused by row and column, and nothing is imported."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from transfer_files import write_csv, write_xlsx

from coordinator.i18n import use_language
from coordinator.models import Organisation, Pupil
from coordinator.transfer import analyse_file, apply_import
from coordinator.transfer.values import CellError, parse_date


def _refused(store, path, kind: str, *, profile: str = "se", school: str | None = "Hagaskolan"):
    """Import the file; return its problems as (row, column, message) and check nothing was written."""
    plan = analyse_file(path, kind, profile=profile)
    with store.session() as session:
        result = apply_import(session, plan, school=school)
    assert not result.imported
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Pupil)) == 0
        assert session.scalar(select(func.count()).select_from(Organisation)) == 0
    return [(p.row, p.column, p.message) for p in result.problems]


def test_an_unclosed_quote_is_reported_not_merged_into_one_name(make_store, tmp_path):
    path = tmp_path / "org.csv"
    path.write_text("Namn;Organisationsnummer;Ort\n"
                    "Nordbygg AB;556677-8899;Malmö\n"
                    "\"Södra Verkstäder AB;556036-0793;Lund\n"
                    "Östra Kök AB;556012-5790;Ystad\n", encoding="utf-8")
    problems = _refused(make_store("se"), path, "organisations")
    assert len(problems) == 1
    row, column, message = problems[0]
    assert (row, column) == (3, "A") and "quote" in message


def test_a_stray_closing_quote_further_down_does_not_run_rows_together(make_store, tmp_path):
    path = tmp_path / "org.csv"
    path.write_text("Namn;Organisationsnummer;Ort\n"
                    "\"Södra Verkstäder AB;556036-0793;Lund\n"
                    "Östra Kök AB\";556012-5790;Ystad\n", encoding="utf-8")
    [(row, column, message)] = _refused(make_store("se"), path, "organisations")
    assert (row, column) == (2, "A") and "quote" in message


def test_a_note_over_two_lines_is_still_read(make_store, tmp_path):
    path = write_csv(tmp_path / "org.csv", [["Namn", "Ort", "Anteckningar"],
                                             ["Nordbygg AB", "Malmö", "Ring före 9;\nfråga efter Eva"]])
    plan = analyse_file(path, "organisations", profile="se")
    assert not plan.problems and plan.rows[0].values["notes"] == "Ring före 9;\nfråga efter Eva"


@pytest.mark.parametrize("text", ["2012-3-4T25:61", "2012-03-04 24:00", "04.03.2012 10:75", "2012-03-04T23:59:60"])
def test_a_date_with_an_impossible_time_is_refused(text):
    with pytest.raises(CellError) as info:
        parse_date(text)
    assert text in str(info.value)


def test_a_date_with_a_real_time_is_read():
    assert parse_date("2012-3-4T23:59").isoformat() == "2012-03-04"


def test_four_first_name_columns_are_reported_naming_both(make_store, tmp_path):
    path = write_csv(tmp_path / "p.csv", [["First name", "Förnamn", "Imię", "Имя", "Efternamn", "Klass"],
                                          ["Anna", "Anna", "Anna", "Анна", "Berg", "8A"]])
    problems = _refused(make_store("se"), path, "pupils")
    assert [(row, column) for row, column, _m in problems] == [(1, "Förnamn"), (1, "Imię"), (1, "Имя")]
    assert "“First name” and “Förnamn”" in problems[0][2]


def test_a_mapping_settles_which_of_two_columns_counts(tmp_path):
    path = write_csv(tmp_path / "p.csv", [["Förnamn", "Imię", "Efternamn", "Klass"], ["Anna", "Ania", "Berg", "8A"]])
    plan = analyse_file(path, "pupils", profile="se", mapping={"Imię": "first_name"})
    assert not plan.problems and plan.rows[0].values["first_name"] == "Ania"


@pytest.mark.parametrize("profile,words", [("se", "Flicka, Pojke, Annat, Ej angivet"),
                                           ("pl", "Dziewczyna, Chłopiec, Inna, Nie podano"),
                                           ("ru", "Девочка, Мальчик, Другой, Не указан")])
def test_an_unknown_gender_lists_the_words_of_the_files_language(make_store, tmp_path, profile, words):
    headers = {"se": ["Förnamn", "Efternamn", "Klass", "Kön"], "pl": ["Imię", "Nazwisko", "Klasa", "Płeć"],
               "ru": ["Имя", "Фамилия", "Класс", "Пол"]}[profile]
    path = write_csv(tmp_path / "p.csv", [headers, ["Anna", "Berg", "8A", "Flika"]])
    with use_language("en"):
        [(row, column, message)] = _refused(make_store(profile), path, "pupils", profile=profile)
    assert (row, column) == (2, headers[3])
    assert "Flika" in message and words in message


def test_an_empty_class_of_a_new_pupil_is_refused(make_store, tmp_path):
    path = write_csv(tmp_path / "p.csv", [["Förnamn", "Efternamn", "Klass"], ["Anna", "Berg", "8A"],
                                          ["Per", "Ek", ""]])
    assert _refused(make_store("se"), path, "pupils") == [(3, "Klass", "The cell is empty; a new pupil needs a class.")]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_500_digit_phone_number_is_refused_not_cut(make_store, tmp_path, suffix):
    rows = [["Namn", "Telefon"], ["Nordbygg AB", "1" * 500]]
    path = (write_csv if suffix == ".csv" else write_xlsx)(tmp_path / f"o{suffix}", rows)
    assert _refused(make_store("se"), path, "organisations") == [
        (2, "Telefon", "The text is longer than 32 characters.")]


def test_a_long_e_mail_address_is_refused(make_store, tmp_path):
    path = write_csv(tmp_path / "o.csv", [["Namn", "E-post"], ["Nordbygg AB", "a" * 300 + "@example.se"]])
    assert _refused(make_store("se"), path, "organisations") == [
        (2, "E-post", "The text is longer than 200 characters.")]
