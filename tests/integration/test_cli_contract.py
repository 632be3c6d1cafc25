"""The command-line contract: names, options, JSON keys and exit codes other parts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

INFO_KEYS = {"organisations", "contacts", "schools", "classes", "pupils", "teachers", "study_visits",
             "placements", "encounters", "trainings", "meetings", "actions", "current_year", "schema_revision"}


def coordinator(*args: str | Path, lang: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("COORDINATOR_LANG", None)
    command = [sys.executable, "-m", "coordinator", *(["--lang", lang] if lang else []), *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)


def test_init_then_info_as_json(tmp_path):
    db = tmp_path / "town.sqlite"
    created = coordinator("--db", db, "init", "--profile", "pl")
    assert created.returncode == 0, created.stderr
    info = coordinator("--db", db, "info", "--format", "json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert INFO_KEYS <= set(data)
    assert data["pupils"] == 0
    assert data["schema_revision"]
    assert len(data["current_year"]) == 7 and data["current_year"][4] == "/"


def test_a_missing_database_is_refused_with_one_translated_line_and_no_file(tmp_path):
    db = tmp_path / "missing.sqlite"
    result = coordinator("--db", db, "info", lang="sv")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "Det finns ingen databas" in lines[0]
    assert "Traceback" not in result.stderr
    assert not db.exists()


@pytest.mark.parametrize("args", [["info", "--format", "xml"], ["no-such-command"], ["init"]])
def test_wrong_usage_exits_2(tmp_path, args):
    result = coordinator("--db", tmp_path / "x.sqlite", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_init_twice_is_refused(tmp_path):
    db = tmp_path / "town.sqlite"
    assert coordinator("--db", db, "init", "--profile", "se").returncode == 0
    again = coordinator("--db", db, "init", "--profile", "se", lang="ru")
    assert again.returncode == 1
    assert "уже настроена" in again.stderr


def test_a_file_that_is_not_a_database_is_refused_cleanly(tmp_path):
    bogus = tmp_path / "letter.sqlite"
    bogus.write_text("This is a letter, not a database.\n" * 100)
    before = bogus.read_bytes()
    result = coordinator("--db", bogus, "info", lang="pl")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "letter.sqlite" in result.stderr
    assert bogus.read_bytes() == before
