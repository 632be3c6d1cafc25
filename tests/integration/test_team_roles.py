"""Team roles on a real PostgreSQL server: a headteacher's login sees their own school only, never a
protected identity, and writes nothing but their school's indicator notes; the server refuses the rest."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from coordinator.cli.main import main
from coordinator.models import Enrolment, Indicator, Pupil, School, SchoolClass
from coordinator.enums import Perspective
from coordinator.store import open_store


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return stop.value.code, out, err


pytestmark = pytest.mark.parametrize("engine_name", ["postgresql"])  # roles are the server's


@pytest.fixture
def team(pg_server, any_small_db, capsys):
    """The small demo on the server, set up for a team, with a headteacher of its first school."""
    url = any_small_db
    name = make_url(url).database
    code, out, err = run(capsys, "server", "init", "--url", url, "--profile", "se")
    assert code == 0, err
    assert "team roles are up to date" in out
    store = open_store(url)
    with store.session() as s:
        own, other = s.scalars(select(School).order_by(School.id).limit(2)).all()
        s.add(Indicator(name="Own comment", school_id=own.id, perspective=Perspective.PUPILS))
        s.add(Indicator(name="Other comment", school_id=other.id, perspective=Perspective.PUPILS))
        schools = {"own": (own.id, own.name), "other": (other.id, other.name)}
    store.close()
    login = f"head_{name}"
    code, out, err = run(capsys, "--db", url, "server", "add-user", login, "--role", "headteacher",
                         "--school", schools["own"][1], "--password", "secret")
    assert code == 0, err
    yield pg_server, name, url, login, schools
    pg_server.drop(name)
    with pg_server.admin() as conn:
        conn.execute(f'DROP ROLE IF EXISTS "{login}"')


def pupils_of(url: str, school_id: int) -> tuple[set[int], set[int]]:
    """(all pupils enrolled at the school, those with a protected identity), as the superuser sees them."""
    store = open_store(url)
    with store.session() as s:
        rows = s.execute(select(Pupil.id, Pupil.protected_identity).join(Enrolment, Enrolment.pupil_id == Pupil.id)
                         .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                         .where(SchoolClass.school_id == school_id)).all()
    store.close()
    return {r.id for r in rows}, {r.id for r in rows if r.protected_identity}


def test_a_headteacher_sees_their_school_only_and_no_protected_identity(team):
    server, name, url, login, schools = team
    own_all, own_protected = pupils_of(url, schools["own"][0])
    other_all, _ = pupils_of(url, schools["other"][0])
    assert own_protected and other_all - own_all  # the demo has something to hide
    with psycopg.connect(host=server.socket_dir, user=login, dbname=name) as conn:
        seen = {row[0] for row in conn.execute("SELECT id FROM pupils")}
        assert seen == own_all - own_protected
        assert conn.execute("SELECT count(*) FROM pupils WHERE protected_identity").fetchone() == (0,)
        assert [row[0] for row in conn.execute("SELECT name FROM schools")] == [schools["own"][1]]
        for refused in ("SELECT * FROM erasure_register", "SELECT by_user FROM audit_log",
                        "UPDATE pupils SET first_name = 'X'", "UPDATE contacts SET phone = '1'",
                        "DELETE FROM placements", "INSERT INTO schools (name) VALUES ('Ny')"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(refused)
            conn.rollback()


def test_a_headteacher_writes_only_their_own_schools_indicator_notes(team):
    server, name, url, login, schools = team
    with psycopg.connect(host=server.socket_dir, user=login, dbname=name) as conn:
        own = conn.execute("UPDATE indicators SET notes = 'Vi jobbar på det' WHERE name = 'Own comment'")
        other = conn.execute("UPDATE indicators SET notes = 'Nej' WHERE name = 'Other comment'")
        assert (own.rowcount, other.rowcount) == (1, 0)
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE indicators SET target = 1 WHERE name = 'Own comment'")


def test_the_app_as_a_headteacher_gives_own_statistics_and_refuses_the_rest_in_one_line(team, capsys, tmp_path):
    server, name, _url, login, schools = team
    url = server.url(name, user=login).render_as_string(hide_password=False)
    code, out, err = run(capsys, "--db", url, "stats", "gender", "--school", schools["own"][1], "--format", "json")
    assert code == 0, err
    assert '"grades"' in out
    code, out, err = run(capsys, "--db", url, "stats", "scorecard", "--school", schools["own"][1], "--format", "json")
    assert code == 0, err
    code, _out, err = run(capsys, "--db", url, "report", "scorecard", "--school", schools["own"][1],
                          "--out", tmp_path / "scorecard.pdf")
    assert code == 0, err
    organisations = tmp_path / "o.csv"
    organisations.write_text("Namn;Postort\nVerkstad AB;Hedemora\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", url, "import", "organisations", organisations)
    assert code == 1
    assert "may not read or change this" in err and "Traceback" not in err
