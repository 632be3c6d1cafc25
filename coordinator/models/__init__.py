"""The domain's tables as SQLAlchemy 2 typed models; re-exported here."""

from coordinator.models.activities import (Encounter, Meeting, Placement, StudyVisit, Training,
                                           encounter_classes, encounter_participants, meeting_attendees,
                                           study_visit_classes, study_visit_participants, study_visit_teachers,
                                           training_teachers)
from coordinator.models.audit import AuditEntry
from coordinator.models.base import Base
from coordinator.models.enums import (GENDERS, ActionStatus, ActivityStatus, Direction, EncounterKind, Gender,
                                      MeetingKind, NetworkRole, OrganisationKind, Perspective, PlacementStatus)
from coordinator.models.organisations import Contact, Network, NetworkMember, Organisation, Sector, SectorDominance
from coordinator.models.planning import (Action, ActionActivity, ActionPlan, Goal, Indicator, IndicatorValue,
                                         Setting)
from coordinator.models.schools import Enrolment, Pupil, School, SchoolClass, SchoolType, SchoolYear, Teacher

__all__ = [
    "Action", "ActionActivity", "AuditEntry", "ActionPlan", "ActionStatus", "ActivityStatus", "Base", "Contact", "Direction",
    "Encounter", "EncounterKind", "Enrolment", "GENDERS", "Gender", "Goal", "Indicator", "IndicatorValue",
    "Meeting", "MeetingKind", "Network", "NetworkMember", "NetworkRole", "Organisation", "OrganisationKind",
    "Perspective", "Placement", "PlacementStatus", "Pupil", "School", "SchoolClass", "SchoolType", "SchoolYear",
    "Sector", "SectorDominance", "Setting", "StudyVisit", "Teacher", "Training", "encounter_classes",
    "encounter_participants", "meeting_attendees", "study_visit_classes", "study_visit_participants",
    "study_visit_teachers", "training_teachers",
]
