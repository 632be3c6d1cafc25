"""The audit log: who changed which record when, and which fields. Written by services, never edited."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Index, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base


class AuditEntry(Base):
    __tablename__ = "audit_log"
    # One record's history (the audit dialog, the access export) is found without a full scan.
    __table_args__ = (Index("ix_audit_log_record", "table_name", "record_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, server_default=func.current_timestamp(), index=True)
    action: Mapped[str] = mapped_column(String(16))  # create, update, delete, erase, import, …
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[int | None] = mapped_column(Integer)
    # JSON: the names of the fields that changed (values of personal fields are never logged).
    fields: Mapped[str | None] = mapped_column(Text)
    # Who: the server login (PostgreSQL fills it in with session_user); None in a laptop's file.
    by_user: Mapped[str | None] = mapped_column(String(63))
