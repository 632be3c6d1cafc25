"""Cell values: dates in every written form and Excel serials, gender per profile, sectors, grades."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
from transfer_files import write_csv, write_xlsx

from coordinator.transfer import analyse_file
from coordinator.transfer.values import (
    CellError,
    grade_of_class,
    parse_date,
    parse_gender,
    parse_sector,
    parse_status,
)


@pytest.mark.parametrize("text,expected", [
    ("2026-09-14", dt.date(2026, 9, 14)), ("14.09.2026", dt.date(2026, 9, 14)), ("4/9/2026", dt.date(2026, 9, 4)),
    ("44927", dt.date(2023, 1, 1)), ("2026-09-14 08:00", dt.date(2026, 9, 14)), ("14.09.2026 r.", dt.date(2026, 9, 14)),
    ("14.09.2026 г.", dt.date(2026, 9, 14)), ("2026.09.14", dt.date(2026, 9, 14)), ("2026/9/4", dt.date(2026, 9, 4)),
])
def test_dates_in_every_form(text, expected):
    assert parse_date(text) == expected


def test_month_first_when_the_profile_says_so():
    assert parse_date("4/9/2026", date_order="mdy") == dt.date(2026, 4, 9)


def test_excel_serials_in_both_systems():
    assert parse_date(44927, epoch=CALENDAR_WINDOWS_1900) == dt.date(2023, 1, 1)
    assert parse_date(44927, epoch=CALENDAR_MAC_1904) == dt.date(2027, 1, 2)


@pytest.mark.parametrize("text", ["31.02.2026", "2026-13-01", "tomorrow", "14/9/26", "0", "99999999"])
def test_bad_dates_are_refused_with_the_value_named(text):
    with pytest.raises(CellError) as info:
        parse_date(text)
    assert text in str(info.value) or "0" == text


@pytest.mark.parametrize("profile,value,expected", [
    ("se", "Flicka", "girl"), ("se", "Pojke", "boy"), ("se", "K", "girl"), ("se", "M", "boy"), ("se", "F", "girl"),
    ("se", "P", "boy"), ("se", "", "unspecified"), ("se", "ickebinär", "other"), ("se", "X", "other"),
    ("pl", "K", "girl"), ("pl", "M", "boy"), ("pl", "chłopiec", "boy"), ("pl", "X", "other"),
    ("ru", "Ж", "girl"), ("ru", "М", "boy"), ("ru", "ж", "girl"), ("ru", "мужской", "boy"),
    ("ru", "F", "girl"), ("se", "girl", "girl"), ("pl", "Dziewczynka", "girl"),
])
def test_gender_words_and_letters_per_profile(profile, value, expected):
    assert parse_gender(value, profile) == expected


@pytest.mark.parametrize("value,section", [
    ("C", "C"), ("c", "C"), ("25620", "C"), ("43.21", "F"), ("25.62.Z", "C"), ("01110", "A"), ("47.11", "G"),
    ("85", "P"), ("86.10", "Q"), ("62.01", "J"), ("C25.6", "C"), ("99000", "U"), ("35.11", "D"), ("55.10", "I"),
])
def test_sector_letters_and_codes_map_to_their_section(value, section):
    assert parse_sector(value) == section


@pytest.mark.parametrize("value", ["Z", "04", "34.1", "industri", "F25"])
def test_unknown_sectors_are_refused(value):
    with pytest.raises(CellError):
        parse_sector(value)


@pytest.mark.parametrize("name,profile,grade", [
    ("8B", "se", "8"), ("8b", "se", "8"), ("8Б", "ru", "8"), ("10А", "ru", "10"), ("F", "se", "F"),
    ("FA", "se", "F"), ("Ma1", "se", None), ("IIIa", "pl", "3"), ("VII b", "pl", "7"), ("XI А", "ru", "11"), ("IT", "pl", None),
    ("7 c", "pl", "7"), ("Va", "se", None),
])
def test_grade_from_class_name(name, profile, grade):
    assert grade_of_class(name, profile) == grade


def test_status_words_in_every_language():
    assert parse_status("Genomförd") == "completed"
    assert parse_status("potwierdzona") == "confirmed"
    assert parse_status("отменена") == "cancelled"


def test_bare_number_in_a_csv_date_column_is_a_serial(tmp_path):
    rows = [["Förnamn", "Efternamn", "Klass", "Födelsedatum"], ["Anna", "Berg", "8A", "40179"]]
    plan = analyse_file(write_csv(tmp_path / "l.csv", rows), "pupils", profile="se")
    assert plan.rows[0].values["birth_date"] == dt.date(2010, 1, 1)


def test_xlsx_dates_follow_the_workbooks_epoch(tmp_path):
    rows = [["Förnamn", "Efternamn", "Klass", "Födelsedatum"], ["Anna", "Berg", "8A", 40179],
            ["Bo", "Ek", "8A", dt.datetime(2011, 3, 5)]]
    plan_1900 = analyse_file(write_xlsx(tmp_path / "a.xlsx", rows), "pupils", profile="se")
    plan_1904 = analyse_file(write_xlsx(tmp_path / "b.xlsx", rows, epoch_1904=True), "pupils", profile="se")
    assert plan_1900.rows[0].values["birth_date"] == dt.date(2010, 1, 1)
    assert plan_1904.rows[0].values["birth_date"] == dt.date(2014, 1, 2)
    assert plan_1900.rows[1].values["birth_date"] == plan_1904.rows[1].values["birth_date"] == dt.date(2011, 3, 5)
