"""A 10,000-row class list (XLSX) imports whole, and a re-import updates in place.

How fast is a figure of benchmarks/run.py (the XLSX import), not an assertion here: on a machine
shared with other test runs a timing would measure the neighbours. The times are printed (-s).
"""

from __future__ import annotations

import time

from openpyxl import Workbook
from sqlalchemy import func, select

from coordinator.models import Enrolment, Pupil
from coordinator.transfer import analyse_file, apply_import

ROWS = 10_000


def write_class_list(path, rows: int = ROWS) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Elever")
    sheet.append(["Förnamn", "Efternamn", "Klass", "Kön", "Födelsedatum", "Elev-id"])
    letters = "ABCDEFGH"
    for i in range(rows):
        grade = 1 + i % 9
        sheet.append([f"Åsa{i}", f"Öberg-Ärlig{i}", f"{grade}{letters[i // 9 % 8]}", "FP"[i % 2],
                      f"{2006 + (9 - grade) + 1}-0{1 + i % 9}-1{i % 10}", f"E{i:06d}"])
    workbook.save(path)


def test_ten_thousand_row_class_list_imports_whole(make_store, tmp_path):
    store = make_store("se")
    path = tmp_path / "big.xlsx"
    write_class_list(path)
    started, cpu_started = time.perf_counter(), time.process_time()
    plan = analyse_file(path, "pupils", profile="se", mapping={"Elev-id": "external_id"})
    analysed = time.perf_counter()
    with store.session() as session:
        result = apply_import(session, plan, school="Storskolan")
    finished, cpu = time.perf_counter(), time.process_time() - cpu_started
    print(f"\n10,000-row XLSX: analyse {analysed - started:.2f} s, import {finished - analysed:.2f} s, "
          f"total {finished - started:.2f} s wall, {cpu:.2f} s CPU")
    assert result.problems == [] and result.created == ROWS
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Pupil)) == ROWS
        assert session.scalar(select(func.count()).select_from(Enrolment)) == ROWS


def test_reimporting_it_with_changes_updates_in_place(make_store, tmp_path):
    store = make_store("se")
    path = tmp_path / "big.xlsx"
    write_class_list(path, 2_000)
    mapping = {"Elev-id": "external_id"}
    with store.session() as session:
        apply_import(session, analyse_file(path, "pupils", profile="se", mapping=mapping), school="Storskolan")
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    for row in sheet.iter_rows(min_row=2):
        row[3].value = "K" if row[3].value == "P" else row[3].value  # every boy's cell now says K
    workbook.save(path)
    with store.session() as session:
        result = apply_import(session, analyse_file(path, "pupils", profile="se", mapping=mapping),
                              school="Storskolan")
    assert (result.created, result.updated, result.unchanged) == (0, 1_000, 1_000)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Pupil).where(Pupil.gender == "girl")) == 2_000
