"""What is linked to one organisation, pupil or teacher: the related records a record's page lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.i18n import N_, _, ngettext
from coordinator.models import (
    Agreement,
    Contact,
    Choice,
    ContactLogEntry,
    Destination,
    Encounter,
    Offer,
    Organisation,
    Placement,
    Pupil,
    SchoolYear,
    StudyVisit,
    Training,
)
from coordinator.models.activities import (
    encounter_participants,
    study_visit_participants,
    study_visit_teachers,
    training_teachers,
)
from coordinator.enums import AgreementKind, ContactChannel, DestinationKind, EncounterKind, PlacementStatus

LIMIT = 200  # rows per group: a page lists the newest; the workspace of the kind has them all


@dataclass(frozen=True)
class RelatedRow:
    """One linked record: which kind (as the main window's `show_record` names it), its id, what to show."""

    kind: str
    id: int
    when: dt.date | None
    text: str
    detail: str = ""


@dataclass(frozen=True)
class RelatedGroup:
    """Records of one kind linked to the record; `title` is marked with N_ and translated where shown."""

    key: str
    title: str
    rows: tuple[RelatedRow, ...]


def _person(first: str | None, last: str | None) -> str:
    return " ".join(part for part in (first, last) if part)


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    return value.date() if isinstance(value, dt.datetime) else value


def _group(key: str, title: str, session: Session, query: Any,
           row: Callable[[Any], RelatedRow]) -> RelatedGroup:
    return RelatedGroup(key, title, tuple(row(r) for r in session.execute(query.limit(LIMIT))))


# ---- an organisation ---------------------------------------------------------------------------------
def _org_contacts(session: Session, org_id: int) -> RelatedGroup:
    query = (select(Contact.id, Contact.first_name, Contact.last_name, Contact.role, Contact.phone)
             .where(Contact.organisation_id == org_id).order_by(Contact.last_name, Contact.first_name))
    return _group("contacts", N_("Contacts"), session, query, lambda r: RelatedRow(
        "contact", r.id, None, _person(r.first_name, r.last_name),
        " · ".join(p for p in (r.role, r.phone) if p)))


def _org_offers(session: Session, org_id: int) -> RelatedGroup:
    query = (select(Offer.id, Offer.first_day, Offer.last_day, Offer.places)
             .where(Offer.organisation_id == org_id).order_by(Offer.first_day.desc()))
    return _group("offers", N_("Offers"), session, query, lambda r: RelatedRow(
        "offer", r.id, r.first_day, ngettext("{n} place", "{n} places", r.places).format(n=r.places)))


def _org_placements(session: Session, org_id: int) -> RelatedGroup:
    query = (select(Placement.id, Placement.start_date, Placement.status, Pupil.first_name, Pupil.last_name)
             .join(Pupil, Pupil.id == Placement.pupil_id).where(Placement.host_id == org_id)
             .order_by(Placement.start_date.desc()))
    return _group("placements", N_("Placements"), session, query, lambda r: RelatedRow(
        "placement", r.id, r.start_date, _person(r.first_name, r.last_name), PlacementStatus(r.status).label))


def _org_visits(session: Session, org_id: int) -> RelatedGroup:
    query = (select(StudyVisit.id, StudyVisit.starts_at, StudyVisit.title).where(StudyVisit.host_id == org_id)
             .order_by(StudyVisit.starts_at.desc()))
    return _group("study_visits", N_("Study visits"), session, query, lambda r: RelatedRow(
        "study_visit", r.id, _day(r.starts_at), r.title or _("Study visit")))


def _encounter_row(r: Any) -> RelatedRow:
    return RelatedRow("encounter", r.id, r.date, r.title, EncounterKind(r.kind).label)


def _org_encounters(session: Session, org_id: int) -> RelatedGroup:
    query = (select(Encounter.id, Encounter.date, Encounter.title, Encounter.kind)
             .where(Encounter.organisation_id == org_id).order_by(Encounter.date.desc()))
    return _group("encounters", N_("Encounters"), session, query, _encounter_row)


def _org_agreements(session: Session, org_id: int) -> RelatedGroup:
    from coordinator.clusters.contact_log import agreement_view

    agreements = session.scalars(select(Agreement).where(Agreement.organisation_id == org_id)
                                 .order_by(Agreement.starts_on.desc()).limit(LIMIT))
    rows = []
    for agreement in agreements:
        view = agreement_view(session, agreement)
        rows.append(RelatedRow("agreement", view.id, view.starts_on, view.title or view.party,
                               " · ".join(p for p in (AgreementKind(view.kind).label, view.party) if p)))
    return RelatedGroup("agreements", N_("Agreements"), tuple(rows))


def _org_log(session: Session, org_id: int) -> RelatedGroup:
    query = (select(ContactLogEntry.id, ContactLogEntry.date, ContactLogEntry.channel, ContactLogEntry.who,
                    ContactLogEntry.asked).where(ContactLogEntry.organisation_id == org_id)
             .order_by(ContactLogEntry.date.desc(), ContactLogEntry.id.desc()))
    return _group("contact_log", N_("Contact log"), session, query, lambda r: RelatedRow(
        "contact_log", r.id, r.date, r.asked or r.who or ContactChannel(r.channel).label,
        " · ".join(p for p in (ContactChannel(r.channel).label, r.who) if p)))


def organisation_related(session: Session, org_id: int) -> tuple[RelatedGroup, ...]:
    """Contacts, offers, placements, visits, encounters, agreements and the contact log, newest first."""
    return tuple(read(session, org_id) for read in (
        _org_contacts, _org_log, _org_placements, _org_visits, _org_encounters, _org_offers, _org_agreements))


def last_contact(session: Session, org_id: int) -> dt.date | None:
    """The date of the organisation's latest entry in the contact log."""
    return session.scalar(select(func.max(ContactLogEntry.date)).where(ContactLogEntry.organisation_id == org_id))


# ---- a pupil -------------------------------------------------------------------------------------
def pupil_related(session: Session, pupil_id: int) -> tuple[RelatedGroup, ...]:
    """The pupil's placements, the study visits and encounters they took part in (or their class did)."""
    placements = (select(Placement.id, Placement.start_date, Placement.status, Organisation.name)
                  .join(Organisation, Organisation.id == Placement.host_id)
                  .where(Placement.pupil_id == pupil_id).order_by(Placement.start_date.desc()))
    visits = (select(StudyVisit.id, StudyVisit.starts_at, StudyVisit.title, Organisation.name)
              .join(Organisation, Organisation.id == StudyVisit.host_id)
              .join(study_visit_participants, study_visit_participants.c.study_visit_id == StudyVisit.id)
              .where(study_visit_participants.c.pupil_id == pupil_id).order_by(StudyVisit.starts_at.desc()))
    encounters = (select(Encounter.id, Encounter.date, Encounter.title, Encounter.kind)
                  .join(encounter_participants, encounter_participants.c.encounter_id == Encounter.id)
                  .where(encounter_participants.c.pupil_id == pupil_id).order_by(Encounter.date.desc()))
    return (
        _group("placements", N_("Placements"), session, placements, lambda r: RelatedRow(
            "placement", r.id, r.start_date, r.name, PlacementStatus(r.status).label)),
        _group("study_visits", N_("Study visits"), session, visits, lambda r: RelatedRow(
            "study_visit", r.id, _day(r.starts_at), r.name, r.title or "")),
        _group("encounters", N_("Encounters"), session, encounters, _encounter_row),
        _pupil_choices(session, pupil_id),
        _pupil_destinations(session, pupil_id),
    )


def _pupil_choices(session: Session, pupil_id: int) -> RelatedGroup:
    query = (select(Choice.id, Choice.rank, Choice.programme_code, Choice.programme_name, Choice.school_chosen,
                    SchoolYear.label).join(SchoolYear, SchoolYear.id == Choice.school_year_id)
             .where(Choice.pupil_id == pupil_id).order_by(SchoolYear.starts_on.desc(), Choice.rank))
    return _group("choices", N_("Next-step choices"), session, query, lambda r: RelatedRow(
        "choice", r.id, None, " ".join(p for p in (f"{r.rank}.", r.programme_code, r.programme_name) if p),
        " · ".join(p for p in (r.school_chosen, r.label) if p)))


def _pupil_destinations(session: Session, pupil_id: int) -> RelatedGroup:
    query = (select(Destination.id, Destination.follow_up_on, Destination.months_after, Destination.kind,
                    Destination.employer_name, Destination.exam_result, Organisation.name)
             .outerjoin(Organisation, Organisation.id == Destination.organisation_id)
             .where(Destination.pupil_id == pupil_id).order_by(Destination.follow_up_on.desc()))
    return _group("destinations", N_("Destinations"), session, query, lambda r: RelatedRow(
        "destination", r.id, r.follow_up_on, DestinationKind(r.kind).label,
        " · ".join(p for p in (ngettext("{n} month", "{n} months", r.months_after).format(n=r.months_after),
                               r.name or r.employer_name, r.exam_result) if p)))


# ---- a teacher -----------------------------------------------------------------------------------
def teacher_related(session: Session, teacher_id: int) -> tuple[RelatedGroup, ...]:
    """The study visits the teacher goes on and the trainings they take part in."""
    visits = (select(StudyVisit.id, StudyVisit.starts_at, StudyVisit.title, Organisation.name)
              .join(Organisation, Organisation.id == StudyVisit.host_id)
              .join(study_visit_teachers, study_visit_teachers.c.study_visit_id == StudyVisit.id)
              .where(study_visit_teachers.c.teacher_id == teacher_id).order_by(StudyVisit.starts_at.desc()))
    trainings = (select(Training.id, Training.start_date, Training.title, Organisation.name)
                 .outerjoin(Organisation, Organisation.id == Training.organisation_id)
                 .join(training_teachers, training_teachers.c.training_id == Training.id)
                 .where(training_teachers.c.teacher_id == teacher_id).order_by(Training.start_date.desc()))
    return (
        _group("study_visits", N_("Study visits"), session, visits, lambda r: RelatedRow(
            "study_visit", r.id, _day(r.starts_at), r.name, r.title or "")),
        _group("trainings", N_("Trainings"), session, trainings, lambda r: RelatedRow(
            "training", r.id, r.start_date, r.title, r.name or "")),
    )


READERS: dict[str, Callable[[Session, int], tuple[RelatedGroup, ...]]] = {
    "organisations": organisation_related, "pupils": pupil_related, "teachers": teacher_related,
}

__all__ = ["READERS", "RelatedGroup", "RelatedRow", "last_contact", "organisation_related", "pupil_related",
           "teacher_related"]
