"""`coordinator match` and `import offers|wishes`: the JSON contract, --apply, exit codes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from coordinator.cli.main import main
from coordinator.models import Offer, Organisation, Placement, PlacementStatus, Pupil, Wish
from coordinator.store import open_store


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


def count(db, model, *where) -> int:
    store = open_store(db)
    try:
        with store.session() as session:
            return session.scalar(select(func.count()).select_from(model).where(*where))
    finally:
        store.close()


def period(db) -> tuple[str, str]:
    store = open_store(db)
    try:
        with store.session() as session:
            first, last = session.execute(select(Wish.first_day, Wish.last_day)).first()
    finally:
        store.close()
    return first.isoformat(), last.isoformat()


def test_match_prints_the_json_contract_and_writes_nothing(small_db, capsys):
    first, last = period(small_db)
    before = count(small_db, Placement)
    code, out, err = run(
        capsys,
        "--db",
        str(small_db),
        "match",
        "--from",
        first,
        "--to",
        last,
        "--seed",
        "4",
        "--format",
        "json",
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert set(data) == {"assignments", "unplaced", "summary"}
    summary = data["summary"]
    assert summary["placed"] == len(data["assignments"]) > 0
    assert sum(summary["by_rank"].values()) == summary["placed"]
    assert 0 <= summary["non_traditional_share"] <= 1
    assert count(small_db, Placement) == before
    _code, again, _err = run(
        capsys,
        "--db",
        str(small_db),
        "match",
        "--from",
        first,
        "--to",
        last,
        "--seed",
        "4",
        "--format",
        "json",
    )
    assert json.loads(again) == data  # the same seed, the same assignment


def test_apply_writes_requested_placements_in_one_go(small_db, capsys):
    first, last = period(small_db)
    code, out, err = run(
        capsys,
        "--db",
        str(small_db),
        "match",
        "--from",
        first,
        "--to",
        last,
        "--balance",
        "on",
        "--apply",
        "--format",
        "json",
    )
    assert code == 0
    placed = json.loads(out)["summary"]["placed"]
    assert "placements requested" in err
    day = dt.date.fromisoformat(first)
    assert (
        count(small_db, Placement, Placement.status == PlacementStatus.REQUESTED, Placement.start_date == day)
        == placed
        > 0
    )


def test_the_table_explains_in_swedish_without_names(small_db, capsys):
    first, last = period(small_db)
    code, out, _err = run(
        capsys, "--db", str(small_db), "--lang", "sv", "match", "--from", first, "--to", last
    )
    assert code == 0
    assert "elever placerade" in out and "Önskemål 1 (" in out
    store = open_store(small_db)
    try:
        with store.session() as session:
            names = {
                name for row in session.execute(select(Pupil.first_name, Pupil.last_name)) for name in row
            }
    finally:
        store.close()
    assert not [word for word in out.split() if word in names]


def test_a_period_without_wishes_exits_1_and_a_bad_date_exits_2(small_db, capsys):
    code, _out, err = run(
        capsys, "--db", str(small_db), "match", "--from", "2027-01-04", "--to", "2027-01-08"
    )
    assert code == 1 and "Periods with wishes" in err
    code, _out, err = run(capsys, "--db", str(small_db), "match", "--from", "4 jan", "--to", "2027-01-08")
    assert code == 2 and "is not a date" in err


def test_import_offers_and_wishes_from_files(small_db, tmp_path, capsys):
    store = open_store(small_db)
    try:
        with store.session() as session:
            orgs = session.scalars(select(Organisation.name).order_by(Organisation.id).limit(3)).all()
            pupil = session.scalar(select(Pupil.external_id).where(Pupil.external_id.isnot(None)).limit(1))
    finally:
        store.close()
    offers = tmp_path / "platser.csv"
    offers.write_text(
        "Arbetsplats;Platser;Startdatum;Slutdatum\n"
        + "".join(f"{name};2;2027-04-12;2027-04-16\n" for name in orgs),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(small_db), "import", "offers", str(offers))
    assert (code, err) == (0, "") and "created: 3" in out
    wishes = tmp_path / "val.csv"
    wishes.write_text(f"Elev-id;Önskemål 1;Önskemål 2\n{pupil};{orgs[0]};{orgs[1]}\n", encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(small_db), "import", "wishes", str(wishes))
    assert code == 2 and "--from" in err
    code, out, err = run(
        capsys,
        "--db",
        str(small_db),
        "import",
        "wishes",
        str(wishes),
        "--from",
        "2027-04-12",
        "--to",
        "2027-04-16",
        "--map",
        "Elev-id=external_id",
    )
    assert (code, err) == (0, "") and "created: 1" in out
    code, out, _err = run(
        capsys,
        "--db",
        str(small_db),
        "match",
        "--from",
        "2027-04-12",
        "--to",
        "2027-04-16",
        "--format",
        "json",
    )
    assert code == 0 and json.loads(out)["assignments"][0]["rank"] == 1
    assert count(small_db, Offer) > 3


def test_offer_form_is_written_by_name_filled_in_and_read_back_by_import_offers(small_db, tmp_path, capsys):
    import openpyxl

    store = open_store(small_db)
    try:
        with store.session() as session:
            name = session.scalars(select(Organisation.name).order_by(Organisation.id)).first()
    finally:
        store.close()
    form = tmp_path / "erbjudande.xlsx"
    code, out, err = run(capsys, "--db", str(small_db), "--lang", "sv", "offer-form", name.upper(),
                         "--from", "2027-04-12", "--to", "2027-04-16", "--out", str(form), "--form-lang", "sv")
    assert (code, err) == (0, "") and "erbjudande.xlsx" in out
    workbook = openpyxl.load_workbook(form)
    sheet = workbook.worksheets[0]
    assert "Platser" in [cell.value for cell in sheet[1]] and sheet["A2"].value == name
    sheet["C2"] = 4  # the employer writes in the places
    workbook.save(form)
    code, out, err = run(capsys, "--db", str(small_db), "import", "offers", str(form))
    assert code == 0, err
    assert count(small_db, Offer, Offer.first_day == dt.date(2027, 4, 12), Offer.places == 4) == 1


def test_offer_form_for_an_unknown_organisation_exits_1_and_a_wrong_suffix_exits_2(small_db, tmp_path, capsys):
    args = ("--db", str(small_db), "offer-form", "Ingen AB", "--from", "2027-04-12", "--to", "2027-04-16")
    code, _out, err = run(capsys, *args, "--out", str(tmp_path / "f.xlsx"))
    assert code == 1 and "Ingen AB" in err and "Traceback" not in err
    code, _out, err = run(capsys, *args, "--out", str(tmp_path / "f.csv"))
    assert code == 2 and ".xlsx" in err


def test_offers_and_wishes_are_exported_and_exported_offers_read_back_unchanged(small_db, tmp_path, capsys):
    import openpyxl

    out = tmp_path / "offers.xlsx"
    code, _out, err = run(capsys, "--db", str(small_db), "export", "offers", "--out", str(out))
    assert (code, err) == (0, "")
    offers = count(small_db, Offer)
    code, printed, err = run(capsys, "--db", str(small_db), "import", "offers", str(out))
    assert code == 0, err
    assert "created: 0" in printed and f"unchanged: {offers}" in printed and count(small_db, Offer) == offers
    workbook = tmp_path / "all.xlsx"
    assert run(capsys, "--db", str(small_db), "export", "all", "--out", str(workbook))[0] == 0
    book = openpyxl.load_workbook(workbook, read_only=True)
    assert {"Offers", "Wishes"} <= set(book.sheetnames)
    wishes = list(book["Wishes"].values)
    assert wishes[0] == ("Pupil id", "Class", "First day", "Last day", "Rank", "Organisation")
    assert len(wishes) - 1 == count(small_db, Wish)
    store = open_store(small_db)
    try:
        with store.session() as session:
            names = set(session.scalars(select(Pupil.last_name)))
    finally:
        store.close()
    assert not any(cell in names for row in wishes for cell in row)  # pupils by id and class, never by name
