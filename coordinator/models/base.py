"""The declarative base with a constraint naming convention, shared by every table."""

from __future__ import annotations

import datetime as dt
import enum

from typing import Any

from sqlalchemy import DateTime, Integer, MetaData, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# Tables written once and never edited: no version to compare.
UNVERSIONED = frozenset({"audit_log", "erasure_register"})


class Base(DeclarativeBase):
    """Every mapped table; each record table also gets a `version`, SQLAlchemy's optimistic lock.

    The version starts at 1 and goes up with each update; an UPDATE names the version it read, so the
    second of two concurrent saves of one record changes no row and is refused (StaleDataError).
    """

    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        table = cls.__dict__.get("__tablename__")
        if table and table not in UNVERSIONED and "version" not in cls.__dict__:
            cls.version = mapped_column(Integer, nullable=False, default=1, server_default="1")  # type: ignore[attr-defined]
            cls.__mapper_args__ = {**cls.__dict__.get("__mapper_args__", {}), "version_id_col": cls.version}
        super().__init_subclass__(**kwargs)


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp())
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )


def enum_values(enum_cls: type[enum.Enum]) -> list[str]:
    return [member.value for member in enum_cls]
