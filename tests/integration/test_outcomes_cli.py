"""Outcomes on the command line: a grade-9 choice list and a college's graduate monitoring table in,
`stats choices` and `stats destinations` out, with the counts a hand count of the files gives."""

from __future__ import annotations

import csv
import json
import random
import shutil
from collections import Counter

import pytest
from openpyxl import Workbook

from coordinator.reference.outcomes import dominated_by

PROGRAMMES = ["EE", "VO", "BA", "NA", "SA", "EK", "TE", "BF", "HT", "FT", "IN"]
YEAR = "2026/27"


@pytest.fixture
def run(capsys):
    from coordinator.cli.main import main

    def call(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as stop:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return stop.value.code, captured.out, captured.err

    return call


def _xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def grade_nine(run, tmp_path):
    """A Swedish database with 120 grade-9 pupils (60 girls, 58 boys, 1 other, 1 unspecified) and
    their gymnasieval list (Swedish headers, 120 rows); returns (db, the list's rows)."""
    db = tmp_path / "se.sqlite"
    assert run("--db", db, "init", "--profile", "se")[0] == 0
    genders = ["flicka", "pojke"] * 58 + ["flicka", "flicka", "icke-binär", ""]
    pupils = [["Förnamn", "Efternamn", "Klass", "Kön", "Elev-id"]]
    pupils += [[f"Elev{i}", f"Efternamn{i}", "9A" if i < 60 else "9B", genders[i], f"P{i:03}"] for i in range(120)]
    assert run("--db", db, "import", "pupils", _xlsx(tmp_path / "elever.xlsx", pupils), "--school",
               "Bergsskolan", "--year", YEAR)[0] == 0
    rng = random.Random(4)
    rows = [["Personnummer", "Förnamn", "Efternamn", "Klass", "Valt program", "Vald skola"]]
    rows += [[f"P{i:03}", f"Elev{i}", f"Efternamn{i}", "9A" if i < 60 else "9B", rng.choice(PROGRAMMES),
              "Gymnasiet"] for i in range(120)]
    return db, rows, genders


def test_a_grade_nine_choice_list_in_swedish_gives_the_hand_counted_choices_and_share(run, tmp_path, grade_nine):
    db, rows, genders = grade_nine
    code, out, err = run("--db", db, "import", "choices", _xlsx(tmp_path / "gymnasieval.xlsx", rows), "--year", YEAR)
    assert (code, err) == (0, "")
    assert "created: 120" in out
    code, out, _err = run("--db", db, "stats", "choices", "--year", YEAR, "--format", "json")
    stats = json.loads(out)
    gender_of = {"flicka": "girl", "pojke": "boy", "icke-binär": "other"}
    hand = Counter()
    crossing = girls_and_boys = 0
    for i, row in enumerate(rows[1:]):
        gender = gender_of.get(genders[i], "unspecified")
        hand[(row[4], gender)] += 1
        if gender in ("girl", "boy"):
            girls_and_boys += 1
            crossing += dominated_by("se", row[4]) not in (None, gender)
    (form,) = stats["forms"]
    assert set(form) == {"form", "leavers", "recorded", "choices", "non_traditional_share"}
    assert form["form"] == "se_grundskola"
    assert form["leavers"] == {"girl": 60, "boy": 58, "other": 1, "unspecified": 1}
    assert form["recorded"] == form["leavers"]
    assert {(k, g): n for k, cells in form["choices"].items() for g, n in cells.items() if n} == dict(hand)
    assert form["non_traditional_share"] == pytest.approx(crossing / girls_and_boys)
    assert stats["total"]["choices"] == form["choices"]


def test_suppressed_choices_never_show_one_to_four(run, tmp_path, grade_nine):
    db, rows, _genders = grade_nine
    run("--db", db, "import", "choices", _xlsx(tmp_path / "gymnasieval.xlsx", rows), "--year", YEAR)
    code, out, _err = run("--db", db, "stats", "choices", "--year", YEAR, "--format", "json", "--suppress")
    stats = json.loads(out)

    def counts(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from counts(value)
        elif isinstance(node, list):
            for value in node:
                yield from counts(value)
        elif isinstance(node, int) and not isinstance(node, bool):
            yield node

    assert code == 0
    assert not [n for n in counts(stats["forms"]) if 1 <= n <= 4]
    assert stats["total"]["leavers"]["other"] == "<5"
    assert stats["total"]["leavers"]["unspecified"] == "<5"
    table = run("--db", db, "stats", "choices", "--year", YEAR, "--suppress")[1]
    assert "<5" in table and "Compulsory school (F–9)" in table


def test_a_pupil_named_twice_without_a_rank_is_refused_and_with_ranks_the_first_counts(run, tmp_path, grade_nine):
    db, rows, _genders = grade_nine
    twice = rows[:3] + [[*rows[1][:4], "TE", ""]]
    code, _out, err = run("--db", db, "import", "choices", _xlsx(tmp_path / "twice.xlsx", twice), "--year", YEAR)
    assert code == 1
    assert "row 4, column Personnummer: This row repeats row 2." in err
    ranked = [[*rows[0], "Val"], [*rows[1][:4], "TE", "", 2], [*rows[1][:4], "VO", "", 1]]
    assert run("--db", db, "import", "choices", _xlsx(tmp_path / "ranked.xlsx", ranked), "--year", YEAR)[0] == 0
    stats = json.loads(run("--db", db, "stats", "choices", "--year", YEAR, "--format", "json")[1])
    assert stats["total"]["choices"] == {"VO": {"girl": 1, "boy": 0, "other": 0, "unspecified": 0}}
    assert stats["total"]["recorded"]["girl"] == 1  # one pupil, two choices: the first-ranked one counts


def test_no_leavers_and_no_choices_give_zeros_and_no_share(run, tmp_path):
    db = tmp_path / "pl.sqlite"
    run("--db", db, "init", "--profile", "pl")
    pupils = [["Imię", "Nazwisko", "Klasa", "Płeć"], ["Ala", "Nowak", "7a", "dziewczynka"]]
    run("--db", db, "import", "pupils", _xlsx(tmp_path / "p.xlsx", pupils), "--school", "SP 1", "--year", YEAR)
    stats = json.loads(run("--db", db, "stats", "choices", "--year", YEAR, "--format", "json")[1])
    (form,) = stats["forms"]
    assert form["form"] == "pl_podstawowa"
    assert form["leavers"] == {"girl": 0, "boy": 0, "other": 0, "unspecified": 0}
    assert (form["choices"], form["non_traditional_share"]) == ({}, None)


@pytest.fixture
def college(demo_template, tmp_path_factory, tmp_path):
    """The small Russian demo, and the 2025/26 graduates of its college (course 4)."""
    db = tmp_path / "ru.sqlite"
    shutil.copyfile(demo_template(tmp_path_factory, "ru", "small"), db)
    from sqlalchemy import select

    from coordinator.models import Enrolment, Pupil, School, SchoolClass, SchoolType, SchoolYear
    from coordinator.store import open_store

    store = open_store(db)
    with store.session() as session:
        graduates = session.execute(
            select(Pupil.external_id, Pupil.last_name, Pupil.first_name, SchoolClass.name, Pupil.gender)
            .join(Enrolment, Enrolment.pupil_id == Pupil.id).join(SchoolClass, SchoolClass.id == Enrolment.class_id)
            .join(School, School.id == SchoolClass.school_id).join(SchoolType, SchoolType.id == School.school_type_id)
            .join(SchoolYear, SchoolYear.id == Enrolment.school_year_id)
            .where(SchoolType.code == "ru_college", SchoolClass.grade == "4", SchoolYear.label == "2025/26")
            .order_by(Pupil.external_id)).all()
        partner = session.execute(select(School.name)).first()  # a name that is no employer
    store.close()
    assert len(graduates) >= 10 and partner
    return db, graduates


def _monitoring(path, graduates, word):
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(["Номер обучающегося", "Фамилия", "Имя", "Группа", "Дата мониторинга", "Статус выпускника",
                         "Работодатель", "Целевое обучение", "Демонстрационный экзамен"])
        for index, (pupil_id, last, first, group, _gender) in enumerate(graduates):
            writer.writerow([pupil_id, last, first, group, "01.12.2026", word(index),
                             "ООО «Уралсталь»" if word(index) == "трудоустроен" else "",
                             "да" if index % 3 == 0 else "нет", "4"])
    return path


def test_college_graduates_destinations_import_and_count(run, tmp_path, college):
    db, graduates = college
    words = ["трудоустроен", "продолжает обучение", "не работает и не учится", "неизвестно"]
    path = _monitoring(tmp_path / "мониторинг.csv", graduates, lambda i: words[i % 4])
    code, out, err = run("--db", db, "import", "destinations", path)
    assert (code, err) == (0, "")
    stats = json.loads(run("--db", db, "stats", "destinations", "--year", "2025/26", "--format", "json")[1])
    total = stats["total"]
    assert sum(total["graduates"].values()) == sum(total["recorded"].values()) == len(graduates)
    expected = Counter(words[i % 4] for i in range(len(graduates)))
    assert sum(total["employed"].values()) == expected["трудоустроен"]
    assert sum(total["study"].values()) == expected["продолжает обучение"]
    assert sum(total["neet"].values()) == expected["не работает и не учится"]
    assert sum(total["target_training"].values()) == len(range(0, len(graduates), 3))
    assert sum(total["at_partner"].values()) == 0  # the employer is not in the register
    assert {p["programme"] for p in stats["programmes"]} >= {"Сварочное производство"}


def test_all_unknown_destinations_and_a_bad_word_is_refused_by_row_and_column(run, tmp_path, college):
    db, graduates = college
    path = _monitoring(tmp_path / "все.csv", graduates, lambda i: "неизвестно")
    assert run("--db", db, "import", "destinations", path)[0] == 0
    total = json.loads(run("--db", db, "stats", "destinations", "--year", "2025/26", "--format", "json")[1])["total"]
    assert sum(total["unknown"].values()) == len(graduates)
    assert sum(total["employed"].values()) == 0
    bad = _monitoring(tmp_path / "плохо.csv", graduates[:2], lambda i: "в армии" if i else "трудоустроен")
    code, _out, err = run("--db", db, "import", "destinations", bad)
    assert code == 1
    assert "row 3, column Статус выпускника: “в армии” is not a destination" in err


def test_college_graduates_appear_on_the_russian_scorecard_of_the_year_after(run, tmp_path, college):
    db, graduates = college
    words = ["трудоустроен", "трудоустроен", "продолжает обучение", "неизвестно"]
    run("--db", db, "import", "destinations", _monitoring(tmp_path / "м.csv", graduates, lambda i: words[i % 4]))
    card = json.loads(run("--db", db, "stats", "scorecard", "--year", "2026/27", "--format", "json")[1])
    lines = {line["key"]: line for line in card["lines"]}
    employed = sum(1 for i in range(len(graduates)) if words[i % 4] == "трудоустроен")
    assert lines["graduates_employed"]["value"] == pytest.approx(employed / len(graduates))
    assert lines["employed_at_partners"]["value"] == 0.0
    with_contract = sum(1 for i in range(0, len(graduates), 3) if words[i % 4] == "трудоустроен")
    assert lines["target_training_filled"]["value"] == with_contract
    assert lines["graduates_employed"]["last_year"] is None  # no graduates of 2024/25 recorded
