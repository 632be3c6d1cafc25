"""The demo databases: sizes, determinism, valid identifiers, gender patterns, the two school years."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coordinator.demo import build_demo
from coordinator.demo.identity import polish_nip, russian_inn, swedish_orgnr
from coordinator.reference.profiles import profile
from coordinator.store import open_store
from coordinator.validation import is_valid_org_number, normalise_email, normalise_phone

PROFILES = ("se", "pl", "ru")


def _build(path: Path, profile_code: str, size: str, seed: int = 1) -> Path:
    store = open_store(path, create=True)
    try:
        build_demo(store, profile_code=profile_code, size=size, seed=seed)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def municipality(tmp_path_factory, demo_template):
    """The municipality demo of a profile, from the session's shared templates (built once)."""

    def get(profile_code: str) -> sqlite3.Connection:
        return sqlite3.connect(demo_template(tmp_path_factory, profile_code, "municipality"))

    return get


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def _one(conn: sqlite3.Connection, sql: str, *args) -> object:
    return conn.execute(sql, args).fetchone()[0]


# The municipality demo's schools by form: Sweden's F–6 and 7–9 schools are all grundskolor.
FORMS = {"se": {"se_grundskola": 6, "se_gymnasium": 1},
         "pl": {"pl_podstawowa": 5, "pl_technikum": 1, "pl_branzowa": 1},
         "ru": {"ru_school": 6, "ru_college": 1}}
CURRENT = "(SELECT id FROM school_years ORDER BY starts_on DESC LIMIT 1)"


@pytest.mark.parametrize("profile_code", PROFILES)
def test_municipality_has_about_1700_pupils_in_seven_schools(municipality, profile_code):
    conn = municipality(profile_code)
    # Sweden: about 1,700 enrolled now in F–9, besides the gymnasium and last year's leavers.
    assert 1500 <= _one(conn, "SELECT count(*) FROM pupils") <= (2350 if profile_code == "se" else 1900)
    assert 120 <= _one(conn, "SELECT count(*) FROM organisations") <= 180
    types = dict(
        conn.execute(
            "SELECT t.code, count(*) FROM schools s JOIN school_forms t ON t.id = s.school_type_id "
            "GROUP BY t.code"
        )
    )
    spec = profile(profile_code)
    assert types == FORMS[profile_code]
    compulsory = next(t for t in spec.school_types if t.code == spec.default_compulsory_type)
    grades = {
        g
        for (g,) in conn.execute(
            "SELECT DISTINCT c.grade FROM classes c JOIN schools s ON s.id = c.school_id "
            "JOIN school_forms t ON t.id = s.school_type_id WHERE t.code = ?",
            (compulsory.code,),
        )
    }
    assert grades == set(compulsory.grades)
    sectors = {s for (s,) in conn.execute("SELECT DISTINCT sector_code FROM organisations")}
    assert len(sectors) >= 18


def test_swedish_pupils_move_from_f6_village_schools_to_one_7_9_school(municipality):
    conn = municipality("se")
    grades: dict[str, set[str]] = {}
    for name, grade in conn.execute(
            f"SELECT s.name, c.grade FROM schools s JOIN classes c ON c.school_id = s.id "
            f"JOIN school_forms t ON t.id = s.school_type_id "
            f"WHERE t.code = 'se_grundskola' AND c.school_year_id = {CURRENT}"):
        grades.setdefault(name, set()).add(grade)
    assert grades.pop("Vasaskolan") == {"7", "8", "9"}
    assert len(grades) == 5 and all(g == {"F", "1", "2", "3", "4", "5", "6"} for g in grades.values())
    now = _one(conn, f"SELECT count(*) FROM enrolments e JOIN classes c ON c.id = e.class_id JOIN schools s "
                     f"ON s.id = c.school_id JOIN school_forms t ON t.id = s.school_type_id "
                     f"WHERE t.code = 'se_grundskola' AND e.school_year_id = {CURRENT}")
    assert 1600 <= now <= 1800
    # This year's grade 7 at Vasaskolan were last year's grade 6 in the F–6 schools.
    moved = conn.execute(
        f"SELECT count(*), sum(old.grade = '6' AND old.school_id != new.school_id) FROM enrolments b "
        f"JOIN classes new ON new.id = b.class_id JOIN enrolments a ON a.pupil_id = b.pupil_id "
        f"AND a.school_year_id != b.school_year_id JOIN classes old ON old.id = a.class_id "
        f"WHERE b.school_year_id = {CURRENT} AND new.grade = '7'").fetchone()
    assert moved[0] > 100 and moved[0] == moved[1]


def test_swedish_gymnasium_has_teknikcollege_programmes_and_a_mining_partner(municipality):
    conn = municipality("se")
    programmes = {r for (r,) in conn.execute(
        "SELECT DISTINCT p.code || ':' || c.vocational_profile FROM classes c JOIN programmes p "
        "ON p.id = c.programme_id")}
    assert {"TE:Teknikprogrammet", "IN:Industritekniska programmet",
            "IN:Industritekniska programmet, gruvteknik"} <= programmes
    partners = {r for (r,) in conn.execute(
        "SELECT DISTINCT o.name FROM agreements a JOIN organisations o ON o.id = a.organisation_id "
        "JOIN classes c ON c.id = a.class_id WHERE a.kind = 'patron_class' AND c.name LIKE 'GRU%'")}
    assert partners == {"Garpenbergs Gruva AB"}
    # Teknikprogrammet has no APL; every APL host's sector is the programme's (mining at a mine).
    assert _one(conn, "SELECT count(*) FROM placements pl JOIN enrolments e ON e.pupil_id = pl.pupil_id "
                      "AND e.school_year_id = pl.school_year_id JOIN classes c ON c.id = e.class_id "
                      "WHERE c.name LIKE 'TE%'") == 0
    sectors = dict(conn.execute(
        "SELECT substr(c.name, 1, 2), group_concat(DISTINCT o.sector_code) FROM placements pl "
        "JOIN enrolments e ON e.pupil_id = pl.pupil_id AND e.school_year_id = pl.school_year_id "
        "JOIN classes c ON c.id = e.class_id JOIN organisations o ON o.id = pl.host_id "
        "WHERE c.programme_id IS NOT NULL GROUP BY 1"))
    assert sectors == {"GR": "B", "IN": "C", "VO": "Q", "BF": "P", "HA": "G"}


def test_polish_vocational_classes_have_25_to_32_pupils_occupation_codes_and_patrons(municipality):
    conn = municipality("pl")
    sizes = [n for (n,) in conn.execute(
        "SELECT count(*) FROM enrolments e JOIN classes c ON c.id = e.class_id JOIN schools s "
        "ON s.id = c.school_id JOIN school_forms t ON t.id = s.school_type_id "
        "WHERE t.code IN ('pl_technikum', 'pl_branzowa') GROUP BY c.id")]
    assert len(sizes) > 20 and min(sizes) >= 25 and max(sizes) <= 32
    codes = {r for (r,) in conn.execute(
        "SELECT DISTINCT p.code || ' ' || p.name FROM classes c JOIN programmes p ON p.id = c.programme_id")}
    assert {"722307 operator obrabiarek skrawających", "311410 technik mechatronik"} <= codes
    assert _one(conn, "SELECT count(*) FROM classes c JOIN schools s ON s.id = c.school_id "
                      "WHERE s.name LIKE 'Branżowa%' AND c.programme_id IS NULL") == 0
    patrons = conn.execute(
        f"SELECT count(*), count(DISTINCT a.organisation_id) FROM agreements a JOIN classes c ON c.id = a.class_id "
        f"WHERE a.kind = 'patron_class' AND c.school_year_id = {CURRENT} AND c.vocational_profile IN "
        f"('technik mechatronik', 'operator obrabiarek skrawających')").fetchone()
    assert patrons[0] == 8 and patrons[1] >= 1  # every class of the two, 5 technikum and 3 branżowa


def test_russian_college_students_are_15_to_20(municipality):
    conn = municipality("ru")
    ages = [a for (a,) in conn.execute(
        f"SELECT cast((julianday(y.ends_on) - julianday(p.birth_date)) / 365.25 AS int) FROM pupils p "
        f"JOIN enrolments e ON e.pupil_id = p.id JOIN classes c ON c.id = e.class_id "
        f"JOIN school_years y ON y.id = e.school_year_id JOIN schools s ON s.id = c.school_id "
        f"JOIN school_forms t ON t.id = s.school_type_id WHERE t.code = 'ru_college' AND y.id = {CURRENT}")]
    starts = [a for (a,) in conn.execute(
        f"SELECT cast((julianday(y.starts_on) - julianday(p.birth_date)) / 365.25 AS int) FROM pupils p "
        f"JOIN enrolments e ON e.pupil_id = p.id JOIN classes c ON c.id = e.class_id "
        f"JOIN school_years y ON y.id = e.school_year_id JOIN schools s ON s.id = c.school_id "
        f"JOIN school_forms t ON t.id = s.school_type_id WHERE t.code = 'ru_college' AND y.id = {CURRENT}")]
    assert min(starts) == 15 and max(ages) == 20
    assert sum(a >= 19 for a in starts) >= 10  # adults: no guardian signs for them


@pytest.mark.parametrize("profile_code", PROFILES)
def test_every_organisation_number_phone_and_email_is_valid(municipality, profile_code):
    conn = municipality(profile_code)
    country = profile(profile_code).country
    numbers = [n for (n,) in conn.execute("SELECT org_number FROM organisations")]
    assert numbers and all(is_valid_org_number(n, country) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    for (phone,) in conn.execute(
        "SELECT phone FROM contacts UNION ALL SELECT phone FROM organisations "
        "UNION ALL SELECT guardian_phone FROM pupils LIMIT 400"
    ):
        normalise_phone(phone, country)
    for (email,) in conn.execute("SELECT email FROM contacts UNION ALL SELECT email FROM teachers"):
        normalise_email(email)


def test_number_generators_compute_check_digits():
    import random

    rng = random.Random(7)
    for _ in range(200):
        assert is_valid_org_number(swedish_orgnr(rng), "SE")
        assert is_valid_org_number(polish_nip(rng), "PL")
        assert is_valid_org_number(russian_inn(rng), "RU")


def test_same_seed_gives_the_same_database_and_another_seed_a_different_one(tmp_path):
    first = _dump(_build(tmp_path / "a.sqlite", "pl", "small", seed=5))
    second = _dump(_build(tmp_path / "b.sqlite", "pl", "small", seed=5))
    other = _dump(_build(tmp_path / "c.sqlite", "pl", "small", seed=6))
    assert first == second
    assert first != other


@pytest.mark.parametrize("profile_code", PROFILES)
def test_small_demo_has_about_200_pupils(tmp_path, profile_code):
    conn = sqlite3.connect(_build(tmp_path / "small.sqlite", profile_code, "small"))
    assert 170 <= _one(conn, "SELECT count(*) FROM pupils") <= 240
    assert _one(conn, "SELECT count(*) FROM schools") == 2


@pytest.mark.parametrize("profile_code", PROFILES)
def test_gender_shares_and_protected_identities(municipality, profile_code):
    conn = municipality(profile_code)
    total = _one(conn, "SELECT count(*) FROM pupils")
    share = {g: n / total for g, n in conn.execute("SELECT gender, count(*) FROM pupils GROUP BY gender")}
    assert 0.45 <= share["girl"] <= 0.53
    assert 0.45 <= share["boy"] <= 0.53
    if profile_code == "se":
        assert 0.003 <= share["other"] <= 0.025
        assert 0.003 <= share["unspecified"] <= 0.025
    else:  # Polish and Russian school registers hold legal sex only
        assert set(share) == {"girl", "boy"}
    protected = _one(conn, "SELECT count(*) FROM pupils WHERE protected_identity")
    assert 1 <= protected <= total * 0.02
    # Some of them are placed this year, so letters and schedules for hosts meet the case.
    placed = _one(
        conn,
        "SELECT count(DISTINCT p.id) FROM pupils p JOIN placements pl ON pl.pupil_id = p.id "
        "WHERE p.protected_identity AND pl.status != 'cancelled' "
        "AND pl.school_year_id = (SELECT id FROM school_years ORDER BY starts_on DESC LIMIT 1)",
    )
    assert placed >= 2


def _girl_share(conn: sqlite3.Connection, sectors: str) -> float:
    girls, boys = conn.execute(
        "SELECT sum(p.gender = 'girl'), sum(p.gender = 'boy') FROM placements pl "
        "JOIN pupils p ON p.id = pl.pupil_id JOIN organisations o ON o.id = pl.host_id "
        f"WHERE o.sector_code IN ({','.join('?' * len(sectors))})",
        tuple(sectors),
    ).fetchone()
    return girls / (girls + boys)


@pytest.mark.parametrize("profile_code", PROFILES)
def test_placements_follow_gender_patterns_with_crossings(municipality, profile_code):
    conn = municipality(profile_code)
    assert _girl_share(conn, "PQIS") > 0.6
    assert _girl_share(conn, "CFHDEA") < 0.3
    country = profile(profile_code).country
    non_traditional = _one(
        conn,
        "SELECT avg(d.dominated_by IS NOT NULL AND d.dominated_by != p.gender) FROM placements pl "
        "JOIN pupils p ON p.id = pl.pupil_id JOIN organisations o ON o.id = pl.host_id "
        "JOIN sector_dominance d ON d.sector_code = o.sector_code AND d.country = ? "
        "WHERE p.gender IN ('girl', 'boy')",
        country,
    )
    assert 0.1 <= non_traditional <= 0.3


@pytest.mark.parametrize("profile_code", PROFILES)
def test_pupils_move_up_one_grade_and_are_enrolled_once_a_year(municipality, profile_code):
    conn = municipality(profile_code)
    assert (
        _one(
            conn,
            "SELECT count(*) FROM (SELECT pupil_id, school_year_id FROM enrolments "
            "GROUP BY 1, 2 HAVING count(*) > 1)",
        )
        == 0
    )
    rows = conn.execute(
        "SELECT t.grades, old.grade, new.grade FROM enrolments a "
        "JOIN enrolments b ON a.pupil_id = b.pupil_id "
        "JOIN classes old ON old.id = a.class_id JOIN classes new ON new.id = b.class_id "
        "JOIN schools s ON s.id = new.school_id JOIN school_forms t ON t.id = s.school_type_id "
        "JOIN school_years ya ON ya.id = a.school_year_id JOIN school_years yb ON yb.id = b.school_year_id "
        "WHERE ya.starts_on < yb.starts_on"
    ).fetchall()
    assert len(rows) > 1000
    for grades, old, new in rows:
        labels = grades.split(";")
        assert labels.index(new) == labels.index(old) + 1
    assert _one(conn, "SELECT count(*) FROM classes WHERE mentor_id IS NULL") == 0


@pytest.mark.parametrize("profile_code", PROFILES)
def test_placements_are_in_placement_grades_with_statuses_by_year(municipality, profile_code):
    conn = municipality(profile_code)
    wrong_grade = _one(
        conn,
        "SELECT count(*) FROM placements pl JOIN enrolments e ON e.pupil_id = pl.pupil_id "
        "AND e.school_year_id = pl.school_year_id JOIN classes c ON c.id = e.class_id "
        "JOIN schools s ON s.id = c.school_id JOIN school_forms t ON t.id = s.school_type_id "
        "WHERE instr(';' || t.placement_grades || ';', ';' || c.grade || ';') = 0",
    )
    assert wrong_grade == 0
    by_year = {}
    for label, status, n in conn.execute(
        "SELECT y.label, pl.status, count(*) FROM placements pl "
        "JOIN school_years y ON y.id = pl.school_year_id "
        "GROUP BY 1, 2"
    ):
        by_year.setdefault(label, {})[status] = n
    last, current = sorted(by_year)
    assert set(by_year[last]) == {"completed", "cancelled"}
    assert by_year[last]["completed"] > 10 * by_year[last]["cancelled"]
    assert {"confirmed", "requested"} <= set(by_year[current])
    assert (
        _one(
            conn,
            "SELECT count(*) FROM placements WHERE status = 'completed' AND "
            "(pupil_evaluation NOT BETWEEN 1 AND 5 OR pupil_evaluation IS NULL)",
        )
        == 0
    )
    assert _one(conn, "SELECT min(hours_per_day) >= 6 AND max(hours_per_day) <= 8 FROM placements") == 1
    assert _one(conn, "SELECT avg(risk_assessment_received) FROM placements") > 0.8
    assert _one(conn, "SELECT count(*) FROM organisations WHERE places_offered > 0") > 20


@pytest.mark.parametrize("profile_code", PROFILES)
def test_activities_of_both_years_with_participants(municipality, profile_code):
    conn = municipality(profile_code)
    visits = dict(
        conn.execute(
            "SELECT y.label || ':' || v.status, count(*) FROM study_visits v "
            "JOIN school_years y ON y.id = v.school_year_id GROUP BY 1"
        )
    )
    labels = sorted({k.split(":")[0] for k in visits})
    assert len(labels) == 2
    assert visits[f"{labels[0]}:done"] > 5 * visits.get(f"{labels[0]}:cancelled", 0)
    assert visits.get(f"{labels[1]}:planned", 0) > 0 and visits.get(f"{labels[1]}:done", 0) > 0
    # Participants of a visit are pupils of the visiting class.
    assert (
        _one(
            conn,
            "SELECT count(*) FROM study_visit_participants p JOIN study_visit_classes vc "
            "ON vc.study_visit_id = p.study_visit_id LEFT JOIN enrolments e "
            "ON e.pupil_id = p.pupil_id AND e.class_id = vc.class_id WHERE e.id IS NULL",
        )
        == 0
    )
    kinds = {k for (k,) in conn.execute("SELECT DISTINCT kind FROM encounters")}
    assert {"guest_lecture", "fair", "career_talk"} <= kinds
    assert _one(conn, "SELECT count(*) FROM encounter_participants") > 500
    assert _one(conn, "SELECT count(*) FROM training_teachers") > 20
    assert _one(conn, "SELECT count(*) FROM meetings WHERE network_id IS NOT NULL") >= 8
    assert _one(conn, "SELECT count(*) FROM meeting_attendees") > 30


@pytest.mark.parametrize("profile_code", PROFILES)
def test_one_action_plan_a_year_with_goals_actions_and_evidence(municipality, profile_code):
    conn = municipality(profile_code)
    plans = conn.execute("SELECT id FROM action_plans WHERE school_id IS NULL").fetchall()
    assert len(plans) == 2
    for (plan_id,) in plans:
        goals = _one(conn, "SELECT count(*) FROM goals WHERE plan_id = ?", plan_id)
        actions = _one(
            conn,
            "SELECT count(*) FROM actions a JOIN goals g ON g.id = a.goal_id WHERE g.plan_id = ?",
            plan_id,
        )
        assert 3 <= goals <= 4 and 10 <= actions <= 14
    assert _one(conn, "SELECT count(*) FROM actions WHERE responsible_contact_id IS NULL") == 0
    assert _one(conn, "SELECT count(DISTINCT status) FROM actions") >= 3
    assert _one(conn, "SELECT count(*) FROM actions WHERE target_grades != ''") >= 12
    assert _one(conn, "SELECT count(*) FROM action_activities") > 5


def test_names_are_the_countrys(municipality):
    pl = municipality("pl")
    surnames = {s for (s,) in pl.execute("SELECT p.last_name FROM pupils p WHERE gender = 'girl'")}
    assert any(s.endswith("ska") for s in surnames) and not any(s.endswith("ski") for s in surnames)
    assert _one(pl, "SELECT count(*) FROM organisations WHERE name LIKE '%Sp. z o.o.%'") > 10
    # Klasy patronackie: some technikum classes have a sponsoring company of their own trade.
    assert _one(pl, "SELECT count(*) FROM agreements WHERE kind = 'patron_class' AND class_id IS NOT NULL") >= 4
    ru = municipality("ru")
    assert _one(ru, "SELECT count(*) FROM organisations WHERE name LIKE 'ООО «%'") > 10
    assert _one(ru, "SELECT count(*) FROM organisations WHERE town = 'Чайковский'") > 50
    se = municipality("se")
    assert _one(se, "SELECT count(*) FROM organisations WHERE town = 'Hedemora'") > 50
    assert _one(se, "SELECT count(*) FROM classes WHERE name = '8A'") == 2  # Vasaskolan, 7–9, both years


@pytest.mark.parametrize("profile_code", PROFILES)
def test_last_years_placements_cover_the_days_due_by_each_grade(municipality, profile_code):
    """The database starts with last year, so later grades hold the earlier grades' blocks too."""
    conn = municipality(profile_code)
    rows = conn.execute(
        "SELECT t.placement_grades, t.required_placement_days, c.grade, "
        "(SELECT coalesce(sum(pl.days), 0) FROM placements pl WHERE pl.pupil_id = e.pupil_id "
        " AND pl.school_year_id = e.school_year_id AND pl.status = 'completed') "
        "FROM enrolments e JOIN classes c ON c.id = e.class_id JOIN schools s ON s.id = c.school_id "
        "JOIN school_forms t ON t.id = s.school_type_id "
        "JOIN school_years y ON y.id = e.school_year_id "
        "WHERE y.starts_on = (SELECT min(starts_on) FROM school_years) AND t.required_placement_days > 0 "
        "AND instr(';' || t.placement_grades || ';', ';' || c.grade || ';') > 0"
    ).fetchall()
    assert len(rows) > 100
    covered = 0
    for grades, required, grade, days in rows:
        labels = grades.split(";")
        due = -(-required * (labels.index(grade) + 1) // len(labels))
        covered += days >= due
    assert 0.8 <= covered / len(rows) < 1.0


@pytest.mark.parametrize("profile_code", PROFILES)
def test_nothing_is_planned_on_a_weekend_or_public_holiday(municipality, profile_code):
    import datetime as dt

    import holidays

    conn = municipality(profile_code)
    closed = holidays.country_holidays(profile(profile_code).country, years=range(2020, 2035))
    days = [
        dt.date.fromisoformat(d)
        for (d,) in conn.execute(
            "SELECT date(starts_at) FROM study_visits UNION ALL SELECT date FROM encounters "
            "UNION ALL SELECT date FROM meetings UNION ALL SELECT start_date FROM trainings "
            "UNION ALL SELECT start_date FROM placements UNION ALL SELECT end_date FROM placements"
        )
    ]
    assert len(days) > 500
    assert [d for d in days if d.weekday() >= 5 or d in closed] == []
