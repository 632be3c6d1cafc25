"""School years, school forms, schools, classes, enrolments, pupils and teachers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Enum,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, Timestamped, enum_values
from coordinator.enums import Gender


class SchoolYear(Base):
    """A school year, August to June, labelled like '2025/26'."""

    __tablename__ = "school_years"
    __table_args__ = (CheckConstraint("starts_on < ends_on", name="order"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(7), unique=True)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)


class SchoolForm(Base):
    """A kind of school (grundskola, technikum, колледж…): its grades in order, typical ages, where
    placements are due, and its words in each language (see coordinator.reference.school_forms)."""

    __tablename__ = "school_forms"
    # The constraint keeps its name from before the rename: SQLite renames a table, not its constraints.
    __table_args__ = (UniqueConstraint("code", name="uq_school_types_code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    short: Mapped[str | None] = mapped_column(String(8))  # its grades' prefix: "T 3" in tables, T3 when typed
    name: Mapped[str] = mapped_column(String(100))  # in English; name_sv… in the other languages
    country: Mapped[str] = mapped_column(String(2))
    grades: Mapped[str] = mapped_column(String(100))  # ';'-separated labels, in order
    compulsory: Mapped[bool] = mapped_column(Boolean, default=True)
    placement_grades: Mapped[str] = mapped_column(String(100), default="")
    required_placement_days: Mapped[int] = mapped_column(Integer, default=0)
    youngest: Mapped[int | None] = mapped_column(Integer)  # typical age in the first grade
    oldest: Mapped[int | None] = mapped_column(Integer)  # typical age on leaving
    name_sv: Mapped[str | None] = mapped_column(String(100))
    name_pl: Mapped[str | None] = mapped_column(String(100))
    name_ru: Mapped[str | None] = mapped_column(String(100))
    group_en: Mapped[str | None] = mapped_column(String(60))
    group_sv: Mapped[str | None] = mapped_column(String(60))
    group_pl: Mapped[str | None] = mapped_column(String(60))
    group_ru: Mapped[str | None] = mapped_column(String(60))
    grade_en: Mapped[str | None] = mapped_column(String(60))
    grade_sv: Mapped[str | None] = mapped_column(String(60))
    grade_pl: Mapped[str | None] = mapped_column(String(60))
    grade_ru: Mapped[str | None] = mapped_column(String(60))
    school_en: Mapped[str | None] = mapped_column(String(60))
    school_sv: Mapped[str | None] = mapped_column(String(60))
    school_pl: Mapped[str | None] = mapped_column(String(60))
    school_ru: Mapped[str | None] = mapped_column(String(60))
    mentor_en: Mapped[str | None] = mapped_column(String(60))
    mentor_sv: Mapped[str | None] = mapped_column(String(60))
    mentor_pl: Mapped[str | None] = mapped_column(String(60))
    mentor_ru: Mapped[str | None] = mapped_column(String(60))
    placement_en: Mapped[str | None] = mapped_column(String(60))
    placement_sv: Mapped[str | None] = mapped_column(String(60))
    placement_pl: Mapped[str | None] = mapped_column(String(60))
    placement_ru: Mapped[str | None] = mapped_column(String(60))

    @property
    def grade_list(self) -> list[str]:
        return [g for g in self.grades.split(";") if g]

    @property
    def placement_grade_list(self) -> list[str]:
        return [g for g in self.placement_grades.split(";") if g]


SchoolType = SchoolForm  # the name before school forms became data (revision 0005)


class School(Timestamped, Base):
    __tablename__ = "schools"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # The school's form; the column keeps the name it had when forms were called school types.
    school_type_id: Mapped[int] = mapped_column(ForeignKey("school_forms.id"))
    address: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    town: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    headteacher: Mapped[str | None] = mapped_column(String(200))
    contact_teacher_id: Mapped[int | None] = mapped_column(
        ForeignKey("teachers.id", ondelete="SET NULL", use_alter=True)
    )

    school_type: Mapped[SchoolForm] = relationship()
    classes: Mapped[list[SchoolClass]] = relationship(back_populates="school", foreign_keys="SchoolClass.school_id")


class Teacher(Timestamped, Base):
    __tablename__ = "teachers"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="SET NULL"), index=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    subject: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(32))


class SchoolClass(Timestamped, Base):
    """A class (or group) of one school in one school year, at one grade."""

    __tablename__ = "classes"
    __table_args__ = (UniqueConstraint("school_id", "school_year_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    grade: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(32))
    vocational_profile: Mapped[str | None] = mapped_column(String(100))
    # No longer used: a class's patron is an Agreement (revision 0003 moved the values and emptied this).
    # The column stays because dropping it rebuilds the table, and SQLite's drop of the old table would
    # cascade into enrolments and every other table that refers to a class.
    patron_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("teachers.id", ondelete="SET NULL"), index=True)
    # A programme's id, without a foreign key: SQLite adds a column in place only without a named constraint,
    # and rebuilding this table would cascade into every table that refers to a class. A programme in use
    # cannot be deleted (the programmes kind guards it).
    programme_id: Mapped[int | None] = mapped_column(Integer, index=True)

    school: Mapped[School] = relationship(back_populates="classes", foreign_keys=[school_id])
    school_year: Mapped[SchoolYear] = relationship()


class Pupil(Timestamped, Base):
    __tablename__ = "pupils"
    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    gender: Mapped[Gender] = mapped_column(
        Enum(Gender, values_callable=enum_values, native_enum=False, create_constraint=True, length=12,
             name="gender"),
        default=Gender.UNSPECIFIED,
    )
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    external_id: Mapped[str | None] = mapped_column(String(64), index=True)
    protected_identity: Mapped[bool] = mapped_column(Boolean, default=False, index=True)  # read at every open
    guardian_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_phone: Mapped[str | None] = mapped_column(String(32))
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    # The pupil's own programme where it differs from the class's (a mixed class of two occupations).
    programme_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no foreign key: see SchoolClass

    enrolments: Mapped[list[Enrolment]] = relationship(back_populates="pupil", cascade="all, delete-orphan")


class Enrolment(Base):
    """A pupil's membership of one class; one per pupil and school year."""

    __tablename__ = "enrolments"
    __table_args__ = (UniqueConstraint("pupil_id", "school_year_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupils.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    # Denormalised from the class so that per-year statistics need no join to find the year.
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)

    pupil: Mapped[Pupil] = relationship(back_populates="enrolments")
    school_class: Mapped[SchoolClass] = relationship()
