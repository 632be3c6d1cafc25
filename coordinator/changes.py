"""What a write changed: a typed `Changes` value (kinds of record and their ids) that views react to.

This module is on the bottom floor: it imports nothing of the app, not even SQLAlchemy, so the GUI,
the desk and every service can share it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


class Kind(enum.StrEnum):
    """A kind of record that can change; the value is its table's name (`Kind(table_name)`)."""

    SCHOOL_YEARS = "school_years"
    SCHOOL_FORMS = "school_forms"
    SCHOOL_TYPES = "school_forms"  # an alias: school types became school forms (revision 0005)
    SCHOOLS = "schools"
    PROGRAMMES = "programmes"
    PLACEMENT_REQUIREMENTS = "placement_requirements"
    TEACHERS = "teachers"
    CLASSES = "classes"
    PUPILS = "pupils"
    ENROLMENTS = "enrolments"
    SECTORS = "sectors"
    SECTOR_DOMINANCE = "sector_dominance"
    ORGANISATIONS = "organisations"
    CONTACTS = "contacts"
    NETWORKS = "networks"
    NETWORK_MEMBERS = "network_members"
    ACTION_PLANS = "action_plans"
    GOALS = "goals"
    ACTIONS = "actions"
    ACTION_ACTIVITIES = "action_activities"
    INDICATORS = "indicators"
    INDICATOR_VALUES = "indicator_values"
    SETTINGS = "settings"
    STUDY_VISITS = "study_visits"
    PLACEMENTS = "placements"
    ENCOUNTERS = "encounters"
    TRAININGS = "trainings"
    MEETINGS = "meetings"
    MEMBER_ROLES = "member_roles"
    AGREEMENTS = "agreements"
    CONTACT_LOG = "contact_log"
    FUNDING_SOURCES = "funding_sources"
    PROJECTS = "projects"
    BUDGET_LINES = "budget_lines"
    COSTS = "costs"
    OFFERS = "offers"
    WISHES = "wishes"
    CHOICES = "choices"
    DESTINATIONS = "destinations"

    @classmethod
    def of_table(cls, table: str) -> Kind | None:
        """The kind a table holds, or None for bookkeeping tables (the audit log, Alembic's version)."""
        try:
            return cls(table)
        except ValueError:
            return None


IdsByKind = Mapping[Kind, frozenset[int]]
_EMPTY: IdsByKind = MappingProxyType({})


def _frozen(ids: Mapping[Kind, Iterable[int]]) -> IdsByKind:
    return MappingProxyType({Kind(kind): frozenset(values) for kind, values in ids.items()})


def _join(a: IdsByKind, b: IdsByKind) -> IdsByKind:
    out = dict(a)
    for kind, ids in b.items():
        out[kind] = out.get(kind, frozenset()) | ids
    return MappingProxyType(out)


@dataclass(frozen=True, eq=False)
class Changes:
    """The ids created, updated or deleted per kind by one committed write, and the settings it set.

    A kind present with an empty id set means "some rows of this kind, which ones unknown" (a bulk
    statement). `everything` means the whole database may differ (a restore): every view reloads.
    """

    created: IdsByKind = field(default_factory=lambda: _EMPTY)
    updated: IdsByKind = field(default_factory=lambda: _EMPTY)
    deleted: IdsByKind = field(default_factory=lambda: _EMPTY)
    settings: frozenset[str] = field(default_factory=frozenset)
    everything: bool = False

    def __post_init__(self) -> None:  # read-only mappings of frozensets, whatever was passed in
        for name in ("created", "updated", "deleted"):
            object.__setattr__(self, name, _frozen(getattr(self, name)))
        object.__setattr__(self, "settings", frozenset(self.settings))

    @property
    def kinds(self) -> frozenset[Kind]:
        kinds = frozenset(self.created) | frozenset(self.updated) | frozenset(self.deleted)
        return kinds | {Kind.SETTINGS} if self.settings else kinds

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Changes):
            return NotImplemented
        return (dict(self.created), dict(self.updated), dict(self.deleted), self.settings, self.everything) == (
            dict(other.created), dict(other.updated), dict(other.deleted), other.settings, other.everything)

    __hash__ = None  # type: ignore[assignment]  # equal by content, like the mappings it holds

    def touches(self, *kinds: Kind) -> bool:
        """Whether any of `kinds` changed (always true after a change of everything)."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    def touches_setting(self, *keys: str) -> bool:
        return self.everything or not self.settings.isdisjoint(keys)

    def ids(self, kind: Kind) -> frozenset[int]:
        """Every id of `kind` created, updated or deleted."""
        return self.created.get(kind, frozenset()) | self.updated.get(kind, frozenset()) | self.deleted.get(
            kind, frozenset())

    def merge(self, other: Changes) -> Changes:
        return Changes(_join(self.created, other.created), _join(self.updated, other.updated),
                       _join(self.deleted, other.deleted), self.settings | other.settings,
                       self.everything or other.everything)

    @staticmethod
    def of(kind: Kind, *, created: Iterable[int] = (), updated: Iterable[int] = (),
           deleted: Iterable[int] = ()) -> Changes:
        """The change of one kind; a kind with no ids at all counts as updated (which rows unknown)."""
        kind = Kind(kind)
        made, changed, gone = frozenset(created), frozenset(updated), frozenset(deleted)
        if not (made or changed or gone):
            return Changes(updated=_frozen({kind: ()}))
        return Changes(_frozen({kind: made}) if made else _EMPTY, _frozen({kind: changed}) if changed else _EMPTY,
                       _frozen({kind: gone}) if gone else _EMPTY)

    @staticmethod
    def of_settings(*keys: str) -> Changes:
        return Changes(settings=frozenset(keys))

    @staticmethod
    def of_everything() -> Changes:
        return Changes(everything=True)


NOTHING = Changes()
