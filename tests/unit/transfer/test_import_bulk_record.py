"""A long class list imported in bulk leaves the same pupils, classes, enrolments and audit log entries
as ever: one bulk entry per table for the new pupils and their enrolments, one entry per changed record."""

from __future__ import annotations

import json

from sqlalchemy import select
from transfer_files import write_xlsx

from coordinator.models import AuditEntry, Enrolment, Pupil, School, SchoolClass
from coordinator.transfer import analyse_file, apply_import

_ROWS = 1200


def _class_list(extra: list[list[object]]) -> list[list[object]]:
    rows: list[list[object]] = [["Förnamn", "Efternamn", "Klass", "Kön", "Födelsedatum", "Elevid"]]
    for i in range(_ROWS):
        rows.append([f"Elev{i}", f"Efternamn{i % 97}", f"{7 + i % 3}{'ABC'[i % 3]}", ("Flicka", "Pojke", "")[i % 3],
                     f"2012-{1 + i % 12:02d}-{1 + i % 28:02d}", f"id-{i}" if i % 2 else ""])
    return rows + extra


def _import(store, path):
    plan = analyse_file(path, "pupils", profile="se")
    with store.session() as session:
        return apply_import(session, plan, school="Hagaskolan")


def _audit(store, after: int) -> list[tuple[str, str, object]]:
    with store.session() as session:
        entries = session.execute(select(AuditEntry.action, AuditEntry.table_name, AuditEntry.fields)
                                  .where(AuditEntry.id > after).order_by(AuditEntry.id)).all()
    return [(action, table, json.loads(fields) if fields else None) for action, table, fields in entries]


def _last_audit_id(store) -> int:
    with store.session() as session:
        return session.scalar(select(AuditEntry.id).order_by(AuditEntry.id.desc()).limit(1)) or 0


def test_a_long_class_list_writes_pupils_enrolments_and_the_audit_log_in_bulk(make_store, tmp_path):
    store = make_store("se")
    before = _last_audit_id(store)
    result = _import(store, write_xlsx(tmp_path / "lista.xlsx", _class_list([])))
    assert (result.created, result.updated, result.problems) == (_ROWS, 0, [])
    with store.session() as session:
        pupils = session.execute(select(Pupil.id, Pupil.first_name, Pupil.last_name, Pupil.gender,
                                        Pupil.birth_date, Pupil.external_id).order_by(Pupil.id)).all()
        classes = {cls.id: cls.name for cls in session.scalars(select(SchoolClass))}
        enrolled = dict(session.execute(select(Enrolment.pupil_id, Enrolment.class_id)).all())
        school_ids = list(session.scalars(select(School.id).where(School.name == "Hagaskolan")))
    assert len(pupils) == _ROWS and len(school_ids) == 1
    assert [p.first_name for p in pupils] == [f"Elev{i}" for i in range(_ROWS)]  # ids in the file's order
    assert pupils[5].external_id == "id-5" and pupils[4].external_id is None
    assert pupils[3].birth_date.isoformat() == "2012-04-04"
    assert [p.gender.value for p in pupils[:3]] == ["girl", "boy", "unspecified"]
    assert [classes[enrolled[p.id]] for p in pupils[:4]] == ["7A", "8B", "9C", "7A"]
    assert sorted(classes.values()) == ["7A", "8B", "9C"]
    fields = ["anonymised", "birth_date", "external_id", "first_name", "gender", "guardian_consent", "last_name",
              "protected_identity"]
    assert _audit(store, before) == [
        ("create", "schools", ["name", "school_type_id", "version"]),
        *[("create", "classes", ["grade", "name", "school_id", "school_year_id", "version"])] * 3,
        ("bulk-create", "pupils", {"fields": fields, "rows": _ROWS}),
        ("bulk-create", "enrolments", {"fields": ["class_id", "pupil_id", "school_year_id"], "rows": _ROWS}),
    ]

    # Again, with two pupils changed and one new: the changes are recorded per record, the new pupil in bulk.
    later = _last_audit_id(store)
    changed = _class_list([["Ny", "Elev", "8B", "Pojke", "2012-06-01", "id-new"]])
    changed[2][3] = "Flicka"  # Elev1 (id-1), a boy until now
    changed[5][2] = "9C"  # Elev4 moves to another class
    result = _import(store, write_xlsx(tmp_path / "lista2.xlsx", changed))
    assert (result.created, result.updated, result.unchanged) == (1, 2, _ROWS - 2)
    entries = _audit(store, later)
    assert sorted(entries[:2], key=str) == [("update", "enrolments", ["class_id"]), ("update", "pupils", ["gender"])]
    assert entries[2:] == [
        ("bulk-create", "pupils", {"fields": fields, "rows": 1}),
        ("bulk-create", "enrolments", {"fields": ["class_id", "pupil_id", "school_year_id"], "rows": 1}),
    ]
