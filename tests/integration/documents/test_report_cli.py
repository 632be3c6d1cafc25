"""`coordinator report`: the command-line contract for documents and the calendar file."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from coordinator.cli.main import main


def run(args: list[str]) -> int:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return exit_info.value.code


def test_report_writes_a_pdf_in_the_chosen_language(doc_store, tmp_path, capsys):
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    assert run(["--db", str(doc_store.path), "--lang", "pl", "report", "action-plan", "--out", str(out)]) == 0
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Plan działań" in text and "Boka PRAO-platser hos lokala företag" in text


def test_schedule_as_calendar_for_a_class(doc_store, tmp_path):
    out = tmp_path / "8a.ics"
    assert run(["--db", str(doc_store.path), "report", "schedule", "--out", str(out), "--class", "8A",
                "--from", "2027-01-01", "--to", "2027-06-30"]) == 0
    data = out.read_text(encoding="utf-8")
    assert data.count("BEGIN:VEVENT") == 1 + 3  # the sawmill visit; 8A's pupils at three hosts in March
    assert "Vården som arbetsplats" not in data


@pytest.mark.parametrize("args, message", [
    (["--school", "Nowhere"], "Nowhere"),
    (["--class", "9Z"], "9Z"),
    (["--teacher", "Nobody"], "Nobody"),
    (["--from", "2027-02-30"], "2027-02-30"),
])
def test_bad_scope_exits_1_with_one_line(doc_store, tmp_path, capsys, args, message):
    out = tmp_path / "x.pdf"
    assert run(["--db", str(doc_store.path), "report", "letters", "--out", str(out), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert message in err and "\n" not in err and "Traceback" not in err
    assert not out.exists()


def test_only_the_schedule_has_a_calendar(doc_store, tmp_path, capsys):
    assert run(["--db", str(doc_store.path), "report", "letters", "--out", str(tmp_path / "x.ics")]) == 1
    assert ".ics" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["gender.docx", "gender"])
def test_a_pdf_is_not_written_under_another_name(doc_store, tmp_path, capsys, name):
    out = tmp_path / name
    assert run(["--db", str(doc_store.path), "--lang", "pl", "report", "gender", "--out", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"Wybierz plik z rozszerzeniem .pdf albo .ics dla harmonogramu (nie „{name}”)."
    assert not out.exists()
