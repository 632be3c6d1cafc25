"""Random bytes and random CSV shapes: no crash, no hang, every problem names a row and a column, no half import."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from coordinator.models import Enrolment, Pupil, School, SchoolClass
from coordinator.transfer import analyse_file, apply_import

FUZZ = settings(max_examples=60, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
HEADERS = ["Förnamn", "Efternamn", "Klass", "Kön", "Födelsedatum", "Årskurs", "Imię", "Фамилия", "sep=;", "",
           "Elev-id", "Skyddad identitet"]
CELL = st.one_of(st.text(max_size=12), st.sampled_from(["8B", "9a", "12C", "F", "31.02.2012", "44927", "=1+1",
                                                         "2012-01-01", "P", "Flicka", "\"", ";", "\r\n", "ja"]))


@pytest.fixture
def fuzz_store(make_store):
    return make_store("se")


def _counts(store) -> tuple[int, ...]:
    with store.session() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) for m in (Pupil, School, SchoolClass,
                                                                                  Enrolment))


def _check(store, path, kind: str = "pupils") -> None:
    before = _counts(store)
    plan = analyse_file(path, kind, profile="se")
    for problem in plan.problems:
        assert problem.row >= 1 and problem.column.strip() and problem.message
        assert str(problem).startswith(f"row {problem.row}, column ")
    with store.session() as session:
        result = apply_import(session, plan, school="Fuzzskolan")
    for problem in result.problems:
        assert problem.row >= 1 and problem.column.strip() and problem.message
    if result.problems or not result.imported:
        assert _counts(store) == before


@FUZZ
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_never_crash(fuzz_store, tmp_path_factory, data, suffix):
    store = fuzz_store  # one database for all examples (fixtures are made once per test, not per example)
    path = tmp_path_factory.mktemp("fuzz") / f"file{suffix}"
    path.write_bytes(data)
    _check(store, path)


@FUZZ
@given(headers=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=6),
       rows=st.lists(st.lists(CELL, max_size=7), max_size=8),
       delimiter=st.sampled_from([";", ",", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "cp1250"]),
       kind=st.sampled_from(["pupils", "organisations", "placements"]))
def test_random_csv_shapes_never_crash(fuzz_store, tmp_path_factory, headers, rows, delimiter, encoding, kind):
    store = fuzz_store
    text = io.StringIO(newline="")
    writer = csv.writer(text, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    try:
        data = text.getvalue().encode(encoding)
    except UnicodeEncodeError:
        data = text.getvalue().encode("utf-8", errors="surrogatepass")
    path = tmp_path_factory.mktemp("fuzz") / "file.csv"
    path.write_bytes(data)
    _check(store, path, kind)


XLSX_CELL = st.one_of(st.none(), st.integers(-10**6, 10**7), st.floats(allow_nan=True, allow_infinity=True),
                      st.booleans(), st.dates(), st.datetimes(), CELL)


@settings(max_examples=25, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(headers=st.lists(st.sampled_from(HEADERS[:6] + ["Organisation", "Startdatum", "Slutdatum"]), min_size=1,
                        max_size=6),
       rows=st.lists(st.lists(XLSX_CELL, max_size=7), max_size=6),
       kind=st.sampled_from(["pupils", "placements", "study-visits", "contacts"]))
def test_random_workbooks_never_crash(fuzz_store, tmp_path_factory, headers, rows, kind):
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = Workbook()
    try:
        for row in [headers, *rows]:
            workbook.active.append(row)
    except (IllegalCharacterError, ValueError, TypeError):
        return  # openpyxl itself cannot write such a cell: no such workbook exists
    path = tmp_path_factory.mktemp("fuzz") / "file.xlsx"
    workbook.save(path)
    _check(fuzz_store, path, kind)
