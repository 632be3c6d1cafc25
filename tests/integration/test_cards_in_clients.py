"""Exported vCards and calendar files read by programs other than the code that wrote them.

khard (a standards-based address book) lists every card of a folder of one file per contact, and
vobject parses the single-file export and the schedule's calendar: what an address book or a
calendar client would take, not only what our own writer reads back.
"""

from __future__ import annotations

import subprocess
import sys

import vobject
from sqlalchemy import select

from coordinator.desk import Desk
from coordinator.models import Contact


def _khard_list(folder, tmp_path) -> subprocess.CompletedProcess:
    config = tmp_path / "khard.conf"
    config.write_text(f"[addressbooks]\n[[desk]]\npath = {folder}\n[general]\ndefault_action = list\n"
                      "editor = true\nmerge_editor = true\n[vcard]\nskip_unparsable = no\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "khard", "-c", str(config), "list", "--parsable"],
                          capture_output=True, text=True, timeout=120, check=False)


def test_khard_lists_every_contact_of_a_folder_of_cards(small_db, tmp_path):
    with Desk.open(small_db) as desk:
        result = desk.export_contact_cards(tmp_path / "cards")
        with desk.store.session() as session:
            contacts = len(session.scalars(select(Contact.id)).all())
    assert result.rows == contacts and len(list((tmp_path / "cards").glob("*.vcf"))) == contacts
    listed = _khard_list(tmp_path / "cards", tmp_path)
    assert listed.returncode == 0, listed.stderr
    assert "has no UID" not in listed.stderr
    uids = [line.split("\t")[0] for line in listed.stdout.splitlines() if line.strip()]
    assert len(uids) == contacts and len(set(uids)) == contacts


def test_cards_keep_their_uid_get_a_rev_and_international_phones(small_db, tmp_path):
    with Desk.open(small_db) as desk:
        desk.export_records("contacts", tmp_path / "first.vcf")
        with desk.store.session() as session:
            contact_id = session.scalar(select(Contact.id).order_by(Contact.id))
        desk.update_record("contacts", contact_id, {**desk.record("contacts", contact_id).values,
                                                    "phone": "070-549 94 77"})
        desk.export_records("contacts", tmp_path / "second.vcf")
    first = list(vobject.readComponents((tmp_path / "first.vcf").read_text(encoding="utf-8")))
    second = list(vobject.readComponents((tmp_path / "second.vcf").read_text(encoding="utf-8")))
    assert len(first) == len(second) > 10
    assert [card.uid.value for card in first] == [card.uid.value for card in second]
    assert all(card.uid.value.startswith("urn:uuid:") and card.rev.value for card in second)
    phones = [card.tel.value for card in second if hasattr(card, "tel")]
    assert phones and all(phone.startswith("+46 ") for phone in phones)
    assert "+46 70 549 94 77" in phones


def test_the_schedule_calendar_reads_in_another_parser(small_db, tmp_path):
    with Desk.open(small_db) as desk:
        out = desk.write_schedule_calendar(tmp_path / "schedule.ics", language="ru")
    calendar = vobject.readOne(out.read_text(encoding="utf-8"))
    events = calendar.contents.get("vevent", [])
    assert len(events) > 10
    assert all(event.dtstart.value and event.summary.value and event.uid.value for event in events)
    assert len({event.uid.value for event in events}) == len(events)


def test_the_command_line_writes_a_folder_of_cards_and_refuses_both_targets(small_db, tmp_path, capsys):
    import pytest

    from coordinator.cli.main import main

    def run(*args: str) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exit_info:
            main(list(args))
        out, err = capsys.readouterr()
        return exit_info.value.code, out, err

    code, out, _err = run("--db", str(small_db), "--lang", "sv", "export", "contacts", "--card-folder",
                          str(tmp_path / "kort"))
    assert code == 0 and "kort i" in out and len(list((tmp_path / "kort").glob("*.vcf"))) > 10
    code, _out, err = run("--db", str(small_db), "export", "contacts", "--out", str(tmp_path / "c.vcf"),
                          "--card-folder", str(tmp_path / "kort"))
    assert code == 2 and "--card-folder" in err
    code, _out, err = run("--db", str(small_db), "export", "pupils", "--card-folder", str(tmp_path / "p"))
    assert code == 2 and "contacts" in err.lower()
    (tmp_path / "file").write_text("x")
    code, _out, err = run("--db", str(small_db), "export", "contacts", "--card-folder", str(tmp_path / "file"))
    assert code == 1 and "file" in err and "Traceback" not in err
