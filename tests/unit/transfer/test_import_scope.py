"""A class list reads only the pupils it could match, and still finds a pupil who moved school."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from transfer_files import write_csv

from coordinator.models import Enrolment, Pupil, School, SchoolClass
from coordinator.transfer import analyse_file, apply_import
from coordinator.transfer.import_records import PupilImporter

FIRST = [["Förnamn", "Efternamn", "Klass", "Kön", "Födelsedatum", "Elev-id"],
         ["Åsa", "Öberg", "8B", "Flicka", "2012-03-04", "A-1"],
         ["Per", "Ekström", "8B", "Pojke", "2012-05-14", ""]]
# Next: Åsa (by pupil id) and Per (by name and birth date) now go to another school.
MOVED = [["Förnamn", "Efternamn", "Klass", "Kön", "Födelsedatum", "Elev-id"],
         ["Åsa", "Öberg", "8C", "Flicka", "2012-03-04", "A-1"],
         ["Per", "Ekström", "8C", "Pojke", "2012-05-14", ""]]


def _import(store, path, school):
    plan = analyse_file(path, "pupils", profile="se", mapping={"Elev-id": "external_id"})
    with store.session() as session:
        return apply_import(session, plan, school=school)


@pytest.mark.parametrize("every_pupil", [False, True])
def test_a_pupil_who_moved_school_is_updated_not_duplicated(make_store, tmp_path, monkeypatch, every_pupil):
    if every_pupil:  # the path for files that could match most of a region's pupils
        monkeypatch.setattr(PupilImporter, "MAX_CANDIDATES", 0)
    store = make_store("se")
    _import(store, write_csv(tmp_path / "a.csv", FIRST), "Hagaskolan")
    moved = _import(store, write_csv(tmp_path / "b.csv", MOVED), "Björkskolan")
    assert (moved.created, moved.updated) == (0, 2)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Pupil)) == 2
        where = dict(session.execute(select(Pupil.first_name, School.name)
                                     .join(Enrolment, Enrolment.pupil_id == Pupil.id)
                                     .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                                     .join(School, School.id == SchoolClass.school_id)).all())
    assert where == {"Åsa": "Björkskolan", "Per": "Björkskolan"}
