"""Organisations, their contact persons, sectors and networks (clusters)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, Timestamped, enum_values
from coordinator.enums import OrganisationKind


class Sector(Base):
    """A NACE Rev. 2 section (A–U); names are translated from the code, never stored."""

    __tablename__ = "sectors"
    code: Mapped[str] = mapped_column(String(1), primary_key=True)


class SectorDominance(Base):
    """Women's share of a sector's workforce in one country, and the gender that dominates it."""

    __tablename__ = "sector_dominance"
    __table_args__ = (
        CheckConstraint("female_share IS NULL OR (female_share >= 0 AND female_share <= 100)",
                        name="female_share_range"),
        CheckConstraint("dominated_by IS NULL OR dominated_by IN ('girl', 'boy')", name="dominated_by"),
    )
    country: Mapped[str] = mapped_column(String(2), primary_key=True)
    sector_code: Mapped[str] = mapped_column(ForeignKey("sectors.code"), primary_key=True)
    female_share: Mapped[int | None] = mapped_column(Integer)
    dominated_by: Mapped[str | None] = mapped_column(String(8))


class Organisation(Timestamped, Base):
    __tablename__ = "organisations"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[OrganisationKind] = mapped_column(
        Enum(OrganisationKind, values_callable=enum_values, native_enum=False, create_constraint=True,
             length=24, name="organisation_kind"),
        default=OrganisationKind.COMPANY,
    )
    name: Mapped[str] = mapped_column(String(200), index=True)
    org_number: Mapped[str | None] = mapped_column(String(32), index=True)
    country: Mapped[str] = mapped_column(String(2), default="SE")
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sectors.code"), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(16))
    town: Mapped[str | None] = mapped_column(String(100))
    municipality: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(200))
    places_offered: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)

    contacts: Mapped[list[Contact]] = relationship(back_populates="organisation")
    __table_args__ = (CheckConstraint("places_offered >= 0", name="places_offered"),)


class Contact(Timestamped, Base):
    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    role: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(32), index=True)
    email: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(5))
    notes: Mapped[str | None] = mapped_column(Text)

    organisation: Mapped[Organisation | None] = relationship(back_populates="contacts")


class Network(Timestamped, Base):
    """A cluster or network of organisations (klaster, кластер, nätverk)."""

    __tablename__ = "networks"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    description: Mapped[str | None] = mapped_column(Text)

    members: Mapped[list[NetworkMember]] = relationship(back_populates="network", cascade="all, delete-orphan")


class NetworkMember(Base):
    """An organisation or a school in a network, with its role and the dates it joined and left."""

    __tablename__ = "network_members"
    __table_args__ = (
        UniqueConstraint("network_id", "organisation_id"),
        UniqueConstraint("network_id", "school_id"),
        CheckConstraint("(organisation_id IS NULL) != (school_id IS NULL)", name="one_member"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    network_id: Mapped[int] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"),
                                                        index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("member_roles.id"), index=True)
    joined_on: Mapped[dt.date | None] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)

    network: Mapped[Network] = relationship(back_populates="members")
