"""Programmes and occupations with their national codes, and the placement each requires per grade."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base


class Programme(Base):
    """A national programme (EE, BF…), an occupation (722307) or a СПО speciality (15.02.16)."""

    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("country", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))  # in the country's language, as the register names it
    school_form_id: Mapped[int | None] = mapped_column(ForeignKey("school_forms.id", ondelete="SET NULL"))
    source: Mapped[str | None] = mapped_column(String(300))  # where the code and name come from


class PlacementRequirement(Base):
    """The placement days or hours a programme requires in one grade (course year)."""

    __tablename__ = "placement_requirements"
    __table_args__ = (UniqueConstraint("programme_id", "grade"),
                      CheckConstraint("days >= 0 AND hours >= 0", name="amounts"))
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id", ondelete="CASCADE"), index=True)
    grade: Mapped[str] = mapped_column(String(8))
    days: Mapped[int] = mapped_column(Integer, default=0)
    hours: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str | None] = mapped_column(String(300))
