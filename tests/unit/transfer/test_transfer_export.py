"""Export: formulas stay text, protected pupils stay out unless asked for, files are whole, round trips hold."""

from __future__ import annotations

import csv

import openpyxl
import pytest
from transfer_files import write_csv

from coordinator.models import Organisation
from coordinator.transfer import (
    analyse_file,
    apply_import,
    export_all,
    export_kind,
    export_table,
    export_vcard,
)

INJECTED = ["=HYPERLINK(\"http://evil\",\"click\")", "+46 70 123 45 67", "-2+3", "@SUM(A1:A9)", "\tTab AB",
            "\rCR AB", "=1+1"]


def _seed(store, tmp_path):
    pupils = [["Förnamn", "Efternamn", "Klass", "Kön", "Skyddad identitet"],
              ["Åsa", "Öberg", "8B", "F", "nej"], ["Hemlig", "Person", "8B", "P", "ja"],
              ["=cmd|' /C calc'!A0", "Łukasiewicz", "9A", "", "nej"]]
    for kind, rows, school in (("pupils", pupils, "Hagaskolan"), ):
        plan = analyse_file(write_csv(tmp_path / f"{kind}.csv", rows), kind, profile="se")
        with store.session() as session:
            assert apply_import(session, plan, school=school).imported
    with store.session() as session:
        session.add_all(Organisation(name=name, country="SE") for name in INJECTED)


def test_csv_export_puts_an_apostrophe_before_would_be_formulas(make_store, tmp_path):
    store = make_store("se")
    _seed(store, tmp_path)
    out = tmp_path / "orgs.csv"
    with store.session() as session:
        export_kind(session, "organisations", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    names = [row[0] for row in csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";")][1:]
    assert all(name.startswith("'") for name in names if name.lstrip("'") in INJECTED)
    assert "'=1+1" in names


@pytest.mark.parametrize("whole", [False, True])
def test_xlsx_export_reopens_with_every_injected_formula_as_plain_text(make_store, tmp_path, whole):
    store = make_store("se")
    _seed(store, tmp_path)
    out = tmp_path / "out.xlsx"
    with store.session() as session:
        if whole:
            export_all(session, out)
        else:
            export_kind(session, "organisations", out)
    workbook = openpyxl.load_workbook(out)  # not read-only: it would show formulas as formulas
    sheet = workbook["Organisations"] if whole else workbook.worksheets[0]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    values = [c.value for c in cells]
    # XML reads a lone CR back as LF; everything else comes back exactly as written.
    assert sorted(values) == sorted(v.replace("\r", "\n") for v in INJECTED)
    assert all(c.data_type == "s" and isinstance(c.value, str) for c in cells)
    pupil_cells = [c for row in workbook["Pupils" if whole else workbook.sheetnames[0]].iter_rows() for c in row]
    assert all(c.data_type != "f" for c in pupil_cells)


def test_export_table_writes_any_rows(tmp_path):
    from pathlib import PurePath

    from coordinator.models import PlacementStatus

    out = tmp_path / "t.xlsx"
    rows = [{"a": "=1+2", "b": 3}, {"a": "x", "b": PlacementStatus.CONFIRMED}, {"a": PurePath("x/y")}]
    export_table(rows, {"a": "Name", "b": "Count"}, out)
    sheet = openpyxl.load_workbook(out).active
    assert [[c.value for c in r] for r in sheet.iter_rows()] == [["Name", "Count"], ["=1+2", 3], ["x", "Confirmed"],
                                                                 ["x/y", None]]
    assert sheet["A2"].data_type == "s"
    export_table(rows, ["a", "b"], tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text(encoding="utf-8-sig").splitlines() == ["a;b", "'=1+2;3", "x;Confirmed",
                                                                                 "x/y;"]


def test_protected_pupils_are_left_out_unless_included_with_a_warning(make_store, tmp_path):
    store = make_store("se")
    _seed(store, tmp_path)
    out = tmp_path / "p.csv"
    with store.session() as session:
        result = export_kind(session, "pupils", out)
    text = out.read_text(encoding="utf-8-sig")
    assert "Hemlig" not in text and "Öberg" in text and result.left_out == 1
    assert result.warnings and "protected" in result.warnings[0]
    with store.session() as session:
        included = export_kind(session, "pupils", out, include_protected=True)
    assert "Hemlig" in out.read_text(encoding="utf-8-sig") and included.left_out == 0
    assert "keep it safe" in included.warnings[0]


def test_exported_pupils_import_again_unchanged(make_store, tmp_path):
    store = make_store("se")
    _seed(store, tmp_path)
    for suffix in ("csv", "xlsx"):
        out = tmp_path / f"p.{suffix}"
        with store.session() as session:
            export_kind(session, "pupils", out)
        plan = analyse_file(out, "pupils", profile="se")
        assert plan.problems == [] and plan.unknown_headers == []
        with store.session() as session:
            result = apply_import(session, plan)
        assert (result.created, result.updated, result.unchanged) == (0, 0, 2), result.problems


def test_vcard_holds_every_contact_with_its_letters(make_store, tmp_path):
    store = make_store("se")
    from coordinator.models import Contact

    with store.session() as session:
        org = Organisation(name="Zakład Łódź; Oddział, Północ", country="PL")
        session.add(org)
        session.add(Contact(first_name="Żaneta", last_name="Świętochowska-" + "Brzęczyszczykiewicz" * 3,
                            organisation=org, phone="+48 600 100 200", email="z@example.pl"))
    out = tmp_path / "c.vcf"
    with store.session() as session:
        assert export_vcard(session, out).rows == 1
    data = out.read_bytes()
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    unfolded = data.decode("utf-8").replace("\r\n ", "")
    assert "FN:Żaneta Świętochowska-" + "Brzęczyszczykiewicz" * 3 in unfolded
    assert "ORG:Zakład Łódź\\; Oddział\\, Północ" in unfolded
    assert unfolded.count("BEGIN:VCARD") == 1


def test_files_are_replaced_whole_and_no_temporary_file_stays(make_store, tmp_path):
    store = make_store("se")
    _seed(store, tmp_path)
    out = tmp_path / "all.xlsx"
    out.write_bytes(b"old")
    with store.session() as session:
        export_all(session, out)
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[:3] == ["Pupils", "Organisations", "Contacts"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
