"""GDPR duties: erasure leaves no byte of a name, access export holds everything, retention anonymises."""

from __future__ import annotations

import datetime as dt
import json

from safety_people import CONTACT, ERASED, LEAVER, PROTECTED, populate
from sqlalchemy import func, select

from coordinator.models import Enrolment, Placement, Pupil, StudyVisit, study_visit_participants
from coordinator.safety.access import export_person
from coordinator.safety.backups import list_backups
from coordinator.safety.erasure import erase_person
from coordinator.safety.restore import restore_backup
from coordinator.safety.retention import anonymise_pupils, retention_candidates
from coordinator.store import open_store


def file_bytes(db) -> bytes:
    data = db.read_bytes()
    for suffix in ("-wal", "-journal"):
        side = db.with_name(db.name + suffix)
        if side.exists():
            data += side.read_bytes()
    return data


def ids(store) -> dict[str, int]:
    with store.session() as s:
        def pupil(name):
            return s.scalar(select(Pupil.id).where(Pupil.last_name == name[1]))
        from coordinator.models import Contact
        return {"erased": pupil(ERASED), "leaver": pupil(LEAVER), "protected": pupil(PROTECTED),
                "contact": s.scalar(select(Contact.id).where(Contact.last_name == CONTACT[1]))}


def test_erased_pupil_is_in_no_byte_of_the_database_file(people_db):
    store = open_store(people_db)
    who = ids(store)
    assert ERASED[1].encode() in file_bytes(people_db)
    erase_person(store, kind="pupil", record_id=who["erased"])
    with store.session() as s:
        assert s.get(Pupil, who["erased"]) is None
        assert s.scalar(select(func.count()).select_from(Placement).where(Placement.pupil_id == who["erased"])) == 0
        assert s.scalar(select(func.count()).select_from(study_visit_participants)) == 0
        assert s.scalar(select(func.count()).select_from(StudyVisit)) == 1  # the visit itself stays
    # Checked while the app still has the database open (its WAL included), and again after closing.
    for _moment in ("open", "closed"):
        raw = file_bytes(people_db)
        for word in (*ERASED, "120304-1234", "Guardian Quillfeather"):
            assert word.encode() not in raw
        store.close()
    assert list_backups(people_db)[0].reason == "before-erasure"


def test_erased_contact_is_gone_and_its_visits_stay(people_db):
    store = open_store(people_db)
    erase_person(store, kind="contact", record_id=ids(store)["contact"])
    with store.session() as s:
        assert s.scalar(select(StudyVisit.contact_id)) is None
    store.close()
    raw = file_bytes(people_db)
    assert CONTACT[1].encode() not in raw and b"zebulon@verkstad" not in raw


def test_restoring_an_older_backup_erases_again(people_db):
    from coordinator.safety.backups import create_backup

    older = create_backup(people_db, "manual", now=dt.datetime.now() - dt.timedelta(hours=2))
    store = open_store(people_db)
    erase_person(store, kind="pupil", record_id=ids(store)["erased"])
    store.close()
    result = restore_backup(people_db, older)
    assert result.erasures_reapplied == 1
    assert ERASED[1].encode() not in file_bytes(people_db)
    store = open_store(people_db)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Pupil)) == 8  # everyone else is back


def test_access_export_json_holds_every_table_and_the_audit_log(people_store, tmp_path):
    who = ids(people_store)
    out = export_person(people_store, kind="pupil", record_id=who["erased"], out=tmp_path / "p.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    tables = data["tables"]
    assert tables["pupils"][0]["last_name"] == ERASED[1]
    assert tables["pupils"][0]["birth_date"] == "2012-03-04"
    assert {"enrolments", "placements", "study_visit_participants", "encounter_participants"} <= set(tables)
    audited = {(e["table_name"], e["record_id"], e["action"]) for e in data["audit_log"]}
    assert ("pupils", who["erased"], "create") in audited
    assert ("placements", tables["placements"][0]["id"], "create") in audited
    contact = export_person(people_store, kind="contact", record_id=who["contact"], out=tmp_path / "c.json")
    assert {"study_visits", "placements", "encounters"} <= set(json.loads(contact.read_text())["tables"])


def test_access_export_pdf_is_readable_and_names_the_person(people_store, tmp_path):
    from pypdf import PdfReader

    who = ids(people_store)
    out = export_person(people_store, kind="pupil", record_id=who["erased"], out=tmp_path / "p.pdf")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert f"{ERASED[0]} {ERASED[1]}" in text
    assert "120304-1234" in text
    assert "Page 1" in text


def test_retention_lists_only_long_gone_pupils_and_anonymises_them(people_db):
    store = open_store(people_db)
    who = ids(store)
    with store.session() as s:
        candidates = retention_candidates(s, months=12)
        assert [c.pupil_id for c in candidates] == [who["leaver"]]
        assert retention_candidates(s, months=12 * 20) == []
        genders_before = sorted(s.scalars(select(Pupil.gender).join(Enrolment)))
    result = anonymise_pupils(store, [who["leaver"]])
    assert result.anonymised == 1
    with store.session() as s:
        pupil = s.get(Pupil, who["leaver"])
        assert pupil.anonymised and pupil.birth_date is None and pupil.external_id is None
        assert LEAVER[1] not in pupil.last_name
        # Past statistics stay right: the pupil, enrolment and placement are still counted.
        assert sorted(s.scalars(select(Pupil.gender).join(Enrolment))) == genders_before
        assert s.scalar(select(Placement.days).where(Placement.pupil_id == who["leaver"])) == 5
        assert retention_candidates(s, months=12) == []
    for _moment in ("open", "closed"):
        raw = file_bytes(people_db)
        for word in (*LEAVER, "100102-9999"):
            assert word.encode() not in raw
        store.close()


def test_protected_pupil_is_listed_for_retention_without_name(people_db, capsys):
    from coordinator.cli.main import main

    store = open_store(people_db)
    who = ids(store)
    with store.session() as s:
        s.get(Pupil, who["leaver"]).protected_identity = True
    store.close()
    try:
        main(["--db", str(people_db), "retention", "--months", "12"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert str(who["leaver"]) in out and LEAVER[1] not in out


def test_populate_helper_builds_what_the_tests_expect(empty_db):
    store = open_store(empty_db)
    made = populate(store)
    assert set(made) >= {"erased", "protected", "leaver", "contact"}
    store.close()


def test_protected_pupil_has_no_public_name(people_store):
    from coordinator.i18n import use_language
    from coordinator.safety.identity import public_name, public_name_sql

    with people_store.session() as s:
        names = set(s.scalars(select(public_name_sql())))
        with use_language("pl"):
            polish = set(s.scalars(select(public_name_sql())))
    assert f"{ERASED[0]} {ERASED[1]}" in names
    assert not any(PROTECTED[1] in n for n in names | polish)
    assert "(protected identity)" in names and "(tożsamość chroniona)" in polish
    assert public_name(*PROTECTED, True) == "(protected identity)"
    assert public_name("Anna", "Berg", False) == "Anna Berg"


def test_erasure_reports_the_name_left_in_free_text(people_db):
    store = open_store(people_db)
    who = ids(store)
    with store.session() as s:
        s.scalars(select(StudyVisit)).first().notes = f"{ERASED[0]} {ERASED[1]} needs a ramp"
    result = erase_person(store, kind="pupil", record_id=who["erased"])
    store.close()
    assert result.mentions_left == 1


def test_access_export_pdf_speaks_the_language_of_its_reader(people_store, tmp_path):
    # A parent asking what is held about a child read "birth date", "False" and "Enrolments" in a Polish app
    from pypdf import PdfReader

    from coordinator.i18n import use_language

    who = ids(people_store)
    with use_language("pl"):
        out = export_person(people_store, kind="pupil", record_id=who["erased"], out=tmp_path / "p.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    assert "Imię" in text and "Dane chronione Nie" in text and "Przynależność do klas" in text
    for english in ("first name", "birth date", "protected identity", "False", "True", "Enrolments", "created at"):
        assert english not in text


def test_access_export_history_names_actions_records_and_fields_in_words(people_store, tmp_path):
    from pypdf import PdfReader

    from coordinator.i18n import use_language
    from coordinator.models import AuditEntry

    who = ids(people_store)
    with people_store.session() as s:
        s.add(AuditEntry(action="update", table_name="pupils", record_id=who["erased"],
                         fields='["first_name", "birth_date"]'))
    with use_language("pl"):
        out = export_person(people_store, kind="pupil", record_id=who["erased"], out=tmp_path / "p.pdf")
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
    history = text[text.index("Historia zmian"):]
    assert "Zmieniono" in history and f"Uczniowie {who['erased']}" in history
    assert "Imię, Data urodzenia" in history
    assert "update" not in history and "first_name" not in history and "pupils" not in history
