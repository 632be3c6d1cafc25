"""Documents from the demo municipalities: every kind renders, fonts are embedded, protected pupils stay hidden."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from coordinator.documents import KINDS, kind_label, render_document, write_schedule_ics
from coordinator.i18n import use_language
from coordinator.models import Contact, Enrolment, Placement, Pupil, School, SchoolClass, Teacher
from coordinator.store import open_store

from .test_documents import fonts_embedded, pages_text

PROFILE_LANGUAGE = {"se": "sv", "pl": "pl", "ru": "ru"}


def unique_protected_names(store) -> list[str]:
    """Protected pupils' full names that no other pupil, teacher or contact also carries."""
    with store.session() as session:
        people = Counter(f"{f} {l}" for f, l in session.execute(select(Pupil.first_name, Pupil.last_name)))
        people.update(f"{f} {l}" for f, l in session.execute(select(Teacher.first_name, Teacher.last_name)))
        people.update(f"{f} {l}" for f, l in session.execute(select(Contact.first_name, Contact.last_name)))
        people.update(name for name in session.scalars(select(Pupil.guardian_name)) if name)
        protected = [f"{f} {l}" for f, l in session.execute(
            select(Pupil.first_name, Pupil.last_name).where(Pupil.protected_identity))]
    return [name for name in protected if people[name] == 1]


@pytest.fixture
def small_demo(small_db):
    store = open_store(small_db)
    yield store
    store.close()


# Every kind in all four languages is covered on hand-made data in test_documents.py; here the demo's
# realistic volume is checked in two languages to keep the suite fast.
@pytest.mark.parametrize("language", ("sv", "ru"))
def test_small_demo_every_kind(small_demo, tmp_path, language):
    hidden = unique_protected_names(small_demo)
    for kind in KINDS:
        out = render_document(small_demo, kind, tmp_path / f"{kind}.pdf", language=language)
        text = "\n".join(pages_text(out))
        with use_language(language):
            assert kind_label(kind) in text, kind
        assert fonts_embedded(out) == [], kind
        for name in hidden:
            assert name not in text, (kind, name)


@pytest.mark.parametrize("profile", ("se", "pl", "ru"))
def test_municipality_demo_of_each_profile(demo_template, tmp_path_factory, tmp_path, profile):
    db = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template(tmp_path_factory, profile, "municipality"), db)
    store = open_store(db)
    try:
        language = PROFILE_LANGUAGE[profile]
        hidden = unique_protected_names(store)
        assert hidden, "the demo should hold pupils with a protected identity"
        with store.session() as session:
            school, klass = session.execute(
                select(School.name, SchoolClass.name).join(SchoolClass, SchoolClass.school_id == School.id)
                .join(Enrolment, Enrolment.class_id == SchoolClass.id)
                .join(Placement, Placement.pupil_id == Enrolment.pupil_id)
                .where(Placement.school_year_id == Enrolment.school_year_id)
                .group_by(School.name, SchoolClass.name).order_by(func.count(Placement.id), SchoolClass.name)
                .limit(1)).one()
        for kind in KINDS:
            # Batches of pages per pupil or host are rendered for one class (timed separately).
            scope = {"school": school, "class_name": klass} if kind in ("letters", "certificate", "schedule") else {}
            out = render_document(store, kind, tmp_path / f"{kind}.pdf", language=language, **scope)
            reader = PdfReader(str(out))
            assert len(reader.pages) >= 1
            text = "\n".join(pages_text(out))
            with use_language(language):
                assert kind_label(kind) in text
            assert fonts_embedded(out) == []
            for name in hidden:
                assert name not in text, (kind, name)
        ics = write_schedule_ics(store, tmp_path / "schedule.ics", language=language)
        assert ics.read_bytes().count(b"BEGIN:VEVENT") > 10
    finally:
        store.close()


def test_letters_of_one_grade_cover_every_pupil_of_that_grade_and_no_other(small_demo, tmp_path):
    with small_demo.session() as session:
        year_id = session.execute(select(func.max(Enrolment.school_year_id))).scalar()
        rows = session.execute(
            select(Pupil.first_name, Pupil.last_name, SchoolClass.grade, Pupil.protected_identity)
            .join(Enrolment, Enrolment.pupil_id == Pupil.id).join(SchoolClass, SchoolClass.id == Enrolment.class_id)
            .join(Placement, (Placement.pupil_id == Pupil.id) & (Placement.school_year_id == year_id))
            .where(Enrolment.school_year_id == year_id, Placement.status != "cancelled")).all()
    grade = Counter(row.grade for row in rows).most_common(1)[0][0]
    out = render_document(small_demo, "letters", tmp_path / "grade.pdf", language="sv", grade=grade)
    text = "\n".join(pages_text(out))
    wanted = {f"{r.first_name} {r.last_name}" for r in rows if r.grade == grade and not r.protected_identity}
    with small_demo.session() as session:  # a pupil of another grade may share a name with a guardian or host
        adults = set(session.scalars(select(Pupil.guardian_name)))
        adults |= {f"{f} {l}" for f, l in session.execute(select(Contact.first_name, Contact.last_name))}
        adults |= {f"{f} {l}" for f, l in session.execute(select(Teacher.first_name, Teacher.last_name))}
    others = {f"{r.first_name} {r.last_name}" for r in rows if r.grade != grade} - wanted - adults
    assert wanted and all(name in text for name in wanted)
    assert not [name for name in others if name in text]
