"""Projects on the command line: made and edited, a budget by source with its shares, spending kept exact."""

from __future__ import annotations

import json

import pytest

from coordinator.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture
def ru_db(tmp_path, capsys):
    db = tmp_path / "klaster.sqlite"
    assert run(capsys, "--db", str(db), "init", "--profile", "ru")[0] == 0
    return db


def test_a_three_source_budget_prints_its_shares_and_ten_kopecks_ten_times_make_a_rouble(ru_db, capsys):
    db = ("--db", str(ru_db), "--lang", "ru")
    code, out, err = run(capsys, *db, "project", "add", "Профессионалитет", "--from", "2025-09-01",
                         "--to", "2027-08-31")
    assert (code, err) == (0, "") and "Профессионалитет" in out
    for source, planned in (("Федеральный бюджет", "100 000 000"), ("employer", "20 000 000,00"),
                            ("region", "10000000")):
        code, out, err = run(capsys, *db, "project", "budget", "профессионалитет", "--source", source,
                             "--planned", planned)
        assert (code, err) == (0, ""), err
    assert "76,9 %" in out and "15,4 %" in out and "7,7 %" in out
    for _ in range(10):
        code, out, err = run(capsys, *db, "project", "spend", "Профессионалитет", "--amount", "0,10",
                             "--description", "Автобус", "--source", "state")
        assert code == 0, err
    code, out, err = run(capsys, *db, "project", "show", "Профессионалитет", "--format", "json")
    budget = json.loads(out)
    assert [(line["planned"], line["share"]) for line in budget["lines"]] == [
        ("100000000.00", "0.769231"), ("20000000.00", "0.153846"), ("10000000.00", "0.076923")]
    assert (budget["lines"][0]["spent"], budget["costs"], budget["currency"]) == ("1.00", "1.00", "RUB")
    code, out, err = run(capsys, *db, "project", "budget", "Профессионалитет", "--source", "state",
                         "--planned", "90 000 000")  # a new plan keeps what was spent
    assert code == 0 and json.loads(run(capsys, *db, "project", "show", "Профессионалитет", "--format",
                                        "json")[1])["lines"][0]["spent"] == "1.00"


def test_a_project_is_renamed_and_wrong_input_is_refused_naming_what_is_wrong(ru_db, capsys):
    db = ("--db", str(ru_db))
    assert run(capsys, *db, "project", "add", "Cluster 2026")[0] == 0
    code, out, err = run(capsys, *db, "project", "edit", "cluster 2026", "--name", "Cluster 2027", "--to",
                         "2027-12-31")
    assert (code, err) == (0, "") and "Cluster 2027" in out
    assert "Cluster 2027" in run(capsys, *db, "project", "list")[1]
    code, _out, err = run(capsys, *db, "project", "edit", "Cluster 2027", "--currency", "XYZ")
    assert code == 1 and "XYZ" in err and "Traceback" not in err
    code, _out, err = run(capsys, *db, "project", "budget", "Cluster 2027", "--source", "state", "--planned", "ten")
    assert code == 2 and "--planned" in err and "ten" in err
    code, _out, err = run(capsys, *db, "project", "show", "Nothing")
    assert code == 1 and "Nothing" in err and "Cluster 2027" in err
    code, _out, err = run(capsys, *db, "project", "spend", "Cluster 2027", "--amount", "5", "--description",
                          "Bus", "--source", "region")
    assert code == 2 and "--source" in err
    code, _out, err = run(capsys, *db, "project", "add", "Cluster 2027")
    assert code == 1 and "already" in err


def test_a_funding_source_is_added_and_listed(ru_db, capsys):
    db = ("--db", str(ru_db), "--lang", "ru")
    code, out, err = run(capsys, *db, "funding-source", "add", "Фонд президентских грантов", "--kind", "foundation")
    assert (code, err) == (0, "")
    code, out, _err = run(capsys, *db, "funding-source", "list")
    assert "Фонд президентских грантов\t" in out and "Федеральный бюджет" in out
    code, _out, err = run(capsys, *db, "funding-source", "add", "Фонд президентских грантов", "--kind",
                          "foundation")
    assert code == 1 and err
