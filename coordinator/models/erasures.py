"""The erasure register: which records were erased or anonymised, kept inside the database itself.

No personal data is stored: the table, the record id and a fingerprint of id and creation time, so
that a restored older backup can find and erase the same person again (and not someone who later
got the same id).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from coordinator.models.base import Base


class ErasureRecord(Base):
    __tablename__ = "erasure_register"
    __table_args__ = (UniqueConstraint("table_name", "record_id", "action", "fingerprint"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))  # erase, anonymise
    fingerprint: Mapped[str] = mapped_column(String(64))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
