"""What pupils and teachers do with working life: visits, placements, encounters, trainings, meetings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, Timestamped, enum_values
from coordinator.enums import ActivityStatus, EncounterKind, MeetingKind, PlacementStatus


def _status_column(enum_cls, name: str, default):
    return mapped_column(
        Enum(enum_cls, values_callable=enum_values, native_enum=False, create_constraint=True, length=16,
             name=name),
        default=default, index=True,
    )




study_visit_classes = Table(
    "study_visit_classes", Base.metadata,
    Column("study_visit_id", ForeignKey("study_visits.id", ondelete="CASCADE"), primary_key=True),
    Column("class_id", ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True, index=True),
)
study_visit_teachers = Table(
    "study_visit_teachers", Base.metadata,
    Column("study_visit_id", ForeignKey("study_visits.id", ondelete="CASCADE"), primary_key=True),
    Column("teacher_id", ForeignKey("teachers.id", ondelete="CASCADE"), primary_key=True, index=True),
)
study_visit_participants = Table(
    "study_visit_participants", Base.metadata,
    Column("study_visit_id", ForeignKey("study_visits.id", ondelete="CASCADE"), primary_key=True),
    Column("pupil_id", ForeignKey("pupils.id", ondelete="CASCADE"), primary_key=True, index=True),
)
encounter_classes = Table(
    "encounter_classes", Base.metadata,
    Column("encounter_id", ForeignKey("encounters.id", ondelete="CASCADE"), primary_key=True),
    Column("class_id", ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True, index=True),
)
encounter_participants = Table(
    "encounter_participants", Base.metadata,
    Column("encounter_id", ForeignKey("encounters.id", ondelete="CASCADE"), primary_key=True),
    Column("pupil_id", ForeignKey("pupils.id", ondelete="CASCADE"), primary_key=True, index=True),
)
training_teachers = Table(
    "training_teachers", Base.metadata,
    Column("training_id", ForeignKey("trainings.id", ondelete="CASCADE"), primary_key=True),
    Column("teacher_id", ForeignKey("teachers.id", ondelete="CASCADE"), primary_key=True, index=True),
)
meeting_attendees = Table(
    "meeting_attendees", Base.metadata,
    Column("meeting_id", ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class StudyVisit(Timestamped, Base):
    """A class or group visits a workplace."""

    __tablename__ = "study_visits"
    __table_args__ = (CheckConstraint("ends_at IS NULL OR starts_at <= ends_at", name="order"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    host_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    ends_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    transport_note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[ActivityStatus] = _status_column(ActivityStatus, "study_visit_status", ActivityStatus.PLANNED)
    pupil_evaluation: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)

    classes = relationship("SchoolClass", secondary=study_visit_classes)
    teachers = relationship("Teacher", secondary=study_visit_teachers)
    participants = relationship("Pupil", secondary=study_visit_participants)


class Placement(Timestamped, Base):
    """One pupil's work placement at one workplace over a period (PRAO, APL, praktyka, практика)."""

    __tablename__ = "placements"
    __table_args__ = (
        CheckConstraint("start_date <= end_date", name="period"),
        CheckConstraint("days >= 0", name="days"),
        CheckConstraint("hours_per_day > 0 AND hours_per_day <= 24", name="hours"),
        CheckConstraint("pupil_evaluation IS NULL OR (pupil_evaluation >= 1 AND pupil_evaluation <= 5)",
                        name="pupil_evaluation"),
        CheckConstraint("employer_evaluation IS NULL OR (employer_evaluation >= 1 AND employer_evaluation <= 5)",
                        name="employer_evaluation"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupils.id", ondelete="CASCADE"), index=True)
    host_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date] = mapped_column(Date)
    days: Mapped[int] = mapped_column(Integer)
    hours_per_day: Mapped[float] = mapped_column(Float, default=7.0)
    daily_start: Mapped[dt.time | None] = mapped_column(Time)
    daily_end: Mapped[dt.time | None] = mapped_column(Time)
    status: Mapped[PlacementStatus] = _status_column(PlacementStatus, "placement_status", PlacementStatus.REQUESTED)
    risk_assessment_received: Mapped[bool] = mapped_column(Boolean, default=False)
    pupil_evaluation: Mapped[int | None] = mapped_column(Integer)
    employer_evaluation: Mapped[int | None] = mapped_column(Integer)
    what_to_bring: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    pupil = relationship("Pupil")
    host = relationship("Organisation")
    supervisor = relationship("Contact")


class Encounter(Timestamped, Base):
    """Any other working-life contact: guest lecture, fair, job shadowing, entrepreneurship project."""

    __tablename__ = "encounters"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    kind: Mapped[EncounterKind] = mapped_column(
        Enum(EncounterKind, values_callable=enum_values, native_enum=False, create_constraint=True, length=20,
             name="encounter_kind"),
        default=EncounterKind.GUEST_LECTURE,
    )
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                        index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    status: Mapped[ActivityStatus] = _status_column(ActivityStatus, "encounter_status", ActivityStatus.PLANNED)
    notes: Mapped[str | None] = mapped_column(Text)

    classes = relationship("SchoolClass", secondary=encounter_classes)
    participants = relationship("Pupil", secondary=encounter_participants)


class Training(Timestamped, Base):
    """A teacher training in industry (kompetensutveckling, szkolenie branżowe)."""

    __tablename__ = "trainings"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                        index=True)
    start_date: Mapped[dt.date] = mapped_column(Date, index=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    hours: Mapped[float | None] = mapped_column(Float)
    status: Mapped[ActivityStatus] = _status_column(ActivityStatus, "training_status", ActivityStatus.PLANNED)
    notes: Mapped[str | None] = mapped_column(Text)

    teachers = relationship("Teacher", secondary=training_teachers)


class Meeting(Timestamped, Base):
    """A network meeting or programme council."""

    __tablename__ = "meetings"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    kind: Mapped[MeetingKind] = mapped_column(
        Enum(MeetingKind, values_callable=enum_values, native_enum=False, create_constraint=True, length=20,
             name="meeting_kind"),
        default=MeetingKind.NETWORK,
    )
    title: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"), index=True)
    location: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[ActivityStatus] = _status_column(ActivityStatus, "meeting_status", ActivityStatus.PLANNED)
    notes: Mapped[str | None] = mapped_column(Text)

    attendees = relationship("Contact", secondary=meeting_attendees)
