"""Cluster records: member roles, agreements, the contact log, projects, budget lines and costs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Date, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base, Timestamped, enum_values
from coordinator.enums import (
    AgreementKind,
    AgreementStatus,
    ContactAnswer,
    ContactChannel,
    FundingKind,
    NetworkRole,
)


def _enum(cls: type, name: str, length: int = 20) -> Enum:
    return Enum(cls, values_callable=enum_values, native_enum=False, create_constraint=True, length=length,
                name=name)


class MemberRole(Base):
    """A role a member can hold in a network, named as the country names it (lider, huvudman, участник)."""

    __tablename__ = "member_roles"
    __table_args__ = (UniqueConstraint("country", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[NetworkRole] = mapped_column(_enum(NetworkRole, "member_role_kind", 16),
                                              default=NetworkRole.MEMBER)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Agreement(Timestamped, Base):
    """A partnership of an organisation with a school, a class or a network, with its commitments."""

    __tablename__ = "agreements"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AgreementKind] = mapped_column(_enum(AgreementKind, "agreement_kind"),
                                                default=AgreementKind.COOPERATION)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    class_id: Mapped[int | None] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[AgreementStatus] = mapped_column(_enum(AgreementStatus, "agreement_status", 16),
                                                    default=AgreementStatus.ACTIVE)
    commitments: Mapped[str] = mapped_column(Text, default="")  # one commitment a line
    remind_days: Mapped[int] = mapped_column(Integer, default=60)
    notes: Mapped[str | None] = mapped_column(Text)


class ContactLogEntry(Timestamped, Base):
    """One contact with an organisation: when, how, who, what was asked or promised, and what next."""

    __tablename__ = "contact_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id", ondelete="CASCADE"), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    channel: Mapped[ContactChannel] = mapped_column(_enum(ContactChannel, "contact_channel", 16),
                                                    default=ContactChannel.CALL)
    who: Mapped[str] = mapped_column(String(100), default="")
    asked: Mapped[str] = mapped_column(Text, default="")
    promised: Mapped[str] = mapped_column(Text, default="")
    answer: Mapped[ContactAnswer] = mapped_column(_enum(ContactAnswer, "contact_answer", 16),
                                                  default=ContactAnswer.PENDING)
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, index=True)


class FundingSource(Base):
    """A source of money as the country names it (federal budget, Region Dalarna, EFS)."""

    __tablename__ = "funding_sources"
    __table_args__ = (UniqueConstraint("country", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    country: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[FundingKind] = mapped_column(_enum(FundingKind, "funding_kind", 16), default=FundingKind.STATE)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Project(Timestamped, Base):
    """A funded project of a network or an organisation, linked to a goal of the action plan."""

    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    ends_on: Mapped[dt.date | None] = mapped_column(Date)
    owner_organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                              index=True)
    network_id: Mapped[int | None] = mapped_column(ForeignKey("networks.id", ondelete="SET NULL"), index=True)
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goals.id", ondelete="SET NULL"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    notes: Mapped[str | None] = mapped_column(Text)


class BudgetLine(Base):
    """Money of one source in one project, planned and spent, in minor units of the project's currency."""

    __tablename__ = "budget_lines"
    __table_args__ = (UniqueConstraint("project_id", "funding_source_id", "financier_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    funding_source_id: Mapped[int] = mapped_column(ForeignKey("funding_sources.id"), index=True)
    financier_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id", ondelete="SET NULL"),
                                                     index=True)
    planned_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    spent_minor: Mapped[int] = mapped_column(BigInteger, default=0)


class Cost(Base):
    """A cost of a project, optionally paid from one budget line and linked to one activity or action."""

    __tablename__ = "costs"
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    budget_line_id: Mapped[int | None] = mapped_column(ForeignKey("budget_lines.id", ondelete="SET NULL"),
                                                       index=True)
    description: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date | None] = mapped_column(Date)
    amount_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    activity_kind: Mapped[str | None] = mapped_column(String(16))  # as ActionActivity: visit, placement…
    activity_id: Mapped[int | None] = mapped_column(Integer)
    action_id: Mapped[int | None] = mapped_column(ForeignKey("actions.id", ondelete="SET NULL"), index=True)
