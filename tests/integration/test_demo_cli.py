"""`coordinator demo` from the command line: sizes per country, refusing to overwrite, --force.

The command line runs in-process through its real entry point (`main`, with the exit-code
contract), which saves a Python start-up per call.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from coordinator.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def coordinator(capsys, monkeypatch):
    monkeypatch.delenv("COORDINATOR_LANG", raising=False)

    def run(*args: str | Path) -> Result:
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(int(exited.value.code or 0), captured.out, captured.err)

    return run


@pytest.mark.parametrize("profile_code", ["se", "pl", "ru"])
def test_municipality_demo_then_info_shows_about_1700_pupils(tmp_path, coordinator, profile_code):
    db = tmp_path / "x.sqlite"
    built = coordinator("--db", db, "demo", "--profile", profile_code, "--size", "municipality")
    assert built.code == 0, built.err
    info = coordinator("--db", db, "info", "--format", "json")
    assert info.code == 0, info.err
    data = json.loads(info.out)
    assert 1500 <= data["pupils"] <= (2350 if profile_code == "se" else 1900)  # se: 1,700 in F–9 now
    assert data["schools"] == 7
    assert 120 <= data["organisations"] <= 180
    assert data["profile"] == profile_code
    for key in ("study_visits", "placements", "encounters", "trainings", "meetings", "actions"):
        assert data[key] > 0, key


def test_an_existing_file_is_refused_without_force_and_replaced_with_it(tmp_path, coordinator):
    db = tmp_path / "x.sqlite"
    assert coordinator("--db", db, "demo", "--size", "small", "--seed", "3").code == 0
    before = db.read_bytes()
    refused = coordinator("--db", db, "demo", "--size", "small", "--profile", "ru")
    assert refused.code == 1
    assert len(refused.err.strip().splitlines()) == 1 and "--force" in refused.err
    assert "Traceback" not in refused.err
    assert db.read_bytes() == before
    replaced = coordinator("--db", db, "demo", "--size", "small", "--profile", "ru", "--force")
    assert replaced.code == 0, replaced.err
    info = json.loads(coordinator("--db", db, "info", "--format", "json").out)
    assert info["profile"] == "ru"


def test_an_unknown_size_is_wrong_usage(tmp_path, coordinator):
    result = coordinator("--db", tmp_path / "x.sqlite", "demo", "--size", "huge")
    assert result.code == 2
    assert not (tmp_path / "x.sqlite").exists()


def test_the_demos_size_is_named_in_the_chosen_language(tmp_path, coordinator):
    result = coordinator("--db", tmp_path / "x.sqlite", "--lang", "ru", "demo", "--size", "small", "--profile", "ru")
    assert result.code == 0, result.err
    assert "(размер: малый)" in result.out and "small" not in result.out  # was "демонстрационная база small"
