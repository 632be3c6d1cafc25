"""Action plans (goals → actions) and scorecard indicators with their targets and values."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, Enum, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coordinator.models.base import Base, Timestamped, enum_values
from coordinator.enums import ActionStatus, Direction, Perspective


class ActionPlan(Timestamped, Base):
    __tablename__ = "action_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"), index=True)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))

    goals: Mapped[list[Goal]] = relationship(back_populates="plan", cascade="all, delete-orphan",
                                             order_by="Goal.position")


class Goal(Timestamped, Base):
    __tablename__ = "goals"
    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("action_plans.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[ActionPlan] = relationship(back_populates="goals")
    actions: Mapped[list[Action]] = relationship(back_populates="goal", cascade="all, delete-orphan",
                                                 order_by="Action.position")


class Action(Timestamped, Base):
    """What is done, by whom, by when, for which grades, and the activities that show it was done."""

    __tablename__ = "actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goals.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    responsible_contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"),
                                                               index=True)
    responsible_teacher_id: Mapped[int | None] = mapped_column(ForeignKey("teachers.id", ondelete="SET NULL"),
                                                               index=True)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(
        Enum(ActionStatus, values_callable=enum_values, native_enum=False, create_constraint=True, length=16,
             name="action_status"),
        default=ActionStatus.NOT_STARTED, index=True,
    )
    target_grades: Mapped[str] = mapped_column(String(100), default="")  # ';'-separated grade labels
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)

    goal: Mapped[Goal] = relationship(back_populates="actions")
    links: Mapped[list[ActionActivity]] = relationship(cascade="all, delete-orphan")


class ActionActivity(Base):
    """An activity (visit, placement, encounter, training, meeting) that shows an action was done."""

    __tablename__ = "action_activities"
    __table_args__ = (
        UniqueConstraint("action_id", "activity_kind", "activity_id"),
        CheckConstraint(
            "activity_kind IN ('study_visit', 'placement', 'encounter', 'training', 'meeting')", name="kind"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    activity_kind: Mapped[str] = mapped_column(String(16))
    activity_id: Mapped[int] = mapped_column(Integer)


class Indicator(Timestamped, Base):
    """One line of a scorecard: computed from the data (`key`) or entered by hand, with its target."""

    __tablename__ = "indicators"
    __table_args__ = (CheckConstraint("amber_band >= 0", name="amber_band"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(64))  # computed indicator id; NULL for manual ones
    name: Mapped[str] = mapped_column(String(200))
    perspective: Mapped[Perspective] = mapped_column(
        Enum(Perspective, values_callable=enum_values, native_enum=False, create_constraint=True, length=16,
             name="perspective"),
    )
    direction: Mapped[Direction] = mapped_column(
        Enum(Direction, values_callable=enum_values, native_enum=False, create_constraint=True, length=8,
             name="direction"),
        default=Direction.HIGHER,
    )
    unit: Mapped[str] = mapped_column(String(16), default="percent")  # percent, ratio, number, score
    target: Mapped[float | None] = mapped_column(Float)
    amber_band: Mapped[float] = mapped_column(Float, default=0.0)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)


class IndicatorValue(Base):
    """A hand-entered value of a manual indicator for one school year."""

    __tablename__ = "indicator_values"
    __table_args__ = (UniqueConstraint("indicator_id", "school_year_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicators.id", ondelete="CASCADE"))
    school_year_id: Mapped[int] = mapped_column(ForeignKey("school_years.id"))
    value: Mapped[float] = mapped_column(Float)


class Setting(Base):
    """A key–value setting stored with the data: profile, municipality name, logo, default year."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
