"""Placements read from a file carry their hours a day and the first and last hour of the day."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.cli.main import main
from coordinator.models import Placement
from coordinator.store import open_store
from coordinator.transfer.values import CellError, parse_time


@pytest.mark.parametrize("cell,wanted", [
    ("8:00", dt.time(8, 0)), ("08:00", dt.time(8, 0)), ("16.30", dt.time(16, 30)), ("7", dt.time(7, 0)),
    ("14:00:00", dt.time(14, 0)), (dt.time(21, 15), dt.time(21, 15)), (0.5, dt.time(12, 0)),
    (dt.datetime(1899, 12, 30, 6, 45), dt.time(6, 45)),
])
def test_times_as_people_and_spreadsheets_write_them(cell, wanted):
    assert parse_time(cell) == wanted


@pytest.mark.parametrize("cell", ["25:00", "8:75", "kväll", "8-16", "1.5"])
def test_what_is_not_a_time_of_day(cell):
    with pytest.raises(CellError, match="is not a time of day"):
        parse_time(cell)


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture
def db_with_pupil(tmp_path, capsys):
    db = str(tmp_path / "pl.sqlite")
    assert run(capsys, "--db", db, "init", "--profile", "pl")[0] == 0
    for kind, text in (("pupils", "Imię;Nazwisko;Klasa;Identyfikator ucznia\r\nJan;Nowak;2T;P1\r\n"),
                       ("organisations", "Nazwa\r\nZakład Mechaniczny\r\n")):
        path = tmp_path / f"{kind}.csv"
        path.write_text(text, encoding="utf-8")
        code, _out, err = run(capsys, "--db", db, "import", kind, str(path), "--school", "Technikum nr 1",
                              "--year", "2026/27")
        assert code == 0, err
    return db


HEADER = "Identyfikator ucznia;Zakład pracy;Data rozpoczęcia;Data zakończenia;Godziny dziennie;" \
         "Godzina rozpoczęcia;Godzina zakończenia\r\n"


def test_hours_and_times_are_imported(db_with_pupil, tmp_path, capsys):
    path = tmp_path / "praktyki.csv"
    path.write_text(HEADER + "P1;Zakład Mechaniczny;2027-03-01;2027-03-12;6,5;7:30;14:00\r\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", db_with_pupil, "import", "placements", str(path))
    assert code == 0, err
    store = open_store(db_with_pupil)
    try:
        with store.session() as s:
            placement = s.query(Placement).one()
            assert (placement.hours_per_day, placement.daily_start, placement.daily_end) == (
                6.5, dt.time(7, 30), dt.time(14, 0))
    finally:
        store.close()


def test_bad_times_are_refused_by_row_and_column(db_with_pupil, tmp_path, capsys):
    path = tmp_path / "praktyki.csv"
    path.write_text(HEADER + "P1;Zakład Mechaniczny;2027-03-01;2027-03-12;6;7:30;25:00\r\n"
                    "P1;Zakład Mechaniczny;2027-04-05;2027-04-09;30;8:00;8:00\r\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", db_with_pupil, "--lang", "en", "import", "placements", str(path))
    assert (code, out) == (1, "")
    assert err.strip().splitlines() == [
        "row 2, column Godzina zakończenia: “25:00” is not a time of day; write it like 08:00 or 16:30.",
        "row 3, column Godziny dziennie: Hours per day must be between 0 and 24.",
        "row 3, column Godzina zakończenia: The working day ends at the time it starts.",
    ]
