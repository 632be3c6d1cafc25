"""Global search: any organisation, contact, pupil, teacher or class by name, number or phone.

SQLite's LIKE folds case for ASCII only, so a word with other letters is tried in lower case and
capitalised (names are stored capitalised), which finds "иван" in "Иванов" and "ö" in "Öberg"; on
PostgreSQL the same ILIKE folds every letter.
Digits typed (a phone or organisation number) match whatever
punctuation the stored number has. Prefix matches rank before matches inside a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from coordinator.i18n import _
from coordinator.models import (
    Contact,
    Enrolment,
    Organisation,
    Pupil,
    School,
    SchoolClass,
    SchoolYear,
    Teacher,
)
from coordinator.years import current_year_label

KINDS: tuple[str, ...] = ("organisation", "contact", "pupil", "teacher", "class")
PUPIL_SCAN_LIMIT = 400
_KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS
    id: int
    title: str
    subtitle: str
    protected: bool = False  # a pupil with a protected identity: shown to the coordinator, marked


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _variants(word: str) -> list[str]:
    if word.isascii():
        return [word]  # LIKE already folds ASCII case
    seen: list[str] = []
    for variant in (word.lower(), word[:1].upper() + word[1:].lower()):
        if variant not in seen:
            seen.append(variant)
    return seen


def _word_matches(columns, word: str):
    """SQL: the word occurs (in any of its case variants) in one of the columns."""
    # ILIKE: PostgreSQL's LIKE keeps case, SQLite's folds ASCII; lower() on both sides folds alike.
    return or_(*(column.ilike(f"%{_escape(variant)}%", escape="\\")
                 for column in columns for variant in _variants(word)))


def _digits_match(column, digits: str):
    """SQL: the column, stripped of the usual punctuation of numbers, contains the digits."""
    stripped = column
    for char in (" ", "-", "+", "(", ")", ".", "/"):
        stripped = func.replace(stripped, char, "")
    return stripped.like(f"%{digits}%")


def _starts(text: str, word: str) -> bool:
    return any(part.lower().startswith(word.lower()) for part in re.split(r"[\s\-]+", text))


def search(session: Session, text: str, *, limit: int = 20) -> list[SearchHit]:
    """The records whose name (every word typed), organisation number or phone matches `text`."""
    words = [w for w in text.split() if w]
    if not words:
        return []
    digits = re.sub(r"\D", "", text)
    by_number = len(digits) >= 3 and len(digits) >= len(re.sub(r"[\s\-+()]", "", text)) - 1
    number = digits if by_number else None
    hits = [*_organisations(session, words, number, limit), *_contacts(session, words, number, limit),
            *_teachers(session, words, number, limit)]
    if len(words) == 1:
        hits += _classes(session, words[0], limit)
    if any(c.isalpha() for c in text):
        hits += _pupil_hits(session, words, limit)

    def rank(hit: SearchHit) -> tuple[int, int, str]:
        """The whole name starting with the text first, then every word starting a part of it, then the rest."""
        if hit.title.lower().startswith(text.strip().lower()):
            closeness = 0
        elif all(_starts(hit.title, w) for w in words) or (by_number and digits in re.sub(r"\D", "", hit.subtitle)):
            closeness = 1
        else:
            closeness = 2
        return (closeness, _KIND_ORDER[hit.kind], hit.title.lower())

    return sorted(hits, key=rank)[:limit]


def _organisations(session: Session, words: list[str], digits: str | None, limit: int) -> list[SearchHit]:
    match = and_(*(_word_matches([Organisation.name], w) for w in words))
    if digits:
        match = or_(match, _digits_match(Organisation.org_number, digits), _digits_match(Organisation.phone, digits))
    rows = session.execute(select(Organisation.id, Organisation.name, Organisation.org_number, Organisation.town)
                           .where(match).order_by(Organisation.name).limit(limit))
    return [SearchHit("organisation", row.id, row.name, " · ".join(p for p in (row.org_number, row.town) if p))
            for row in rows]


def _contacts(session: Session, words: list[str], digits: str | None, limit: int) -> list[SearchHit]:
    match = and_(*(_word_matches([Contact.first_name, Contact.last_name], w) for w in words))
    if digits:
        match = or_(match, _digits_match(Contact.phone, digits))
    rows = session.execute(select(Contact.id, Contact.first_name, Contact.last_name, Contact.phone,
                                  Organisation.name.label("organisation"))
                           .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
                           .where(match).order_by(Contact.last_name, Contact.first_name).limit(limit))
    return [SearchHit("contact", row.id, f"{row.first_name} {row.last_name}",
                      " · ".join(p for p in (row.organisation, row.phone) if p)) for row in rows]


def _teachers(session: Session, words: list[str], digits: str | None, limit: int) -> list[SearchHit]:
    match = and_(*(_word_matches([Teacher.first_name, Teacher.last_name], w) for w in words))
    if digits:
        match = or_(match, _digits_match(Teacher.phone, digits))
    rows = session.execute(select(Teacher.id, Teacher.first_name, Teacher.last_name, School.name.label("school"))
                           .outerjoin(School, School.id == Teacher.school_id)
                           .where(match).order_by(Teacher.last_name, Teacher.first_name).limit(limit))
    return [SearchHit("teacher", row.id, f"{row.first_name} {row.last_name}", row.school or "") for row in rows]


def _classes(session: Session, word: str, limit: int) -> list[SearchHit]:
    """Classes named by one word, those of the current year first."""
    current = current_year_label(session)
    rows = session.execute(select(SchoolClass.id, SchoolClass.name, School.name.label("school"), SchoolYear.label)
                           .join(School, School.id == SchoolClass.school_id)
                           .join(SchoolYear, SchoolYear.id == SchoolClass.school_year_id)
                           .where(_word_matches([SchoolClass.name], word))
                           .order_by((SchoolYear.label == current).desc(), SchoolYear.label.desc(), SchoolClass.name)
                           .limit(limit))
    return [SearchHit("class", row.id, row.name, f"{row.school}, {row.label}") for row in rows]


def _pupil_hits(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    pupils = _pupils(session, words, limit)
    classes = _latest_class_of(session, [row.id for row in pupils])
    hits = []
    for row in pupils:
        subtitle = classes.get(row.id, "")
        if row.protected_identity:
            subtitle = _("{where} · protected identity").format(where=subtitle) if subtitle else _(
                "protected identity")
        hits.append(SearchHit("pupil", row.id, f"{row.first_name} {row.last_name}", subtitle,
                              protected=bool(row.protected_identity)))
    return hits


def _pupils(session: Session, words: list[str], limit: int):
    """Matching pupils, best first. Ordering 100,000 rows by name in SQL walks the index row by row
    (about 120 ms); an unordered scan that stops after a few hundred matches takes about 20 ms."""
    pupil_match = and_(*(_word_matches([Pupil.first_name, Pupil.last_name], w) for w in words))
    rows = list(session.execute(select(Pupil.id, Pupil.first_name, Pupil.last_name, Pupil.protected_identity)
                                .where(pupil_match, Pupil.anonymised.is_(False)).limit(PUPIL_SCAN_LIMIT)))
    rows.sort(key=lambda r: (not all(_starts(f"{r.first_name} {r.last_name}", w) for w in words),
                             r.last_name.lower(), r.first_name.lower()))
    return rows[:limit]


def _latest_class_of(session: Session, pupil_ids: list[int]) -> dict[int, str]:
    """'8A, Norra skolan' for each pupil, from the latest year they are enrolled in."""
    if not pupil_ids:
        return {}
    found: dict[int, str] = {}
    rows = session.execute(select(Enrolment.pupil_id, SchoolClass.name, School.name)
                           .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                           .join(School, School.id == SchoolClass.school_id)
                           .join(SchoolYear, SchoolYear.id == Enrolment.school_year_id)
                           .where(Enrolment.pupil_id.in_(pupil_ids))
                           .order_by(SchoolYear.starts_on))
    for pupil_id, class_name, school in rows:
        found[pupil_id] = f"{class_name}, {school}"
    return found
