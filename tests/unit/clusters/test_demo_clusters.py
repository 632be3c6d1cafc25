"""The demo's clusters: INVEST in EDU's 76 members, a Профессионалитет budget, the Hedemora financiers."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest


@pytest.fixture(scope="module")
def municipality(tmp_path_factory, demo_template):
    def get(profile_code: str) -> sqlite3.Connection:
        return sqlite3.connect(demo_template(tmp_path_factory, profile_code, "municipality"))

    return get


def _rows(conn: sqlite3.Connection, sql: str) -> list[tuple]:
    return conn.execute(sql).fetchall()


def test_polish_cluster_has_76_members_with_schools_patron_classes_and_agreements(municipality):
    pl = municipality("pl")
    [(members, schools)] = _rows(pl, "SELECT count(*), count(school_id) FROM network_members WHERE network_id = 1")
    assert members == 76 and schools >= 1
    roles = dict(_rows(pl, "SELECT r.name, count(*) FROM network_members m JOIN member_roles r ON r.id = m.role_id "
                           "WHERE m.network_id = 1 GROUP BY r.name"))
    assert roles["lider"] == 1 and roles["członek"] > 40 and roles["partner"] >= 3
    kinds = dict(_rows(pl, "SELECT kind, count(*) FROM agreements GROUP BY kind"))
    assert kinds["patron_class"] >= 4 and kinds["cooperation"] >= 5


def test_russian_cluster_has_a_base_college_and_the_three_source_budget(municipality):
    ru = municipality("ru")
    roles = dict(_rows(ru, "SELECT r.name, count(*) FROM network_members m JOIN member_roles r ON r.id = m.role_id "
                           "WHERE m.network_id = 1 GROUP BY r.name"))
    assert roles["управляющая компания"] == 1 and roles["базовая образовательная организация"] >= 1
    budget = _rows(ru, "SELECT f.kind, b.planned_minor FROM budget_lines b "
                       "JOIN funding_sources f ON f.id = b.funding_source_id ORDER BY b.planned_minor DESC")
    assert budget == [("state", 100_000_000_00), ("employer", 20_000_000_00), ("region", 10_000_000_00)]
    assert _rows(ru, "SELECT count(*) FROM agreements WHERE kind = 'targeted_training'")[0][0] >= 1


def test_swedish_project_is_financed_by_triple_steelix_and_the_municipality(municipality):
    se = municipality("se")
    financiers = {name for (name,) in _rows(se, "SELECT o.name FROM budget_lines b "
                                                "JOIN organisations o ON o.id = b.financier_id")}
    assert {"Triple Steelix", "Hedemora kommun"} <= financiers
    assert _rows(se, "SELECT count(*) FROM costs WHERE activity_kind = 'visit'")[0][0] > 0


@pytest.mark.parametrize("profile_code", ["se", "pl", "ru"])
def test_contact_log_has_a_realistic_rhythm(municipality, profile_code):
    conn = municipality(profile_code)
    per_org = Counter(org for (org,) in _rows(conn, "SELECT organisation_id FROM contact_log"))
    companies = _rows(conn, "SELECT count(*) FROM organisations WHERE kind = 'company'")[0][0]
    assert 0.2 * companies < len(per_org) < 0.6 * companies  # not every employer
    assert max(per_org.values()) <= 10  # a few contacts a year, never every week
    weekend = _rows(conn, "SELECT count(*) FROM contact_log WHERE strftime('%w', date) IN ('0', '6')")[0][0]
    assert weekend == 0
