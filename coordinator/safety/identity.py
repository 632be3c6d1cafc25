"""Protected identity: how a pupil so marked is named wherever others may see it.

Documents, exports and statistics call `public_name` (or select `public_name_sql`) instead of
joining first and last names themselves, so a protected pupil never appears by name.
"""

from __future__ import annotations

from sqlalchemy import case, literal
from sqlalchemy.sql.elements import ColumnElement

from coordinator.i18n import N_, _
from coordinator.models import Pupil

PROTECTED_LABEL = N_("(protected identity)")


def public_name(first_name: str | None, last_name: str | None, protected: bool) -> str:
    """'First Last', or the translated placeholder for a pupil with protected identity."""
    if protected:
        return _(PROTECTED_LABEL)
    return " ".join(part for part in (first_name, last_name) if part)


def public_name_sql() -> ColumnElement[str]:
    """The same as a SQL expression, for queries that list pupils (translated when built)."""
    return case((Pupil.protected_identity.is_(True), literal(_(PROTECTED_LABEL))),
                else_=Pupil.first_name + " " + Pupil.last_name)
