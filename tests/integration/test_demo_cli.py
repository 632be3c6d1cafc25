"""`coordinator demo` from the command line: sizes per country, refusing to overwrite, --force."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def coordinator(*args: str | Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("COORDINATOR_LANG", None)
    return subprocess.run([sys.executable, "-m", "coordinator", *map(str, args)], check=False,
                          capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.mark.parametrize("profile_code", ["se", "pl", "ru"])
def test_municipality_demo_then_info_shows_about_1700_pupils(tmp_path, profile_code):
    db = tmp_path / "x.sqlite"
    built = coordinator("--db", db, "demo", "--profile", profile_code, "--size", "municipality")
    assert built.returncode == 0, built.stderr
    info = coordinator("--db", db, "info", "--format", "json")
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert 1500 <= data["pupils"] <= 1900
    assert data["schools"] == 7
    assert 120 <= data["organisations"] <= 180
    assert data["profile"] == profile_code
    for key in ("study_visits", "placements", "encounters", "trainings", "meetings", "actions"):
        assert data[key] > 0, key


def test_an_existing_file_is_refused_without_force_and_replaced_with_it(tmp_path):
    db = tmp_path / "x.sqlite"
    assert coordinator("--db", db, "demo", "--size", "small", "--seed", "3").returncode == 0
    before = db.read_bytes()
    refused = coordinator("--db", db, "demo", "--size", "small", "--profile", "ru")
    assert refused.returncode == 1
    assert len(refused.stderr.strip().splitlines()) == 1 and "--force" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert db.read_bytes() == before
    replaced = coordinator("--db", db, "demo", "--size", "small", "--profile", "ru", "--force")
    assert replaced.returncode == 0, replaced.stderr
    info = json.loads(coordinator("--db", db, "info", "--format", "json").stdout)
    assert info["profile"] == "ru"
