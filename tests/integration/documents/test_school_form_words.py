"""Documents take their words from the pupil's school form; a grade is keyed by its form."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from coordinator.cli.main import main
from coordinator.desk import Desk
from coordinator.models import (
    Enrolment,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    SchoolForm,
    Teacher,
)
from coordinator.services.setup import initialise, school_year_id
from coordinator.store import open_store

START = dt.date(2027, 3, 8)


def _school(s, form_code: str, school: str, class_name: str, grade: str, pupil: str, host: str) -> None:
    """A school of the form with one class (its teacher in charge), one pupil and a placement at `host`."""
    year = school_year_id(s, "2026/27")
    form = s.scalar(select(SchoolForm).where(SchoolForm.code == form_code))
    row = School(name=school, school_type_id=form.id, phone="0225-340 00")
    s.add(row)
    s.flush()
    mentor = Teacher(school_id=row.id, first_name="Anna", last_name=f"Lärare{row.id}", phone="070-111 22 33")
    s.add(mentor)
    s.flush()
    klass = SchoolClass(school_id=row.id, school_year_id=year, grade=grade, name=class_name, mentor_id=mentor.id)
    org = s.scalar(select(Organisation).where(Organisation.name == host))
    if org is None:
        org = Organisation(name=host, sector_code="C", places_offered=4)
    s.add_all([klass, org])
    s.flush()
    first, last = pupil.split()
    person = Pupil(first_name=first, last_name=last)
    s.add(person)
    s.flush()
    s.add(Enrolment(pupil_id=person.id, class_id=klass.id, school_year_id=year))
    s.add(Placement(school_year_id=year, pupil_id=person.id, host_id=org.id, start_date=START,
                    end_date=START + dt.timedelta(days=4), days=5, hours_per_day=6, status=PlacementStatus.CONFIRMED))


@pytest.fixture
def make_db(tmp_path):
    stores = []

    def make(profile: str, schools: list[tuple[str, ...]]):
        store = open_store(tmp_path / f"{profile}.sqlite", create=True)
        stores.append(store)
        with store.session() as s:
            initialise(s, profile_code=profile, today=dt.date(2026, 11, 24))
            for spec in schools:
                _school(s, *spec)
        return store
    yield make
    for store in stores:
        store.close()


def run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code


def letters(store, tmp_path, lang: str, *args: str) -> str:
    out = tmp_path / f"letters-{lang}-{len(list(tmp_path.glob('*.pdf')))}.pdf"
    assert run(["--db", str(store.path), "--lang", lang, "report", "letters", "--out", str(out),
                "--year", "2026/27", *args]) == 0
    return "".join(page.extract_text() for page in PdfReader(str(out)).pages)


def test_a_russian_college_letter_says_group_college_and_curator(make_db, tmp_path):
    store = make_db("ru", [("ru_college", "Чайковский индустриальный колледж", "ТМ-21", "2", "Иван Петров",
                            "ООО «Камский кабель»")])
    text = letters(store, tmp_path, "ru")
    assert "Группа" in text and "Колледж:" in text and "Куратор:" in text
    assert "Производственная практика" in text
    assert "Класс" not in text and "Классный руководитель" not in text


def test_a_swedish_grade_8_letter_says_prao_and_a_gymnasium_letter_apl(make_db, tmp_path):
    store = make_db("se", [("se_grundskola", "Vasaskolan", "8A", "8", "Maja Lind", "Sågverket AB"),
                           ("se_gymnasium", "Hedemora gymnasium", "EE2", "2", "Liam Berg", "Elbolaget AB")])
    grade_8 = letters(store, tmp_path, "sv", "--school", "Vasaskolan")
    gymnasium = letters(store, tmp_path, "sv", "--school", "Hedemora gymnasium")
    assert "Typ av praktik" in grade_8 and "Prao" in grade_8 and "APL" not in grade_8
    assert "APL" in gymnasium and "Prao" not in gymnasium


def test_grade_t3_gives_technikum_grade_3_alone(make_db, tmp_path, capsys):
    store = make_db("pl", [("pl_podstawowa", "Szkoła Podstawowa nr 5", "3a", "3", "Jan Nowak", "Zakład A"),
                           ("pl_technikum", "Technikum Mechaniczne", "3TM", "3", "Piotr Wiśniewski", "Zakład B")])
    for args in (("--grade", "T3"), ("--grade", "t 3"), ("--school-form", "technikum", "--grade", "3")):
        text = letters(store, tmp_path, "pl", *args)
        assert "Piotr Wiśniewski" in text and "Jan Nowak" not in text
    primary = letters(store, tmp_path, "pl", "--grade", "SP3")
    assert "Jan Nowak" in primary and "Piotr Wiśniewski" not in primary
    capsys.readouterr()
    assert run(["--db", str(store.path), "--lang", "pl", "report", "letters", "--out", str(tmp_path / "x.pdf"),
                "--year", "2026/27", "--grade", "3"]) == 1
    err = capsys.readouterr().err
    assert "SP3" in err and "T3" in err and "Traceback" not in err


def test_the_grade_option_is_documented(capsys):
    assert run(["report", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--school-form" in help_text and "T3" in help_text


def test_a_school_form_a_user_adds_gives_its_words_to_letters_and_schedules(make_db, tmp_path):
    store = make_db("se", [])
    desk = Desk(store)
    desk.create_record("school_forms", {
        "name": "Folk high school", "code": "se_folkhogskola", "short": "FH", "grades": "1, 2",
        "youngest": "18", "oldest": "25", "placement_grades": "2", "required_placement_days": "10",
        "name_sv": "Folkhögskola", "group_sv": "kursgrupp", "grade_sv": "kursår", "school_sv": "folkhögskola",
        "mentor_sv": "kursledare", "placement_sv": "arbetsplatsförlagt lärande"})
    with store.session() as s:
        _school(s, "se_folkhogskola", "Hedemora folkhögskola", "Bygg 2", "2", "Ebba Holm", "Byggbolaget AB")
    text = letters(store, tmp_path, "sv")
    assert "Kursgrupp" in text and "Kursledare:" in text and "Folkhögskola:" in text
    assert "Arbetsplatsförlagt lärande" in text
    out = tmp_path / "schedule.pdf"
    assert run(["--db", str(store.path), "--lang", "sv", "report", "schedule", "--out", str(out),
                "--year", "2026/27"]) == 0
    schedule = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Arbetsplatsförlagt lärande, 1 elev" in " ".join(schedule.split())
