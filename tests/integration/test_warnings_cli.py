"""`coordinator warnings` on data imported from files: the law for minors by age and country, never for adults."""

from __future__ import annotations

import json

import pytest

from coordinator.cli.main import main
from coordinator.models import School
from coordinator.services.setup import school_type_for
from coordinator.services.warning_codes import MINORS_CODES
from coordinator.store import open_store

YEAR = "2026/27"


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    return str(path)


def imported(capsys, db, tmp_path, kind: str, text: str, *extra: str) -> None:
    code, out, err = run(capsys, "--db", db, "import", kind, write(tmp_path, f"{kind}.csv", text), "--year", YEAR,
                         *extra)
    assert code == 0, err


def warnings_by_pupil(capsys, db, lang: str) -> dict[str, set[str]]:
    """Each placement's codes, by the note that names whose placement it is."""
    code, out, err = run(capsys, "--db", db, "--lang", lang, "warnings", "--year", YEAR, "--format", "json")
    assert code == 0, err
    found = json.loads(out)
    assert all(set(w) == {"kind", "id", "code", "message"} for w in found)
    store = open_store(db)
    try:
        with store.session() as s:
            from coordinator.models import Placement

            notes = {p.id: p.notes for p in s.query(Placement)}
    finally:
        store.close()
    codes: dict[str, set[str]] = {note: set() for note in notes.values()}
    for warning in found:
        if warning["kind"] == "placement":
            codes[notes[warning["id"]]].add(warning["code"])
    return codes


def new_db(capsys, tmp_path, profile: str) -> str:
    db = str(tmp_path / f"{profile}.sqlite")
    assert run(capsys, "--db", db, "init", "--profile", profile)[0] == 0
    return db


def test_swedish_night_from_20_at_14_but_from_22_at_16(tmp_path, capsys):
    db = new_db(capsys, tmp_path, "se")
    store = open_store(db)
    try:
        with store.session() as s:  # the gymnasium exists; its pupils come from a file
            s.add(School(name="Gymnasiet", school_type_id=school_type_for(s, compulsory=False).id))
    finally:
        store.close()
    imported(capsys, db, tmp_path, "pupils", "Förnamn;Efternamn;Klass;Födelsedatum;Elevnummer\n"
             "Alva;Berg;8A;2012-06-15;S14\n", "--school", "Norra skolan")
    imported(capsys, db, tmp_path, "pupils", "Förnamn;Efternamn;Klass;Årskurs;Födelsedatum;Elevnummer\n"
             "Olle;Ek;TE1;1;2010-06-15;S16\nVera;Lind;TE3;3;2007-06-15;S19\n", "--school", "Gymnasiet")
    imported(capsys, db, tmp_path, "organisations", "Namn\nVerkstad AB\n")
    imported(capsys, db, tmp_path, "placements",
             "Elevnummer;Arbetsplats;Startdatum;Slutdatum;Timmar per dag;Starttid;Sluttid;Anteckningar\n"
             "S14;Verkstad AB;2027-03-01;2027-03-05;7;14:00;21:00;age 14\n"
             "S16;Verkstad AB;2027-03-01;2027-03-05;7;14:00;21:00;age 16\n"
             "S19;Verkstad AB;2027-03-01;2027-03-05;10;13:00;23:30;age 19\n")
    codes = warnings_by_pupil(capsys, db, "sv")
    assert "night_work" in codes["age 14"]  # AFS 2012:3: no work 20–06 under compulsory schooling
    assert "night_work" not in codes["age 16"]  # 22–06 from 16 out of compulsory school
    assert not codes["age 19"] & MINORS_CODES


def test_polish_six_hours_under_16_and_eight_over(tmp_path, capsys):
    db = new_db(capsys, tmp_path, "pl")
    imported(capsys, db, tmp_path, "pupils", "Imię;Nazwisko;Klasa;Data urodzenia;Identyfikator ucznia\n"
             "Jan;Nowak;1T;2011-09-01;P15\nOla;Wójcik;3T;2009-09-01;P17\nEwa;Kot;5T;2007-09-01;P19\n",
             "--school", "Technikum nr 1")
    imported(capsys, db, tmp_path, "organisations", "Nazwa\nZakład Mechaniczny\n")
    imported(capsys, db, tmp_path, "placements",
             "Identyfikator ucznia;Zakład pracy;Data rozpoczęcia;Data zakończenia;Godziny dziennie;"
             "Godzina rozpoczęcia;Godzina zakończenia;Uwagi\n"
             "P15;Zakład Mechaniczny;2027-03-01;2027-03-05;7;7:00;14:00;age 15\n"
             "P17;Zakład Mechaniczny;2027-03-01;2027-03-05;7;7:00;14:00;age 17\n"
             "P19;Zakład Mechaniczny;2027-03-01;2027-03-05;10;12:00;23:00;age 19\n")
    codes = warnings_by_pupil(capsys, db, "pl")
    assert "hours_per_day" in codes["age 15"]  # Kodeks pracy art. 202 § 1: 6 hours under 16
    assert "hours_per_day" not in codes["age 17"]  # art. 202 § 2: 8 hours over 16
    assert not codes["age 19"] & MINORS_CODES


def test_russian_seven_hours_at_17_and_nothing_for_an_adult(tmp_path, capsys):
    db = new_db(capsys, tmp_path, "ru")
    imported(capsys, db, tmp_path, "pupils", "Имя;Фамилия;Группа;Курс;Дата рождения;Номер обучающегося\n"
             "Иван;Петров;ТМ-21;2;2009-09-01;R17\nАнна;Смирнова;ТМ-41;4;2007-09-01;R19\n", "--school", "Колледж")
    imported(capsys, db, tmp_path, "organisations", "Наименование\nЗавод\n")
    imported(capsys, db, tmp_path, "placements",
             "Номер обучающегося;Место практики;Дата начала;Дата окончания;Часов в день;Время начала;"
             "Время окончания;Примечания\n"
             "R17;Завод;2027-03-01;2027-03-05;8;08:00;16:00;8 hours\n"
             "R17;Завод;2027-03-15;2027-03-19;7;08:00;15:00;7 hours\n"
             "R19;Завод;2027-03-01;2027-03-05;11;14:00;01:00;age 19\n")
    codes = warnings_by_pupil(capsys, db, "ru")
    assert "hours_per_day" in codes["8 hours"]  # ТК РФ ст. 94: 7 hours at 16–18
    assert "hours_per_day" not in codes["7 hours"]
    assert not codes["age 19"] & MINORS_CODES
    assert "guardian_consent_missing" in codes["7 hours"]  # a minor without recorded consent is asked for it


def test_table_lists_translated_messages_and_exits_0(tmp_path, capsys):
    db = new_db(capsys, tmp_path, "pl")
    code, out, err = run(capsys, "--db", db, "--lang", "pl", "warnings", "--year", YEAR)
    assert (code, err) == (0, "")
    assert out.strip() == "0 ostrzeżeń."


def test_an_adult_students_letter_has_no_guardian_and_a_minors_has(tmp_path, capsys):
    from pypdf import PdfReader

    from coordinator.i18n import _, use_language

    db = new_db(capsys, tmp_path, "ru")
    imported(capsys, db, tmp_path, "pupils", "Имя;Фамилия;Группа;Курс;Дата рождения;Номер обучающегося;"
             "Законный представитель;Телефон законного представителя\n"
             "Иван;Петров;ТМ-21;2;2010-09-01;R16;Ольга Петрова;+7 912 000-00-01\n"
             "Анна;Смирнова;ТМ-41;4;2007-09-01;R19;Павел Смирнов;+7 912 000-00-02\n", "--school", "Колледж")
    imported(capsys, db, tmp_path, "organisations", "Наименование\nЗавод\n")
    imported(capsys, db, tmp_path, "placements", "Номер обучающегося;Место практики;Дата начала;Дата окончания\n"
             "R16;Завод;2027-03-01;2027-03-05\nR19;Завод;2027-03-01;2027-03-05\n")
    out = tmp_path / "letters.pdf"
    code, _out, err = run(capsys, "--db", db, "--lang", "ru", "report", "letters", "--year", YEAR, "--out", str(out))
    assert code == 0, err
    pages = [page.extract_text() for page in PdfReader(str(out)).pages]
    with use_language("ru"):
        signature, guardian_row = _("Guardian's signature"), _("Guardian")
    minor = next(p for p in pages if "Иван Петров" in p and "Ольга Петрова" in p)
    adult = next(p for p in pages if "Анна Смирнова" in p and "Завод" in p and "Иван" not in p)
    assert signature in minor and signature not in adult
    assert "Павел Смирнов" not in adult and guardian_row not in adult
    host = next(p for p in pages if "ст. 94" in p)
    # Only the 16-year-old is a minor: the host reads the rules for 16–17 (7 h a day), not those for 15.
    assert "7 ч в день, 35 ч в неделю" in host and "5 ч в день" not in host


def test_clashes_weekends_and_capacity_carry_their_codes_and_records(tmp_path, capsys):
    db = new_db(capsys, tmp_path, "se")
    imported(capsys, db, tmp_path, "pupils", "Förnamn;Efternamn;Klass;Födelsedatum;Elevnummer\n"
             "Alva;Berg;8A;2012-06-15;S1\nNils;Ek;8A;2012-02-01;S2\n", "--school", "Norra skolan")
    imported(capsys, db, tmp_path, "organisations", "Namn;Antal platser\nVerkstad AB;1\nBageriet;0\n")
    imported(capsys, db, tmp_path, "placements", "Elevnummer;Arbetsplats;Startdatum;Slutdatum;Anteckningar\n"
             "S1;Verkstad AB;2027-03-01;2027-03-05;first\nS1;Bageriet;2027-03-03;2027-03-10;second\n"
             "S2;Verkstad AB;2027-03-01;2027-03-05;third\n")
    imported(capsys, db, tmp_path, "study-visits", "Arbetsplats;Rubrik;Datum;Klass\n"
             "Verkstad AB;Öppet hus;2027-03-06;8A\nBageriet;Bakdag;2027-03-06;8A\n")
    code, out, err = run(capsys, "--db", db, "--lang", "sv", "warnings", "--year", YEAR, "--format", "json")
    assert code == 0, err
    found = {(w["kind"], w["code"]) for w in json.loads(out)}
    assert {("placement", "placement_overlap"), ("placement", "host_over_capacity"),
            ("study_visit", "weekend"), ("study_visit", "double_booking")} <= found
    code, out, err = run(capsys, "--db", db, "--lang", "sv", "warnings", "--year", YEAR, "--school", "Ingenstans")
    assert code == 1 and "Ingenstans" in err and out == ""
