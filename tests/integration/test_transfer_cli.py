"""The command-line contract of import and export: exit codes, one stderr line per problem, nothing half done."""

from __future__ import annotations

import re

import openpyxl
import pytest
from sqlalchemy import func, select

from coordinator.cli.main import main
from coordinator.models import Pupil
from coordinator.store import open_store

CLASS_LIST = "Förnamn;Efternamn;Klass;Kön;Elevnummer\r\nÅsa;Öberg;8B;F;S1\r\nPer;Ekström;8B;P;S2\r\n"
BAD_LIST = ("Förnamn;Efternamn;Klass;Födelsedatum\r\nÅsa;Öberg;8B;2012-01-01\r\nPer;;8B;2012-01-01\r\n"
            "Ola;Berg;8B;44927x\r\nÅsa;Öberg;8B;2012-01-01\r\n")
PROBLEM_LINE = re.compile(r"^row \d+, column .+: .+$")


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def pupils(db) -> int:
    store = open_store(db)
    try:
        with store.session() as session:
            return session.scalar(select(func.count()).select_from(Pupil))
    finally:
        store.close()


def test_import_pupils_then_again_without_duplicates(any_empty_db, tmp_path, capsys):
    path = tmp_path / "klass.csv"
    path.write_text(CLASS_LIST, encoding="utf-8")
    code, out, err = run(capsys, "--db", str(any_empty_db), "import", "pupils", str(path), "--school", "Hagaskolan",
                         "--map", "Elevnummer=external_id")
    assert (code, err) == (0, "")
    assert "created: 2" in out
    code, out, _err = run(capsys, "--db", str(any_empty_db), "import", "pupils", str(path), "--school", "Hagaskolan",
                          "--map", "Elevnummer=external_id")
    assert code == 0 and "created: 0" in out and "unchanged: 2" in out
    assert pupils(any_empty_db) == 2


def test_problems_exit_1_one_line_each_and_nothing_imported(any_empty_db, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(BAD_LIST, encoding="utf-8")
    code, out, err = run(capsys, "--db", str(any_empty_db), "import", "pupils", str(path), "--school", "Hagaskolan")
    lines = err.strip().splitlines()
    assert code == 1 and out == ""
    assert lines == ["row 3, column Efternamn: The cell is empty.",
                     "row 4, column Födelsedatum: “44927x” is not a date; write it like 2026-09-14 or 14.09.2026.",
                     "row 5, column Förnamn: This row repeats row 2."]
    assert pupils(any_empty_db) == 0
    code, out, err = run(capsys, "--db", str(any_empty_db), "import", "pupils", str(path), "--school", "Hagaskolan",
                         "--good-rows-only")
    assert code == 0 and "created: 1" in out and "skipped: 3" in out
    assert all(PROBLEM_LINE.match(line) for line in err.strip().splitlines())
    assert pupils(any_empty_db) == 1


def test_dry_run_changes_nothing(empty_db, tmp_path, capsys):
    path = tmp_path / "klass.csv"
    path.write_text(CLASS_LIST, encoding="utf-8")
    code, out, _err = run(capsys, "--db", str(empty_db), "import", "pupils", str(path), "--school", "Hagaskolan",
                          "--dry-run")
    assert code == 0 and "nothing was changed" in out and "created: 2" in out
    assert pupils(empty_db) == 0


def test_messages_in_the_chosen_language(empty_db, tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text(BAD_LIST, encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(empty_db), "--lang", "sv", "import", "pupils", str(path),
                          "--school", "Hagaskolan")
    assert code == 1
    assert err.splitlines()[0] == "rad 3, kolumn Efternamn: Cellen är tom."


def test_usage_errors_exit_2(empty_db, tmp_path, capsys):
    path = tmp_path / "klass.csv"
    path.write_text(CLASS_LIST, encoding="utf-8")
    assert run(capsys, "--db", str(empty_db), "import", "teachers", str(path))[0] == 2
    assert run(capsys, "--db", str(empty_db), "import", "pupils", str(path), "--map", "Elevnummer")[0] == 2
    assert run(capsys, "--db", str(empty_db), "import", "pupils", str(path), "--map", "Elevnummer=shoe")[0] == 2
    code, _out, err = run(capsys, "--db", str(empty_db), "import", "pupils", str(tmp_path / "missing.csv"))
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_export_all_kinds_and_vcard(any_small_db, tmp_path, capsys):
    out = tmp_path / "all.xlsx"
    code, stdout, err = run(capsys, "--db", str(any_small_db), "export", "all", "--out", str(out))
    assert code == 0 and "all.xlsx" in stdout
    workbook = openpyxl.load_workbook(out, read_only=True)
    assert {"Pupils", "Organisations", "Contacts", "Placements", "Study visits", "Schools",
            "Classes"} <= set(workbook.sheetnames)
    assert len(list(workbook["Pupils"].iter_rows())) > 100
    for kind, suffix in (("pupils", "csv"), ("schools", "xlsx"), ("placements", "csv"), ("encounters", "xlsx"),
                         ("contacts", "vcf")):
        target = tmp_path / f"{kind}.{suffix}"
        code, _stdout, err = run(capsys, "--db", str(any_small_db), "export", kind, "--out", str(target))
        assert code == 0, err
        assert target.stat().st_size > 100
    assert (tmp_path / "contacts.vcf").read_text(encoding="utf-8").startswith("BEGIN:VCARD")
    code, stdout, _err = run(capsys, "--db", str(any_small_db), "--lang", "pl", "export", "contacts", "--out",
                             str(tmp_path / "contacts.vcf"))
    assert code == 0 and re.search(r"\(\d+ kontakt(y|ów)?\)\.$", stdout.strip()), stdout  # cards, not rows
    code, _stdout, err = run(capsys, "--db", str(any_small_db), "export", "pupils", "--out", str(tmp_path / "p.pdf"))
    assert code == 1 and ".csv" in err


def test_exported_class_lists_import_back_unchanged(any_small_db, tmp_path, capsys):
    out = tmp_path / "pupils.xlsx"
    assert run(capsys, "--db", str(any_small_db), "export", "pupils", "--out", str(out), "--include-protected")[0] == 0
    before = pupils(any_small_db)
    code, stdout, err = run(capsys, "--db", str(any_small_db), "import", "pupils", str(out))
    assert code == 0, err
    assert "created: 0" in stdout and "updated: 0" in stdout
    assert pupils(any_small_db) == before


@pytest.mark.parametrize("lang", ["sv", "pl", "ru"])
def test_a_class_list_exported_in_any_language_imports_back_unchanged(small_db, tmp_path, capsys, lang):
    out = tmp_path / "pupils.csv"
    assert run(capsys, "--db", str(small_db), "--lang", lang, "export", "pupils", "--out", str(out))[0] == 0
    code, stdout, err = run(capsys, "--db", str(small_db), "import", "pupils", str(out))
    assert code == 0, err
    assert "created: 0" in stdout and "updated: 0" in stdout


def test_export_into_a_missing_folder_is_one_line_without_a_traceback(small_db, tmp_path):
    import subprocess
    import sys
    for kind, suffix in (("all", "xlsx"), ("pupils", "xlsx"), ("pupils", "csv")):
        out = tmp_path / "no-such-folder" / f"x.{suffix}"
        done = subprocess.run([sys.executable, "-m", "coordinator", "--db", str(small_db), "--lang", "pl",
                               "export", kind, "--out", str(out)], capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [f"Folder {out.parent} nie istnieje."], done.stderr
        assert not out.parent.exists()


@pytest.mark.parametrize(("lang", "line"), [("pl", "wiersz 2, zmienione pola: Płeć"),
                                            ("ru", "строка 2, изменённые поля: Пол")])
def test_a_changed_row_names_its_fields_after_a_colon(empty_db, tmp_path, capsys, lang, line):
    path = tmp_path / "klass.csv"
    path.write_text(CLASS_LIST, encoding="utf-8")
    args = ["--db", str(empty_db), "--lang", lang, "import", "pupils", str(path), "--school", "Hagaskolan",
            "--map", "Elevnummer=external_id"]
    assert run(capsys, *args)[0] == 0
    path.write_text(CLASS_LIST.replace("Åsa;Öberg;8B;F", "Åsa;Öberg;8B;P"), encoding="utf-8")
    code, out, _err = run(capsys, *args)
    assert code == 0 and line in out.splitlines()
