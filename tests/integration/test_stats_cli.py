"""The `stats gender` and `stats scorecard` command-line contract, on the small demo and on hand-made data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys

import pytest

from coordinator.models import (
    Enrolment,
    Organisation,
    Placement,
    Pupil,
    School,
    SchoolClass,
    SchoolType,
    SchoolYear,
)
from coordinator.services.setup import ensure_school_year, school_years
from coordinator.store import open_store

GENDERS = {"girl", "boy", "other", "unspecified"}
GRADE_KEYS = {"grade", "pupils", "encounter_rate", "placements", "placements_by_sector", "non_traditional_share",
              "dissimilarity_index"}


@pytest.fixture
def run(capsys):
    """Run the command line in this process; returns (exit code, stdout, stderr)."""
    from coordinator.cli.main import main

    def call(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as stop:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return stop.value.code, captured.out, captured.err

    return call


def school_names(db) -> list[str]:
    store = open_store(db)
    try:
        with store.session() as session:
            return [name for (name,) in session.query(School.name).order_by(School.id)]
    finally:
        store.close()


def held_years(db) -> tuple[str, str]:
    """The demo's last two school years (last year, this year), whatever today's date is."""
    store = open_store(db)
    try:
        with store.session() as session:
            return tuple(school_years(session)[-2:])  # type: ignore[return-value]
    finally:
        store.close()


def check_row(row: dict) -> None:
    assert set(row["pupils"]) == GENDERS
    assert set(row["encounter_rate"]) == GENDERS | {"all"}
    for value in row["encounter_rate"].values():
        assert value is None or 0.0 <= value <= 1.0
    for sector, cells in row["placements_by_sector"].items():
        assert len(sector) == 1 and "A" <= sector <= "U"
        assert set(cells) == GENDERS
    d = row["dissimilarity_index"]
    assert d is None or 0.0 <= d <= 1.0


def test_gender_json_on_the_small_demo(any_small_db, run):
    last, _current = held_years(any_small_db)
    code, out, err = run("--db", any_small_db, "stats", "gender", "--year", last, "--format", "json")
    assert code == 0, err
    stats = json.loads(out)
    assert stats["year"] == last and stats["school"] is None
    assert set(stats) == {"year", "school", "grades", "total"}
    labels = [g["grade"] for g in stats["grades"]]
    assert labels[:10] == ["F", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    for row in stats["grades"]:
        assert set(row) == GRADE_KEYS
        check_row(row)
    check_row(stats["total"])
    for gender in GENDERS:
        assert stats["total"]["pupils"][gender] == sum(g["pupils"][gender] for g in stats["grades"])
    assert stats["total"]["placements"] == sum(g["placements"] for g in stats["grades"])
    assert sum(stats["total"]["pupils"].values()) > 0


def test_gender_for_one_school_and_suppressed(any_small_db, run):
    last, _current = held_years(any_small_db)
    name = school_names(any_small_db)[0]
    code, out, err = run("--db", any_small_db, "stats", "gender", "--year", last, "--school", name,
                         "--format", "json", "--suppress")
    assert code == 0, err
    stats = json.loads(out)
    assert stats["school"] == name
    for row in [*stats["grades"], stats["total"]]:
        counts = [*row["pupils"].values(), row["placements"],
                  *(v for cells in row["placements_by_sector"].values() for v in cells.values())]
        assert not any(isinstance(v, int) and 0 < v < 5 for v in counts)


def test_gender_table_and_csv_on_the_small_demo(small_db, run):
    last, _current = held_years(small_db)
    code, out, _err = run("--db", small_db, "--lang", "sv", "stats", "gender", "--year", last)
    assert code == 0
    assert "Årskurs" in out and "Totalt" in out and "Flicka" in out
    code, out, _err = run("--db", small_db, "stats", "gender", "--year", last, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[-1]["grade"] == "total"
    assert [r["grade"] for r in rows[:10]] == ["F", "1", "2", "3", "4", "5", "6", "7", "8", "9"]


def test_scorecard_json_and_table_on_the_small_demo(any_small_db, run):
    _last, current = held_years(any_small_db)
    code, out, err = run("--db", any_small_db, "stats", "scorecard", "--year", current, "--format", "json")
    assert code == 0, err
    card = json.loads(out)
    assert card["year"] == current and card["school"] is None
    keys = {line["key"] for line in card["lines"]}
    assert {"encounter_rate", "placement_coverage", "non_traditional_share", "dissimilarity_index",
            "active_partners", "teachers_trained", "actions_on_time", "visits_per_class"} <= keys
    for line in card["lines"]:
        assert {"target", "value", "last_year", "status"} <= set(line)
        assert line["status"] in {"green", "amber", "red", "none"}
    assert any(line["value"] is not None for line in card["lines"])
    name = school_names(any_small_db)[0]
    code, out, _err = run("--db", any_small_db, "--lang", "sv", "stats", "scorecard", "--year", current,
                          "--school", name)
    assert code == 0
    assert "Styrkort" in out and name in out and "Elever" in out


def _hand_made(db) -> None:
    """Grade 8 of one school in 2025/26: 6 girls, 5 boys, 2 other; 4 girls in care (Q), 3 boys in building (F),
    1 girl in building."""
    store = open_store(db)
    try:
        with store.session() as s:
            year = s.get(SchoolYear, ensure_school_year(s, "2025/26"))
            school_type = s.query(SchoolType).filter_by(code="se_grundskola").one()
            school = School(name="Norra skolan", school_type_id=school_type.id)
            s.add(school)
            s.flush()
            klass = SchoolClass(school_id=school.id, school_year_id=year.id, grade="8", name="8A")
            care = Organisation(name="Vårdcentralen", sector_code="Q")
            building = Organisation(name="Bygg AB", sector_code="F")
            s.add_all([klass, care, building])
            s.flush()
            pupils = {g: [Pupil(first_name="A", last_name=f"{g}{i}", gender=g) for i in range(n)]
                      for g, n in (("girl", 6), ("boy", 5), ("other", 2))}
            everyone = [p for group in pupils.values() for p in group]
            s.add_all(everyone)
            s.flush()
            s.add_all(Enrolment(pupil_id=p.id, class_id=klass.id, school_year_id=year.id) for p in everyone)

            def place(pupil, host):
                s.add(Placement(school_year_id=year.id, pupil_id=pupil.id, host_id=host.id,
                                start_date=dt.date(2025, 10, 6), end_date=dt.date(2025, 10, 10), days=5,
                                status="completed"))

            for girl in pupils["girl"][:4]:
                place(girl, care)
            place(pupils["girl"][4], building)
            for boy in pupils["boy"][:3]:
                place(boy, building)
    finally:
        store.close()


def test_gender_json_by_hand(any_empty_db, run):
    _hand_made(any_empty_db)
    code, out, err = run("--db", any_empty_db, "stats", "gender", "--year", "2025/26", "--school", "Norra skolan",
                         "--format", "json")
    assert code == 0, err
    row = next(g for g in json.loads(out)["grades"] if g["grade"] == "8")
    assert row["pupils"] == {"girl": 6, "boy": 5, "other": 2, "unspecified": 0}
    assert row["encounter_rate"] == {"girl": 5 / 6, "boy": 0.6, "other": 0.0, "unspecified": None, "all": 8 / 13}
    assert row["placements"] == 8
    assert row["placements_by_sector"] == {"F": {"girl": 1, "boy": 3, "other": 0, "unspecified": 0},
                                           "Q": {"girl": 4, "boy": 0, "other": 0, "unspecified": 0}}
    # D = ½(|1/5 − 1| + |4/5 − 0|) = 0.8; the girl in building is the one non-traditional placement of 8.
    assert row["dissimilarity_index"] == pytest.approx(0.8)
    assert row["non_traditional_share"] == pytest.approx(1 / 8)

    code, out, _err = run("--db", any_empty_db, "stats", "gender", "--year", "2025/26", "--format", "json",
                          "--suppress")
    row = next(g for g in json.loads(out)["grades"] if g["grade"] == "8")
    assert row["pupils"]["other"] == "<5"
    assert row["encounter_rate"]["other"] is None
    assert row["placements_by_sector"]["F"]["girl"] == "<5"
    assert row["dissimilarity_index"] is None  # only three boys' placements
    # 8 of 13 shown in whole percent; girls' 5 of 6 would tell the one without an encounter.
    assert row["encounter_rate"]["all"] == 0.62 and row["encounter_rate"]["girl"] is None


def test_a_scorecard_for_others_withholds_what_gives_a_small_count_back(any_empty_db, run):
    _hand_made(any_empty_db)
    args = ("--db", any_empty_db, "stats", "scorecard", "--year", "2025/26", "--format", "json")
    code, out, err = run(*args)
    assert code == 0, err
    plain = {line["key"]: line for line in json.loads(out)["lines"]}
    assert plain["non_traditional_share"]["value"] == pytest.approx(1 / 8)
    code, out, err = run(*args, "--suppress")
    assert code == 0, err
    lines = {line["key"]: line for line in json.loads(out)["lines"]}
    assert lines["encounter_rate"]["value"] == 0.62  # 8 of 13, 5 without: nothing small follows
    assert lines["non_traditional_share"]["value"] is None  # one girl in building
    assert lines["non_traditional_share"]["status"] == "none"
    assert lines["dissimilarity_index"]["value"] is None  # three boys' placements
    code, out, _err = run(*args, "--suppress", "--threshold", "10")
    assert {line["key"]: line for line in json.loads(out)["lines"]}["encounter_rate"]["value"] is None


def test_unknown_school_is_one_line_and_exit_1(empty_db):
    env = dict(os.environ)
    env.pop("COORDINATOR_LANG", None)
    result = subprocess.run([sys.executable, "-m", "coordinator", "--lang", "sv", "--db", str(empty_db), "stats",
                             "gender", "--year", "2025/26", "--school", "Ingenstans"],
                            check=False, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "Ingenstans" in result.stderr and "Traceback" not in result.stderr


def test_unknown_year_and_bad_format(empty_db, run):
    code, _out, err = run("--db", empty_db, "stats", "scorecard", "--year", "2001/02")
    assert code == 1 and "2001/02" in err
    code, _out, _err = run("--db", empty_db, "stats", "gender", "--format", "xml")
    assert code == 2


@pytest.mark.slow
def test_gender_statistics_of_a_region_count_its_pupils(tmp_path_factory, demo_template, tmp_path):
    """100,000 pupils. How fast is a figure of benchmarks/run.py, not a test: a busy machine would decide it."""
    import shutil

    from coordinator.stats import gender_statistics

    path = tmp_path / "region.sqlite"
    shutil.copyfile(demo_template(tmp_path_factory, "se", "region"), path)
    store = open_store(path)
    try:
        with store.session() as session:
            stats = gender_statistics(session, year=held_years(path)[0])
    finally:
        store.close()
    assert sum(stats["total"]["pupils"].values()) > 50_000


def test_csv_for_publication_hides_counts_under_ten(any_empty_db, run):
    _hand_made(any_empty_db)
    code, out, _err = run("--db", any_empty_db, "stats", "gender", "--year", "2025/26", "--format", "csv",
                          "--suppress", "--threshold", "10")
    assert code == 0
    grade8 = next(r for r in csv.DictReader(io.StringIO(out)) if r["grade"] == "8")
    assert grade8["pupils_girl"] == "<10" and grade8["pupils_boy"] == "<10"
    # 13 pupils in all, but 8 of them with an encounter: a count under ten would follow from the rate.
    assert grade8["encounter_rate_girl"] == "" and grade8["encounter_rate_all"] == ""


def test_russian_gender_words_fit_schoolchildren_of_every_age(small_db, run):
    # "Девушка/Юноша" (young woman, young man) headed the counts of seven-year-olds
    code, out, _err = run("--db", small_db, "--lang", "ru", "stats", "gender")
    assert code == 0
    header = next(line for line in out.splitlines() if line.startswith("Класс"))
    assert header.split()[1:3] == ["Девочка", "Мальчик"]
