"""Outcomes: a leaver's chosen next step (Choice) and a graduate's destination months on (Destination)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, CheckConstraint, Date, Enum, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, Timestamped, enum_values
from coordinator.enums import DestinationKind


class Choice(Timestamped, Base):
    """A leaver's chosen programme or occupation (gymnasieval, wybór szkoły, выбор), ranked 1 = first.

    The programme is kept as its national code and name as written (EE, 351203, 15.02.16); the school
    year is the one the pupil leaves at its end. Statistics count each pupil's first-ranked choice.
    """

    __tablename__ = "choices"
    __table_args__ = (
        UniqueConstraint("pupil_id", "school_year_id", "rank"),
        CheckConstraint("rank >= 1", name="rank"),
        CheckConstraint("programme_code IS NOT NULL OR programme_name IS NOT NULL", name="programme"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupils.id", ondelete="CASCADE"), index=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    rank: Mapped[int] = mapped_column(Integer, default=1)
    programme_code: Mapped[str | None] = mapped_column(String(32))
    programme_name: Mapped[str | None] = mapped_column(String(200))
    school_chosen: Mapped[str | None] = mapped_column(String(200))

    pupil = relationship("Pupil")


class Destination(Timestamped, Base):
    """Where a graduate is at a follow-up 6 or 12 months after leaving (trudoustrojstvo, losy absolwentów)."""

    __tablename__ = "destinations"
    __table_args__ = (
        UniqueConstraint("pupil_id", "school_year_id", "months_after"),
        CheckConstraint("months_after IN (6, 12)", name="months_after"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupils.id", ondelete="CASCADE"), index=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)  # the year left
    follow_up_on: Mapped[dt.date] = mapped_column(Date)
    months_after: Mapped[int] = mapped_column(Integer)
    kind: Mapped[DestinationKind] = mapped_column(
        Enum(DestinationKind, values_callable=enum_values, native_enum=False, create_constraint=True,
             length=16, name="destination_kind"),
        default=DestinationKind.UNKNOWN,
    )
    programme: Mapped[str | None] = mapped_column(String(100))  # the programme graduated from
    sector_code: Mapped[str | None] = mapped_column(String(1))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                        index=True)
    employer_name: Mapped[str | None] = mapped_column(String(200))  # as written, when not in the register
    target_training: Mapped[bool] = mapped_column(Boolean, default=False)
    exam_result: Mapped[str | None] = mapped_column(String(32))

    pupil = relationship("Pupil")
    organisation = relationship("Organisation")
