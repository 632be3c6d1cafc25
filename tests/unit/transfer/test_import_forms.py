"""A class list names its school form and programme in any language; a personal number gives the birth date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from transfer_files import write_csv

from coordinator.models import Programme, Pupil, School
from coordinator.transfer import analyse_file, apply_import


def _import(store, path, profile, **kwargs):
    plan = analyse_file(path, "pupils", profile=profile)
    with store.session() as session:
        return apply_import(session, plan, **kwargs)


def test_a_gymnasium_class_list_names_its_form_and_programme_and_the_personnummer_gives_the_birth_date(
        make_store, tmp_path):
    store = make_store("se")
    rows = [["Förnamn", "Efternamn", "Klass", "Årskurs", "Personnummer", "Skolform", "Program"],
            ["Åsa", "Öberg", "EE1A", "1", "20120304-1239", "Gymnasieskola", "EE"],
            ["Per", "Ekström", "EE1A", "1", "", "gymnasieskola", "El- och energiprogrammet"]]
    result = _import(store, write_csv(tmp_path / "l.csv", rows), "se", school="Hedemora gymnasium")
    assert (result.created, result.problems) == (2, [])
    with store.session() as s:
        school = s.scalar(select(School).where(School.name == "Hedemora gymnasium"))
        assert school.school_type.code == "se_gymnasium"  # the grades alone would have said grundskola
        pupils = {p.first_name: p for p in s.scalars(select(Pupil))}
        ee = s.scalar(select(Programme.id).where(Programme.code == "EE"))
    assert pupils["Åsa"].birth_date == dt.date(2012, 3, 4)
    assert pupils["Åsa"].programme_id == ee and pupils["Per"].programme_id == ee
    assert all(p.external_id is None for p in pupils.values())  # the personnummer itself is not kept


def test_polish_and_russian_headers_and_a_pesel(make_store, tmp_path):
    store = make_store("pl")
    rows = [["Imię", "Nazwisko", "Klasa", "PESEL", "Typ szkoły", "Zawód"],
            ["Piotr", "Nowak", "1B", "12230412340", "branżowa szkoła I stopnia", "722307"]]
    result = _import(store, write_csv(tmp_path / "p.csv", rows), "pl", school="Branżowa Szkoła nr 1")
    assert result.problems == []
    with store.session() as s:
        school = s.scalar(select(School).where(School.name == "Branżowa Szkoła nr 1"))
        pupil = s.scalar(select(Pupil))
        assert school.school_type.code == "pl_branzowa" and pupil.birth_date == dt.date(2012, 3, 4)
    store = make_store("ru")
    rows = [["Имя", "Фамилия", "Группа", "Курс", "Тип образовательной организации", "Специальность"],
            ["Иван", "Петров", "ТМ-21", "2", "колледж", "15.02.16"]]
    result = _import(store, write_csv(tmp_path / "r.csv", rows), "ru", school="Чайковский колледж")
    assert result.problems == []
    with store.session() as s:
        assert s.scalar(select(School)).school_type.code == "ru_college"


def test_an_unknown_form_programme_or_personnummer_is_a_problem_in_its_cell(make_store, tmp_path):
    store = make_store("se")
    rows = [["Förnamn", "Efternamn", "Klass", "Personnummer", "Skolform", "Program"],
            ["Åsa", "Öberg", "8A", "20120304-1230", "Grundskola", "EE"],
            ["Per", "Ekström", "8A", "", "Folkhögskola", ""],
            ["Kim", "Nyström", "8A", "", "Grundskola", "XX"]]
    result = _import(store, write_csv(tmp_path / "bad.csv", rows), "se", school="Vasaskolan")
    problems = {(p.row, p.column): p.message for p in result.problems}
    assert not result.imported
    assert "is not a valid personal identity number" in problems[(2, "Personnummer")]
    assert "Folkhögskola" in problems[(3, "Skolform")]
    assert "XX" in problems[(4, "Program")]
