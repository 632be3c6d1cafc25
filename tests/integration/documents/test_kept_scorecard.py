"""A scorecard printed from the sheet the desk kept: the same pages as the desk's, never stale, without the
database layer, and a file that is not sound still goes through the desk and is refused as before."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest
from pypdf import PdfReader

from coordinator.cli.main import main
from coordinator.desk import Desk, DocumentScope
from coordinator.desk.quick_reads import write_document
from coordinator.errors import UserError


@pytest.fixture
def closed_db(small_db, tmp_path, monkeypatch):
    """The small demo as the app leaves it: opened, used and closed cleanly; figures kept in a test folder."""
    monkeypatch.setenv("COORDINATOR_CACHE_DIR", str(tmp_path / "cache"))
    Desk.open(small_db).close()
    return small_db


def pages(pdf) -> list[tuple[str, bytes]]:
    """Each page's text and its drawing (the content stream), which hold everything but the file's dates."""
    return [(page.extract_text(), page.get_contents().get_data()) for page in PdfReader(pdf).pages]


def by_the_desk(db, out, scope=DocumentScope(), language="sv"):
    with Desk.open(db) as desk:
        return desk.write_document("scorecard", out, scope, language=language)


def without_the_desk(monkeypatch, db, out, scope=DocumentScope(), language="sv"):
    with monkeypatch.context() as patched:
        patched.setattr(Desk, "open", classmethod(lambda *a, **k: pytest.fail("the desk was opened")))
        return write_document(db, "scorecard", out, scope, language=language)


def a_school(db) -> str:
    with Desk.open(db) as desk:
        return desk.record("schools", desk.record_ids("schools")[0]).values["name"]


@pytest.mark.parametrize("language, whole", [("sv", True), ("ru", False)], ids=["sv-municipality", "ru-school"])
def test_a_kept_scorecard_has_the_same_pages_as_the_desks(closed_db, tmp_path, monkeypatch, language, whole):
    scope = DocumentScope() if whole else DocumentScope(school=a_school(closed_db).upper())  # as a person types it
    desk_pdf = by_the_desk(closed_db, tmp_path / "desk.pdf", scope, language)
    kept_pdf = without_the_desk(monkeypatch, closed_db, tmp_path / "kept.pdf", scope, language)
    assert pages(kept_pdf) == pages(desk_pdf)
    first = pages(kept_pdf)[0][0]
    assert ("Styrkort: " if language == "sv" else "Показатели: ") in first
    assert whole or a_school(closed_db) in first


def test_another_language_is_not_served_from_the_kept_sheet(closed_db, tmp_path, monkeypatch):
    swedish = pages(by_the_desk(closed_db, tmp_path / "sv.pdf"))
    russian = pages(write_document(closed_db, "scorecard", tmp_path / "ru.pdf", DocumentScope(), language="ru"))
    assert russian != swedish
    assert pages(without_the_desk(monkeypatch, closed_db, tmp_path / "ru2.pdf", language="ru")) == russian


def test_an_edit_is_seen_at_once(closed_db, tmp_path, monkeypatch):
    before = pages(by_the_desk(closed_db, tmp_path / "before.pdf"))
    assert pages(without_the_desk(monkeypatch, closed_db, tmp_path / "kept.pdf")) == before
    with Desk.open(closed_db) as desk:
        desk.set_setting("municipality", "Nyköpings kommun")
    after = pages(write_document(closed_db, "scorecard", tmp_path / "after.pdf", DocumentScope(), language="sv"))
    assert "Nyköpings kommun" in after[0][0] and "Nyköpings kommun" not in before[0][0]
    assert after == pages(by_the_desk(closed_db, tmp_path / "desk.pdf"))


def test_a_file_changed_outside_the_app_is_read_by_the_desk(closed_db, tmp_path):
    by_the_desk(closed_db, tmp_path / "kept.pdf")
    with sqlite3.connect(closed_db) as conn:  # another program writes to it after the app closed it
        conn.execute("UPDATE settings SET value = 'Elsewhere' WHERE key = 'municipality'")
    conn.close()
    after = pages(write_document(closed_db, "scorecard", tmp_path / "after.pdf", DocumentScope(), language="en"))
    assert "Elsewhere" in after[0][0]


def test_a_damaged_file_is_refused_with_its_message_and_no_pdf(closed_db, tmp_path, capsys):
    by_the_desk(closed_db, tmp_path / "kept.pdf")
    data = bytearray(closed_db.read_bytes())
    data[0:16] = b"not a database!!"
    closed_db.write_bytes(bytes(data))
    out = tmp_path / "refused.pdf"
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(closed_db), "--lang", "sv", "report", "scorecard", "--out", str(out)])
    err = capsys.readouterr().err
    assert exited.value.code == 1 and closed_db.name in err and "Traceback" not in err
    assert not out.exists()


def test_the_database_file_is_never_written_over(closed_db, tmp_path):
    by_the_desk(closed_db, tmp_path / "kept.pdf")
    before = closed_db.read_bytes()
    with pytest.raises(UserError) as refused:
        write_document(closed_db, "scorecard", closed_db, DocumentScope(), language="en")
    assert closed_db.name in str(refused.value)
    assert closed_db.read_bytes() == before


def test_a_kept_scorecard_is_printed_without_the_database_layer(closed_db, tmp_path):
    by_the_desk(closed_db, tmp_path / "desk.pdf", language="en")
    probe = ("import sys, atexit\n"
             "atexit.register(lambda: print('LOADED' if 'sqlalchemy' in sys.modules else 'LIGHT', file=sys.stderr))\n"
             "from coordinator.cli.main import main\n"
             "main(sys.argv[1:])\n")
    out = tmp_path / "kept.pdf"
    done = subprocess.run([sys.executable, "-c", probe, "--db", str(closed_db), "report", "scorecard", "--out",
                           str(out)], capture_output=True, text=True, env=dict(os.environ, COORDINATOR_LANG="en"),
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().endswith("LIGHT"), done.stderr
    assert pages(out) == pages(tmp_path / "desk.pdf")


def test_a_kept_scorecard_is_not_shown_when_the_files_check_refuses_it(closed_db, tmp_path, monkeypatch):
    from coordinator.desk.file_reading import FileReader

    by_the_desk(closed_db, tmp_path / "desk.pdf")
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setattr(FileReader, "sound", lambda self: False)  # the check found the file damaged
    monkeypatch.setattr(Desk, "open", classmethod(lambda *a, **k: (_ for _ in ()).throw(
        UserError("small.sqlite is damaged"))))  # and the desk, opening it, says so
    with pytest.raises(UserError, match="damaged"):
        write_document(closed_db, "scorecard", folder / "card.pdf", DocumentScope(), language="sv")
    assert list(folder.iterdir()) == []  # neither the PDF laid out meanwhile nor its temporary file
