"""Offers of placement places by organisations, and pupils' ranked wishes for a placement period."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, Timestamped


class Offer(Timestamped, Base):
    """Places an organisation offers for a period (platserbjudande, oferta miejsc, заявка на места)."""

    __tablename__ = "offers"
    __table_args__ = (
        CheckConstraint("first_day <= last_day", name="period"),
        CheckConstraint("places >= 0", name="places"),
        CheckConstraint("minimum_age IS NULL OR (minimum_age >= 0 AND minimum_age <= 99)", name="minimum_age"),
        CheckConstraint("hours_per_day IS NULL OR (hours_per_day > 0 AND hours_per_day <= 24)", name="hours"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    places: Mapped[int] = mapped_column(Integer)
    first_day: Mapped[dt.date] = mapped_column(Date, index=True)
    last_day: Mapped[dt.date] = mapped_column(Date)
    # ';'-separated programme codes or NACE sections it fits; empty = every pupil.
    fits: Mapped[str] = mapped_column(String(200), default="")
    minimum_age: Mapped[int | None] = mapped_column(Integer)
    hours_per_day: Mapped[float | None] = mapped_column(Float)
    address: Mapped[str | None] = mapped_column(String(200))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)

    organisation = relationship("Organisation")
    contact = relationship("Contact")

    @property
    def fit_list(self) -> list[str]:
        return [code for code in self.fits.split(";") if code]


class Wish(Timestamped, Base):
    """One of a pupil's ranked wishes (1 = first) for the placement period first_day–last_day."""

    __tablename__ = "wishes"
    __table_args__ = (
        UniqueConstraint("pupil_id", "first_day", "last_day", "rank"),
        CheckConstraint("first_day <= last_day", name="period"),
        CheckConstraint("rank >= 1", name="rank"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    pupil_id: Mapped[int] = mapped_column(ForeignKey("pupils.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[dt.date] = mapped_column(Date, index=True)
    last_day: Mapped[dt.date] = mapped_column(Date)
    rank: Mapped[int] = mapped_column(Integer)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)

    pupil = relationship("Pupil")
    organisation = relationship("Organisation")
