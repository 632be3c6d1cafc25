"""`coordinator copy`: a file onto a server and back, verified by counts and checksums per table."""

from __future__ import annotations

import pytest

from coordinator.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return stop.value.code, out, err


def test_a_file_copied_to_the_server_and_back_has_the_same_tables_and_the_same_answers(
        small_db, pg_server, tmp_path, capsys):
    name = pg_server.fresh()
    url = pg_server.url(name).render_as_string(hide_password=False)
    back = tmp_path / "back.sqlite"
    try:
        code, there, err = run(capsys, "copy", "--from", small_db, "--to", url)
        assert code == 0, err
        code, again, err = run(capsys, "copy", "--from", url, "--to", back)
        assert code == 0, err
        assert there == again  # every table: the same rows and the same checksum
        assert "pupils\t" in there and "Copied and verified" in there.splitlines()[-1]
        answers = [run(capsys, "--db", db, "info", "--format", "json")[1] for db in (small_db, url, back)]
        assert answers[0] == answers[1] == answers[2]
        code, _out, err = run(capsys, "--db", url, "import", "organisations", _csv(tmp_path))
        assert code == 0, err  # the server hands out ids after the copied ones
    finally:
        pg_server.drop(name)


def _csv(tmp_path):
    path = tmp_path / "o.csv"
    path.write_text("Namn;Postort\nNy verkstad AB;Hedemora\n", encoding="utf-8")
    return path


def test_a_copy_into_a_used_database_is_refused_and_changes_nothing(small_db, empty_db, capsys):
    before = empty_db.read_bytes()
    code, out, err = run(capsys, "copy", "--from", small_db, "--to", empty_db)
    assert code == 1 and out == ""
    assert "exists already" in err and "Traceback" not in err
    assert empty_db.read_bytes() == before
