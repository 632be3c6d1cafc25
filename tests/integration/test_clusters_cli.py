"""Cluster records on the command line: members and the contact log imported, exported and counted."""

from __future__ import annotations

import json

import openpyxl
import pytest

from coordinator.cli.main import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture
def pl_db(tmp_path, capsys):
    db = tmp_path / "klaster.sqlite"
    assert run(capsys, "--db", str(db), "init", "--profile", "pl")[0] == 0
    return db


COMPANIES = [f"Zakład Mechaniczny {n} Sp. z o.o." for n in range(1, 75)]


def _organisations(tmp_path):
    rows = ["Nazwa;NIP;Rodzaj"] + [f"{name};;firma" for name in COMPANIES]
    rows += ["Państwowa Wyższa Szkoła Zawodowa w Wałbrzychu;;uczelnia",
             "Wałbrzyska Izba Gospodarcza;;Organizacja pracodawców"]
    path = tmp_path / "organizacje.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1250"))
    return path


def _members(tmp_path):
    roles = ["lider"] + ["członek"] * 70 + ["Partner"] * 3 + ["medlem", "Member"]  # a role in any language
    names = COMPANIES + ["Państwowa Wyższa Szkoła Zawodowa w Wałbrzychu", "Wałbrzyska Izba Gospodarcza"]
    rows = ["Sieć;Członek;Rola;Data przystąpienia"]
    rows += [f"INVEST in EDU;{name};{role};01.09.2023" for name, role in zip(names, roles, strict=True)]
    path = tmp_path / "czlonkowie.csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp1250"))
    return path


def test_a_76_row_polish_cp1250_file_makes_76_members_and_again_no_duplicates(pl_db, tmp_path, capsys):
    code, out, err = run(capsys, "--db", str(pl_db), "import", "organisations", str(_organisations(tmp_path)))
    assert code == 0, err
    members = _members(tmp_path)
    code, out, err = run(capsys, "--db", str(pl_db), "import", "network-members", str(members))
    assert (code, err) == (0, "")
    assert "created: 76" in out
    code, out, _err = run(capsys, "--db", str(pl_db), "info", "--format", "json")
    info = json.loads(out)
    assert (info["networks"], info["network_members"]) == (1, 76)
    assert {"agreements", "contact_log", "projects", "budget_lines"} <= set(info)
    code, out, _err = run(capsys, "--db", str(pl_db), "import", "network-members", str(members))
    assert code == 0 and "created: 0" in out and "unchanged: 76" in out
    workbook = tmp_path / "x.xlsx"
    assert run(capsys, "--db", str(pl_db), "export", "all", "--out", str(workbook))[0] == 0
    sheets = openpyxl.load_workbook(workbook, read_only=True).sheetnames
    assert {"Network members", "Agreements", "Contact log", "Budget lines", "Costs", "Action plans",
            "Indicators", "Organisations", "Pupils"} <= set(sheets)
    exported = tmp_path / "members.xlsx"
    assert run(capsys, "--db", str(pl_db), "export", "networks", "--out", str(exported))[0] == 0
    code, out, err = run(capsys, "--db", str(pl_db), "import", "network-members", str(exported))
    assert (code, err) == (0, "")
    assert "created: 0" in out  # the exported members sheet reads back as the same members


def test_unknown_member_or_role_refuses_the_whole_file_naming_row_and_column(pl_db, tmp_path, capsys):
    run(capsys, "--db", str(pl_db), "import", "organisations", str(_organisations(tmp_path)))
    path = tmp_path / "zle.csv"
    path.write_bytes(("Sieć;Członek;Rola\r\nKlaster;Zakład Mechaniczny 1 Sp. z o.o.;lider\r\n"
                      "Klaster;Nieznana Firma;członek\r\nKlaster;Zakład Mechaniczny 2 Sp. z o.o.;prezes\r\n")
                     .encode("cp1250"))
    code, out, err = run(capsys, "--db", str(pl_db), "import", "network-members", str(path))
    assert code == 1
    lines = err.strip().splitlines()
    assert lines[0].startswith("row 3, column Członek:") and "Nieznana Firma" in lines[0]
    assert lines[1].startswith("row 4, column Rola:") and "lider" in lines[1]
    code, out, _err = run(capsys, "--db", str(pl_db), "info", "--format", "json")
    assert json.loads(out)["network_members"] == 0  # nothing half-imported


def test_contact_log_import_and_export(pl_db, tmp_path, capsys):
    run(capsys, "--db", str(pl_db), "import", "organisations", str(_organisations(tmp_path)))
    path = tmp_path / "kontakty.csv"
    path.write_bytes(("Organizacja;Data;Kanał;Kto;Prośba;Obiecano;Odpowiedź;Przypomnienie\r\n"
                      "Zakład Mechaniczny 1 Sp. z o.o.;02.03.2026;telefon;K. Nowak;4 miejsca praktyk;"
                      "odpowiedź w piątek;;06.03.2026\r\n"
                      "Zakład Mechaniczny 1 Sp. z o.o.;09.03.2026;e-mail;K. Nowak;4 miejsca praktyk;;tak;\r\n")
                     .encode("cp1250"))
    code, out, err = run(capsys, "--db", str(pl_db), "import", "contact-log", str(path))
    assert (code, err) == (0, ""), err
    assert "created: 2" in out
    assert "created: 0" in run(capsys, "--db", str(pl_db), "import", "contact-log", str(path))[1]
    out_file = tmp_path / "log.csv"
    assert run(capsys, "--db", str(pl_db), "export", "contact-log", "--out", str(out_file))[0] == 0
    text = out_file.read_text(encoding="utf-8-sig")
    assert "4 miejsca praktyk" in text and "2026-03-06" in text
