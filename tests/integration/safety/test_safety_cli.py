"""The command-line contract of the safety commands: names, options, files and exit codes."""

from __future__ import annotations

import json

import pytest
from safety_people import ERASED, populate

from coordinator.cli.main import main
from coordinator.safety.backups import list_backups
from coordinator.store import open_store


def run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main([str(a) for a in args])
    out = capsys.readouterr()
    return exited.value.code, out.out, out.err


@pytest.fixture
def db(empty_db):
    store = open_store(empty_db)
    who = populate(store)
    store.close()
    return empty_db, who


def test_check_backup_restore_round_trip(db, capsys, tmp_path):
    path, _who = db
    code, out, _ = run(capsys, "--db", path, "check")
    assert code == 0 and "passed" in out
    out_file = tmp_path / "copy" / "manual.sqlite"
    code, out, _ = run(capsys, "--db", path, "backup", "--out", out_file)
    assert code == 0 and out_file.exists()
    code, _, _ = run(capsys, "--db", path, "backup")
    assert code == 0 and len(list_backups(path)) == 1
    code, out, err = run(capsys, "--db", path, "restore", out_file)
    assert code == 0, err
    assert "Restored" in out
    assert {b.reason for b in list_backups(path)} == {"manual", "before-restore"}


def test_erase_and_export_person(db, capsys, tmp_path):
    path, who = db
    code, out, _ = run(capsys, "--db", path, "export-person", "--pupil", who["erased"], "--out", tmp_path / "p.json")
    assert code == 0
    assert json.loads((tmp_path / "p.json").read_text())["tables"]["pupils"][0]["first_name"] == ERASED[0]
    code, _, _ = run(capsys, "--db", path, "export-person", "--contact", who["contact"], "--out", tmp_path / "c.pdf")
    assert code == 0 and (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    code, out, _ = run(capsys, "--db", path, "erase-person", "--pupil", who["erased"])
    assert code == 0 and "erased" in out
    assert ERASED[1].encode() not in path.read_bytes()
    code, _, err = run(capsys, "--db", path, "erase-person", "--pupil", who["erased"])
    assert code == 1 and len(err.strip().splitlines()) == 1
    code, _, _ = run(capsys, "--db", path, "erase-person", "--pupil", 1, "--contact", 1)
    assert code == 2


def test_check_refuses_a_file_that_is_not_a_database(tmp_path, capsys):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_bytes(b"Dear diary, " * 400)
    code, _, err = run(capsys, "--db", bogus, "check")
    assert code == 1 and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert bogus.read_bytes() == b"Dear diary, " * 400
    assert "not a database" in err
    code, _, err = run(capsys, "--db", bogus, "backup")
    assert code == 1 and "not a database" in err
    assert not (tmp_path / "notes-backups").exists()


def test_rollover_and_retention_preview_change_nothing(db, capsys):
    path, who = db
    before = path.read_bytes()
    code, out, _ = run(capsys, "--db", path, "rollover")
    assert code == 0 and "8A → 9A (5)" in out and "--apply" in out
    code, out, _ = run(capsys, "--db", path, "retention", "--months", "12")
    assert code == 0 and str(who["leaver"]) in out
    assert path.read_bytes() == before
    code, out, _ = run(capsys, "--db", path, "rollover", "--apply")
    assert code == 0 and "5 enrolments" in out


def test_restore_of_a_missing_file_is_one_translated_line_and_changes_nothing(db, capsys, tmp_path):
    path, _who = db
    before = path.read_bytes()
    code, out, err = run(capsys, "--db", path, "--lang", "pl", "restore", tmp_path / "missing.sqlite")
    assert (code, out) == (1, "")
    assert err.strip() == "Nie można przywrócić missing.sqlite: Nie ma bazy danych w missing.sqlite."
    assert path.read_bytes() == before and list_backups(path) == []


@pytest.mark.parametrize(("lang", "words"), [("pl", "data odejścia:"), ("ru", "дата выбытия:")])
def test_retention_list_does_not_guess_a_pupils_gender(db, capsys, lang, words):
    # "Ottilia Gammalgren odszedł" (he left) was the Polish line for a girl
    path, who = db
    code, out, _ = run(capsys, "--db", path, "--lang", lang, "retention", "--months", "12")
    line = next(line for line in out.splitlines() if line.startswith(f"{who['leaver']}\t"))
    assert code == 0 and f"\t{words} " in line
