"""Importing into a database: one transaction, no duplicates on re-import, problems by row and column."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from sqlalchemy import func, select
from transfer_files import write_csv, write_xlsx

from coordinator.models import (
    Contact,
    Enrolment,
    Organisation,
    Placement,
    PlacementStatus,
    Pupil,
    School,
    SchoolClass,
    StudyVisit,
)
from coordinator.transfer import analyse_file, apply_import

CLASS_LIST = [["Förnamn", "Efternamn", "Klass", "Kön", "Födelsedatum"],
              ["Åsa", "Öberg", "8B", "Flicka", "2012-03-04"],
              ["Per", "Ekström", "8b", "P", "14.05.2012"],
              ["Kim", "Nyström", "9A", "", "1/2/2011"]]


def _import(store, path, kind="pupils", profile="se", **kwargs):
    mapping = kwargs.pop("mapping", None)
    plan = analyse_file(path, kind, profile=profile, mapping=mapping)
    with store.session() as session:
        return apply_import(session, plan, **kwargs)


def _count(store, model) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_class_list_creates_school_classes_pupils_and_enrolments(make_store, tmp_path):
    store = make_store("se")
    result = _import(store, write_csv(tmp_path / "l.csv", CLASS_LIST), school="Hagaskolan")
    assert (result.created, result.updated, result.problems, result.imported) == (3, 0, [], True)
    with store.session() as session:
        school = session.scalar(select(School))
        assert school.name == "Hagaskolan" and school.school_type.code == "se_grundskola"
        classes = sorted((c.name, c.grade) for c in session.scalars(select(SchoolClass)))
        assert classes == [("8B", "8"), ("9A", "9")]
        pupils = {p.first_name: p for p in session.scalars(select(Pupil))}
        assert pupils["Åsa"].gender.value == "girl" and pupils["Kim"].gender.value == "unspecified"
        assert pupils["Per"].birth_date == dt.date(2012, 5, 14)
        assert session.scalar(select(func.count()).select_from(Enrolment)) == 3
    assert set(result.changes.created) == {"schools", "classes", "pupils"}


def test_reimport_creates_no_duplicates_and_reports_what_changed(make_store, tmp_path):
    store = make_store("se")
    path = write_csv(tmp_path / "l.csv", CLASS_LIST)
    _import(store, path, school="Hagaskolan")
    again = _import(store, path, school="Hagaskolan")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)
    changed = [row[:] for row in CLASS_LIST]
    changed[3][3] = "Flicka"
    changed[1][2] = "9A"
    third = _import(store, write_csv(tmp_path / "l2.csv", changed), school="Hagaskolan")
    assert (third.created, third.updated, third.unchanged) == (0, 2, 1)
    assert {(r.row, r.fields) for r in third.rows if r.action == "updated"} == {(2, ("class_name",)),
                                                                                 (4, ("gender",))}
    assert _count(store, Pupil) == 3 and _count(store, Enrolment) == 3
    assert third.changes.updated["pupils"]


def test_a_file_with_problems_imports_nothing_unless_good_rows_only(make_store, tmp_path):
    store = make_store("se")
    rows = CLASS_LIST + [["Ola", "", "8B", "P", "2012-01-01"], ["Eva", "Berg", "8B", "F", "31.02.2012"],
                         ["Åsa", "Öberg", "8B", "Flicka", "2012-03-04"], ["Ulf", "Ek", "Ma1", "", ""]]
    path = write_csv(tmp_path / "l.csv", rows)
    result = _import(store, path, school="Hagaskolan")
    assert not result.imported and result.created == 0
    assert [(p.row, p.column) for p in result.problems] == [(5, "Efternamn"), (6, "Födelsedatum"),
                                                            (7, "Förnamn"), (8, "Klass")]
    assert "repeats row 2" in result.problems[2].message
    assert _count(store, Pupil) == 0 and _count(store, School) == 0
    good = _import(store, path, school="Hagaskolan", good_rows_only=True)
    assert good.imported and (good.created, good.skipped) == (3, 4)
    assert _count(store, Pupil) == 3


def test_dry_run_reports_and_writes_nothing(make_store, tmp_path):
    store = make_store("se")
    result = _import(store, write_csv(tmp_path / "l.csv", CLASS_LIST), school="Hagaskolan", dry_run=True)
    assert result.created == 3 and not result.imported
    assert _count(store, Pupil) == 0 and _count(store, School) == 0


@pytest.mark.parametrize("content,row,fragment", [
    (b"", 1, "empty"), (b"\r\n \r\n", 1, "empty"),
    ("Förnamn;Efternamn;Klass\r\n".encode(), 1, "no rows"),
    ("Skostorlek;Hårfärg\r\n38;brun\r\n".encode(), 1, "missing"),
])
def test_empty_header_only_and_unknown_columns_are_refused(make_store, tmp_path, content, row, fragment):
    store = make_store("se")
    path = tmp_path / "l.csv"
    path.write_bytes(content)
    result = _import(store, path, school="Hagaskolan")
    assert result.problems and not result.imported
    assert result.problems[0].row == row and result.problems[0].column
    assert fragment in result.problems[0].message
    assert _count(store, Pupil) == 0


def test_unknown_grade_for_the_school_type_is_a_problem(make_store, tmp_path):
    store = make_store("se")
    _import(store, write_csv(tmp_path / "a.csv", CLASS_LIST), school="Hagaskolan")
    rows = [["Förnamn", "Efternamn", "Klass"], ["Ida", "Ek", "12C"]]
    result = _import(store, write_csv(tmp_path / "b.csv", rows), school="Hagaskolan")
    assert [(p.row, p.column) for p in result.problems] == [(2, "Klass")]
    assert "Grade 12" in result.problems[0].message


def test_which_school_must_be_said_when_the_database_has_several(make_store, tmp_path):
    store = make_store("se")
    _import(store, write_csv(tmp_path / "a.csv", CLASS_LIST), school="Hagaskolan")
    _import(store, write_csv(tmp_path / "a.csv", CLASS_LIST), school="Åsskolan")
    result = _import(store, write_csv(tmp_path / "b.csv", CLASS_LIST))
    assert result.problems and result.problems[0].row == 2


def test_truncated_xlsx_is_a_clear_error(make_store, tmp_path):
    store = make_store("se")
    full = write_xlsx(tmp_path / "full.xlsx", CLASS_LIST)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    result = _import(store, broken, school="Hagaskolan")
    assert [(p.row, p.column) for p in result.problems] == [(1, "A")]
    assert "damaged" in result.problems[0].message


_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
           + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)) + "]>")
_SST = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
        "<si><t>&lol9;</t></si></sst>")
_SST_REL = ('<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/sharedStrings"/></Relationships>')
_SST_TYPE = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
             'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')


@pytest.mark.parametrize("where", ["sharedStrings", "sheet"])
def test_xml_bomb_is_refused_quickly(make_store, tmp_path, where):
    """Billion laughs: defusedxml refuses the entities; the import names row 1, column A and stops."""
    store = make_store("se")
    full = write_xlsx(tmp_path / "full.xlsx", CLASS_LIST)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(full) as source, zipfile.ZipFile(bomb, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename).decode()
            if where == "sharedStrings" and info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace("</Relationships>", _SST_REL)
            elif where == "sharedStrings" and info.filename == "[Content_Types].xml":
                data = data.replace("</Types>", _SST_TYPE)
            elif where == "sheet" and info.filename == "xl/worksheets/sheet1.xml":
                data = _LAUGHS + data.replace("<t>Åsa</t>", "<t>&lol9;</t>")
            target.writestr(info, data.encode())
        if where == "sharedStrings":
            target.writestr("xl/sharedStrings.xml", (_LAUGHS + _SST).encode())
    result = _import(store, bomb, school="Hagaskolan")  # refused before a single entity is expanded
    assert [(p.row, p.column) for p in result.problems] == [(1, "A")]
    assert "attack" in result.problems[0].message
    assert _count(store, Pupil) == 0


ORGS = [["Namn", "Organisationsnummer", "SNI", "Postort", "Telefon", "E-post"],
        ["Verkstad AB", "5560360793", "25620", "Hedemora", "0225-123 45", "info@verkstad.se"],
        ["Bygg & Co", "556012-5790", "43.21", "Säter", "", ""],
        ["Café Ängen", "", "I", "Hedemora", "", ""]]


def test_organisations_import_validates_numbers_and_maps_sectors(make_store, tmp_path):
    store = make_store("se")
    result = _import(store, write_csv(tmp_path / "o.csv", ORGS), "organisations")
    assert result.created == 3 and result.problems == []
    with store.session() as session:
        orgs = {o.name: o for o in session.scalars(select(Organisation))}
        assert orgs["Verkstad AB"].org_number == "556036-0793" and orgs["Verkstad AB"].sector_code == "C"
        assert orgs["Bygg & Co"].sector_code == "F" and orgs["Café Ängen"].sector_code == "I"
        assert orgs["Verkstad AB"].phone.startswith("+46")
    again = _import(store, write_csv(tmp_path / "o.csv", ORGS), "organisations")
    assert (again.created, again.unchanged) == (0, 3)
    bad = [ORGS[0], ["Fel AB", "556036-0794", "C", "", "", "inte-en-adress"]]
    refused = _import(store, write_csv(tmp_path / "bad.csv", bad), "organisations")
    assert [(p.row, p.column) for p in refused.problems] == [(2, "Organisationsnummer"), (2, "E-post")]


def test_contacts_find_their_organisation_by_number_or_name(make_store, tmp_path):
    store = make_store("se")
    _import(store, write_csv(tmp_path / "o.csv", ORGS), "organisations")
    rows = [["Förnamn", "Efternamn", "Organisation", "Organisationsnummer", "Roll"],
            ["Lena", "Holm", "", "556036-0793", "HR"], ["Omar", "Said", "Café Ängen", "", "Ägare"],
            ["Nils", "Berg", "Okänd AB", "", ""]]
    result = _import(store, write_csv(tmp_path / "c.csv", rows), "contacts")
    assert [(p.row, p.column) for p in result.problems] == [(4, "Organisation")]
    result = _import(store, write_csv(tmp_path / "c.csv", rows[:3]), "contacts")
    assert result.created == 2
    with store.session() as session:
        lena = session.scalar(select(Contact).where(Contact.first_name == "Lena"))
        assert lena.organisation.name == "Verkstad AB"


def test_placements_find_pupil_by_name_and_class_and_default_their_status(make_store, tmp_path):
    store = make_store("se")
    _import(store, write_csv(tmp_path / "l.csv", CLASS_LIST), school="Hagaskolan")
    _import(store, write_csv(tmp_path / "o.csv", ORGS), "organisations")
    today = dt.date.today()
    past, future = today - dt.timedelta(days=30), today + dt.timedelta(days=30)
    rows = [["Förnamn", "Efternamn", "Klass", "Arbetsplats", "Startdatum", "Slutdatum"],
            ["Åsa", "Öberg", "8B", "Verkstad AB", past.isoformat(), (past + dt.timedelta(days=4)).isoformat()],
            ["Per", "Ekström", "8B", "Bygg & Co", future.isoformat(), (future + dt.timedelta(days=4)).isoformat()]]
    result = _import(store, write_csv(tmp_path / "p.csv", rows), "placements")
    assert result.problems == [] and result.created == 2
    with store.session() as session:
        status = {p.pupil.first_name: (p.status, p.days) for p in session.scalars(select(Placement))}
    assert status["Åsa"] == (PlacementStatus.COMPLETED, 5) or status["Åsa"][0] == PlacementStatus.COMPLETED
    assert status["Per"][0] == PlacementStatus.CONFIRMED
    again = _import(store, write_csv(tmp_path / "p.csv", rows), "placements")
    assert (again.created, again.unchanged) == (0, 2)
    unknown = rows[:1] + [["Ghost", "Pupil", "8B", "Verkstad AB", past.isoformat(), past.isoformat()],
                          ["Åsa", "Öberg", "7Z", "Verkstad AB", past.isoformat(), past.isoformat()],
                          ["Åsa", "Öberg", "8B", "Nowhere AB", past.isoformat(), past.isoformat()]]
    refused = _import(store, write_csv(tmp_path / "u.csv", unknown), "placements")
    assert [(p.row, p.column) for p in refused.problems] == [(2, "Förnamn"), (3, "Klass"), (4, "Arbetsplats")]
    assert _count(store, Placement) == 2


def test_study_visits_link_their_classes(make_store, tmp_path):
    store = make_store("se")
    _import(store, write_csv(tmp_path / "l.csv", CLASS_LIST), school="Hagaskolan")
    _import(store, write_csv(tmp_path / "o.csv", ORGS), "organisations")
    day = dt.date.today() + dt.timedelta(days=7)
    rows = [["Organisation", "Datum", "Klass", "Rubrik"], ["Verkstad AB", day.strftime("%d.%m.%Y"), "8B, 9A",
                                                            "Studiebesök"]]
    result = _import(store, write_csv(tmp_path / "v.csv", rows), "study-visits")
    assert result.problems == [] and result.created == 1
    with store.session() as session:
        visit = session.scalar(select(StudyVisit))
        assert sorted(c.name for c in visit.classes) == ["8B", "9A"] and visit.starts_at.date() == day
    assert _import(store, write_csv(tmp_path / "v.csv", rows), "study-visits").unchanged == 1


def test_polish_and_russian_lists_import_with_their_school_types(make_store, tmp_path):
    for profile, rows in (
        ("pl", [["Imię", "Nazwisko", "Klasa", "Płeć"], ["Łucja", "Świętochowska", "7a", "K"]]),
        ("ru", [["Имя", "Фамилия", "Класс", "Пол"], ["Ёлка", "Щербакова", "10Б", "Ж"]]),
    ):
        store = make_store(profile)
        path = write_csv(tmp_path / f"{profile}.csv", rows, encoding={"pl": "cp1250", "ru": "cp1251"}[profile])
        result = _import(store, path, profile=profile, school="Szkoła nr 1" if profile == "pl" else "Школа № 1")
        assert result.created == 1, result.problems
        with store.session() as session:
            pupil = session.scalar(select(Pupil))
            assert (pupil.first_name, pupil.last_name) == tuple(rows[1][:2])
            assert pupil.gender.value == "girl"


def test_cancelling_leaves_nothing_behind(make_store, tmp_path):
    store = make_store("se")
    from coordinator.transfer.apply import ImportCancelled

    plan = analyse_file(write_csv(tmp_path / "l.csv", CLASS_LIST), "pupils", profile="se")
    with pytest.raises(ImportCancelled), store.session() as session:
        apply_import(session, plan, school="Hagaskolan", cancelled=lambda: True)
    assert _count(store, Pupil) == 0 and _count(store, School) == 0


def test_a_mapping_is_remembered_per_file_layout(make_store):
    from coordinator.transfer.mappings import remember_mapping, remembered_mapping

    store = make_store("se")
    headers = ["Elevens nummer", "Förnamn", "Efternamn", "Klass"]
    with store.session() as session:
        assert remembered_mapping(session, "pupils", headers) == {}
        remember_mapping(session, "pupils", headers, {"Elevens nummer": "external_id"})
    with store.session() as session:
        assert remembered_mapping(session, "pupils", list(reversed(headers))) == {"Elevens nummer": "external_id"}
        assert remembered_mapping(session, "contacts", headers) == {}
        assert remembered_mapping(session, "pupils", headers + ["Kön"]) == {}


@pytest.mark.parametrize("profile,rows,number,sector", [
    ("pl", [["Nazwa", "NIP", "PKD", "Miejscowość"], ["Zakład Łódź Sp. z o.o.", "526-025-02-74", "25.62.Z",
                                                      "Wałbrzych"]], "526-025-02-74", "C"),
    ("ru", [["Наименование", "ИНН", "ОКВЭД", "Город"], ["ООО «Чайка»", "7707083893", "43.21", "Чайковский"]],
     "7707083893", "F"),
])
def test_polish_and_russian_registers(make_store, tmp_path, profile, rows, number, sector):
    store = make_store(profile)
    result = _import(store, write_csv(tmp_path / "o.csv", rows, encoding={"pl": "cp1250", "ru": "cp1251"}[profile]),
                     "organisations", profile=profile)
    assert result.created == 1, result.problems
    with store.session() as session:
        org = session.scalar(select(Organisation))
        assert (org.name, org.org_number, org.sector_code, org.country) == (rows[1][0], number, sector,
                                                                              profile.upper())
    bad = [rows[0], [rows[1][0] + " 2", "1234567890", "Z9", ""]]
    refused = _import(store, write_csv(tmp_path / "b.csv", bad), "organisations", profile=profile)
    assert [(p.row, p.column) for p in refused.problems] == [(2, rows[0][1]), (2, rows[0][2])]


def test_placements_by_pupil_id_from_a_1904_workbook(make_store, tmp_path):
    store = make_store("se")
    _import(store, write_csv(tmp_path / "l.csv", [["Förnamn", "Efternamn", "Klass", "Elev-id"],
                                                  ["Åsa", "Öberg", "8B", "S-1"]]),
            school="Hagaskolan", mapping={"Elev-id": "external_id"})
    _import(store, write_csv(tmp_path / "o.csv", ORGS), "organisations")
    # 1904 system: serial 44927 is 2027-01-02
    rows = [["Elev-id", "Organisationsnummer", "Startdatum", "Slutdatum", "Status", "Dagar"],
            ["S-1", "556036-0793", 44927, 44931, "Bekräftad", 5]]
    path = write_xlsx(tmp_path / "p.xlsx", rows, epoch_1904=True)
    result = _import(store, path, "placements", mapping={"Elev-id": "external_id"})
    assert result.created == 1, result.problems
    with store.session() as session:
        placement = session.scalar(select(Placement))
        assert (placement.start_date, placement.end_date) == (dt.date(2027, 1, 2), dt.date(2027, 1, 6))
        assert placement.status == PlacementStatus.CONFIRMED and placement.days == 5
        assert placement.pupil.first_name == "Åsa" and placement.host.name == "Verkstad AB"
    missing = [rows[0], ["S-404", "556036-0793", 44927, 44931, "", ""]]
    refused = _import(store, write_xlsx(tmp_path / "m.xlsx", missing, epoch_1904=True), "placements",
                      mapping={"Elev-id": "external_id"})
    assert [(p.row, p.column) for p in refused.problems] == [(2, "Elev-id")]


def test_study_visit_with_an_unknown_class_names_it(make_store, tmp_path):
    store = make_store("se")
    _import(store, write_csv(tmp_path / "l.csv", CLASS_LIST), school="Hagaskolan")
    _import(store, write_csv(tmp_path / "o.csv", ORGS), "organisations")
    day = dt.date.today().isoformat()
    rows = [["Organisation", "Datum", "Klass"], ["Verkstad AB", day, "8B och 7Q"]]
    result = _import(store, write_csv(tmp_path / "v.csv", rows), "study-visits")
    assert [(p.row, p.column) for p in result.problems] == [(2, "Klass")] and "7Q" in result.problems[0].message
    assert _count(store, StudyVisit) == 0
