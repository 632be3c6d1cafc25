"""Backups of a server database: pg_dump when it is installed, and a clear refusal when it is not."""

from __future__ import annotations

import pytest

from coordinator.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return stop.value.code, out, err


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_a_server_database_is_backed_up_by_pg_dump(any_empty_db, capsys, tmp_path, monkeypatch):
    from pgserver._commands import POSTGRES_BIN_PATH  # the server's own pg_dump, of its version

    monkeypatch.setenv("PATH", str(POSTGRES_BIN_PATH))
    out = tmp_path / "team.dump"
    code, stdout, err = run(capsys, "--db", any_empty_db, "backup", "--out", out)
    assert code == 0, err
    assert "by pg_dump" in stdout
    assert out.read_bytes().startswith(b"PGDMP")


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_without_pg_dump_a_server_backup_is_refused_in_one_line(any_empty_db, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    code, stdout, err = run(capsys, "--db", any_empty_db, "--lang", "sv", "backup")
    assert code == 1 and stdout == ""
    assert "pg_dump" in err and "ingen säkerhetskopia" in err and len(err.strip().splitlines()) == 1
