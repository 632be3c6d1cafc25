"""The database's settings (key → text) and what they imply (the profile's default school types)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import SchoolType, Setting
from coordinator.reference.profiles import profile


def get_setting(session: Session, key: str, default: str | None = None) -> str | None:
    value = session.scalar(select(Setting.value).where(Setting.key == key))
    return default if value is None else value


def set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def profile_code(session: Session) -> str:
    """The country profile the database was made for ('se', 'pl', 'ru')."""
    return get_setting(session, "profile", "se") or "se"


def country_code(session: Session) -> str:
    """The country as an upper-case ISO code ('SE', 'PL', 'RU')."""
    return (get_setting(session, "country", "SE") or "SE").upper()


def school_type_for(session: Session, *, compulsory: bool) -> SchoolType:
    code = profile(profile_code(session))
    wanted = code.default_compulsory_type if compulsory else code.default_upper_type
    found = session.scalar(select(SchoolType).where(SchoolType.code == wanted))
    if found is None:
        raise UserError(_("This database has no school type {code}.").format(code=wanted))
    return found
