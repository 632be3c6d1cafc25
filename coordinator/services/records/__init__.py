"""Create, read, update, delete and list every kind of record through one registry of kinds."""

from coordinator.services.records.base import (
    BOOL,
    CHOICE,
    DATE,
    DATETIME,
    FLOAT,
    INT,
    LONGTEXT,
    MULTIREF,
    REF,
    TEXT,
    TIME,
    ColumnSpec,
    FieldSpec,
    ListQuery,
    RecordKind,
    RecordValues,
    Row,
)
from coordinator.services.records.clusters import AGREEMENTS, CONTACT_LOG, NETWORK_MEMBERS, NETWORKS
from coordinator.services.records.encounters import ENCOUNTERS
from coordinator.services.records.money import BUDGET_LINES, COSTS, FUNDING_SOURCES, MEMBER_ROLES, PROJECTS
from coordinator.services.records.organisations import CONTACTS, ORGANISATIONS
from coordinator.services.records.outcomes import CHOICES, DESTINATIONS
from coordinator.services.records.placements import PLACEMENTS
from coordinator.services.records.pupils import CURRENT_CLASSES, PUPILS
from coordinator.services.records.programmes import PLACEMENT_REQUIREMENTS, PROGRAMMES
from coordinator.services.records.school_forms import SCHOOL_FORMS
from coordinator.services.records.schools import CLASSES, SCHOOLS, TEACHERS
from coordinator.services.records.study_visits import STUDY_VISITS
from coordinator.services.records.trainings import MEETINGS, TRAININGS

KINDS: dict[str, RecordKind] = {k.key: k for k in (
    ORGANISATIONS, CONTACTS, SCHOOLS, CLASSES, TEACHERS, PUPILS, CURRENT_CLASSES, STUDY_VISITS, PLACEMENTS,
    ENCOUNTERS, TRAININGS, MEETINGS, NETWORKS, NETWORK_MEMBERS, AGREEMENTS, CONTACT_LOG, PROJECTS, BUDGET_LINES,
    COSTS, FUNDING_SOURCES, MEMBER_ROLES, SCHOOL_FORMS, PROGRAMMES, PLACEMENT_REQUIREMENTS, CHOICES, DESTINATIONS)}


def kind(key: str) -> RecordKind:
    return KINDS[key]


__all__ = ["BOOL", "CHOICE", "DATE", "DATETIME", "FLOAT", "INT", "KINDS", "LONGTEXT", "MULTIREF", "REF", "TEXT",
           "TIME", "ColumnSpec", "FieldSpec", "ListQuery", "RecordKind", "RecordValues", "Row", "kind"]
