"""The fixed vocabularies of the domain; their values are stored, their labels translated."""

from __future__ import annotations

import enum

from coordinator.i18n import N_, _, pgettext


class LabelledEnum(str, enum.Enum):
    @property
    def label(self) -> str:
        return _(self._labels()[self.value])

    @classmethod
    def _labels(cls) -> dict[str, str]:  # pragma: no cover - overridden
        raise NotImplementedError


class Gender(LabelledEnum):
    GIRL = "girl"
    BOY = "boy"
    OTHER = "other"
    UNSPECIFIED = "unspecified"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"girl": N_("Girl"), "boy": N_("Boy"), "other": N_("Other"), "unspecified": N_("Unspecified")}

    @property
    def group_label(self) -> str:
        """The pupils of this gender as a group, for a column header after "Pupils: " ("girls", "boys")."""
        groups = {
            "girl": pgettext("pupils of this gender", "girls"),
            "boy": pgettext("pupils of this gender", "boys"),
            "other": pgettext("pupils of this gender", "other gender"),
            "unspecified": pgettext("pupils of this gender", "gender not given"),
        }
        return groups[self.value]


GENDERS: tuple[str, ...] = tuple(g.value for g in Gender)


class OrganisationKind(LabelledEnum):
    COMPANY = "company"
    SCHOOL = "school"
    PUBLIC_EMPLOYER = "public_employer"
    BUSINESS_ASSOCIATION = "business_association"
    UNIVERSITY = "university"
    TECHNOLOGY_PARK = "technology_park"
    LABOUR_OFFICE = "labour_office"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "company": N_("Company"),
            "school": N_("School"),
            "public_employer": N_("Public employer"),
            "business_association": N_("Business association"),
            "university": N_("University"),
            "technology_park": N_("Technology park"),
            "labour_office": N_("Labour-market office"),
        }


class PlacementStatus(LabelledEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"requested": N_("Requested"), "confirmed": N_("Confirmed"),
                "completed": N_("Completed"), "cancelled": N_("Cancelled")}


class ActivityStatus(LabelledEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"planned": N_("Planned"), "done": N_("Done"), "cancelled": N_("Cancelled")}


class EncounterKind(LabelledEnum):
    GUEST_LECTURE = "guest_lecture"
    FAIR = "fair"
    JOB_SHADOWING = "job_shadowing"
    ENTREPRENEURSHIP = "entrepreneurship"
    CAREER_TALK = "career_talk"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "guest_lecture": N_("Guest lecture"),
            "fair": N_("Fair"),
            "job_shadowing": N_("Job shadowing"),
            "entrepreneurship": N_("Entrepreneurship project"),
            "career_talk": N_("Career talk"),
            "other": N_("Other encounter"),
        }


class MeetingKind(LabelledEnum):
    NETWORK = "network"
    PROGRAMME_COUNCIL = "programme_council"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"network": N_("Network meeting"), "programme_council": N_("Programme council"),
                "other": N_("Other meeting")}


class ActionStatus(LabelledEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"not_started": N_("Not started"), "in_progress": N_("In progress"),
                "done": N_("Done"), "cancelled": N_("Cancelled")}


class NetworkRole(LabelledEnum):
    LEADER = "leader"
    MEMBER = "member"
    PARTNER = "partner"
    OBSERVER = "observer"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"leader": N_("Leader"), "member": N_("Member"), "partner": N_("Partner"),
                "observer": N_("Observer")}


class Perspective(LabelledEnum):
    PUPILS = "pupils"
    WORKING_LIFE = "working_life"
    STAFF = "staff"
    PROCESS = "process"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"pupils": N_("Pupils"), "working_life": N_("Working life"), "staff": N_("Staff"),
                "process": N_("Process")}


class Direction(LabelledEnum):
    HIGHER = "higher"
    LOWER = "lower"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"higher": N_("Higher is better"), "lower": N_("Lower is better")}


class AgreementKind(LabelledEnum):
    PATRON_CLASS = "patron_class"
    EMPLOYER = "employer"
    TARGETED_TRAINING = "targeted_training"
    COOPERATION = "cooperation"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"patron_class": N_("Patron class"), "employer": N_("Employer agreement"),
                "targeted_training": N_("Targeted training"), "cooperation": N_("Cooperation agreement")}


class AgreementStatus(LabelledEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    ENDED = "ended"
    CANCELLED = "cancelled"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"draft": N_("Draft"), "active": N_("In force"), "ended": N_("Ended"),
                "cancelled": N_("Cancelled")}


class ContactChannel(LabelledEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    VISIT = "visit"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"call": N_("Call"), "email": N_("E-mail"), "meeting": N_("Meeting"), "visit": N_("Visit")}


class ContactAnswer(LabelledEnum):
    PENDING = "pending"
    YES = "yes"
    NO = "no"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"pending": N_("No answer yet"), "yes": N_("Yes"), "no": N_("No")}


class FundingKind(LabelledEnum):
    STATE = "state"
    REGION = "region"
    MUNICIPALITY = "municipality"
    EMPLOYER = "employer"
    EU_FUND = "eu_fund"
    FOUNDATION = "foundation"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"state": N_("State"), "region": N_("Region"), "municipality": N_("Municipality"),
                "employer": N_("Employer"), "eu_fund": N_("EU fund"), "foundation": N_("Foundation")}


class DestinationKind(LabelledEnum):
    """Where a graduate is at a follow-up, 6 or 12 months after leaving."""

    EMPLOYED = "employed"
    STUDY = "study"
    APPRENTICESHIP = "apprenticeship"
    NEET = "neet"
    UNKNOWN = "unknown"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"employed": N_("Employed"), "study": N_("Further study"), "apprenticeship": N_("Apprenticeship"),
                "neet": N_("Not in employment or education"), "unknown": N_("Unknown")}
