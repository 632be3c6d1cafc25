"""The shape of one country's demo data: names, places, companies, programmes and plan texts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module


@dataclass(frozen=True)
class ClusterSpec:
    """How the first network of a country's demo looks as a cluster with a funded project."""

    members: int  # the network grows to this many members (organisations and schools)
    project: str
    # (funding kind, financier, whole currency units planned); financier "" for none, "@employer" for a
    # company member, "@municipality" for the municipality, any other text an organisation of that name.
    financiers: tuple[tuple[str, str, int], ...]
    asked: tuple[str, ...]  # what the coordinator asks employers
    promised: tuple[str, ...]  # what an employer promises
    who: tuple[str, ...]  # the coordinator's side
    bus: str  # a project's cost for a study visit's bus; {org}
    base_role: str = ""  # the role of the upper-secondary schools (Russia: базовая образовательная организация)
    agreement_kind: str = "cooperation"  # the kind of the members' agreements
    agreement_title: str = ""


@dataclass(frozen=True)
class Programme:
    """An upper-secondary / vocational programme: class code, name, the sector it trains for."""

    code: str  # the code in class names (IN2, 3TM)
    name: str
    sector: str
    girl_share: float
    national: str = ""  # the shipped programme's code when the class code differs (a local orientation)
    placement: bool = True  # False for a programme without APL (the preparatory ones)
    patron: bool = False  # every class has a partner company of the programme's sector


@dataclass(frozen=True)
class SchoolPlan:
    """One school of the municipality demo: its form, the grades it teaches and pupils per grade."""

    name: str
    town: int  # index into home_towns
    form: str  # school form code
    cohort: int  # pupils per grade (per programme and grade in a vocational school)
    grades: tuple[str, str] | None = None  # the first and last grade it teaches; all the form's when None
    programmes: tuple[str, ...] = ()  # codes of the demo programmes it teaches


@dataclass(frozen=True)
class Town:
    name: str
    postal_code: str
    area_code: str
    municipality: str


@dataclass(frozen=True)
class CountryData:
    country: str  # ISO code, as stored on organisations
    language: str
    tld: str
    girls: tuple[str, ...]
    boys: tuple[str, ...]
    surnames: tuple[str, ...]
    female_surname: Callable[[str], str]
    streets: tuple[str, ...]
    address: Callable[[str, int], str]
    home_towns: tuple[Town, ...]  # the demo municipality, its main town first
    region_towns: tuple[Town, ...]  # neighbouring municipalities, for the region
    brands: tuple[str, ...]
    companies: dict[str, tuple[str, ...]]  # sector → name templates with {B} brand, {S} surname, {T} town
    public_orgs: tuple[tuple[str, str, str], ...]  # (kind, sector, name template with {T})
    compulsory_schools: tuple[tuple[str, int], ...]  # (name, index into home_towns)
    upper_schools: tuple[tuple[str, int], ...]
    region_school: str  # name template for more schools: {B} brand, {T} town, {n} number
    region_upper_school: str
    programmes: tuple[Programme, ...]
    class_letters: str
    upper_class_name: Callable[[str, str, int], str]  # (programme code, grade, index) → name
    subjects: tuple[str, ...]
    contact_roles: tuple[str, ...]
    municipal_roles: tuple[str, ...]  # the coordinator's own colleagues, first is the coordinator
    jobs: dict[str, str]  # sector → an occupation, for encounter titles
    visit_title: str  # {org}
    encounter_titles: dict[str, tuple[str, ...]]  # kind → templates with {job}, {org}, {T}, {year}
    training_titles: tuple[str, ...]  # {org}, {job}
    networks: tuple[tuple[str, str], ...]
    meeting_titles: tuple[str, ...]  # {network}, {n}
    council_title: str  # {programme}
    plan_title: str  # {year}
    goals: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]
    what_to_bring: tuple[str, ...]
    placement_days: dict[str, int]  # school type code → days of one placement
    school_email_domain: str
    first_grade_age: dict[str, int]  # school type code → age in the first grade
    transport_notes: tuple[str, ...] = ()  # {time} of departure
    region_name: str = ""  # the region demo's name in settings, instead of the municipality's
    school_patrons: tuple[str, ...] = ()  # the {B} of region school names; brands if empty
    patron_classes: float = 0.0  # share of upper-secondary classes sponsored by a company
    patron_commitments: tuple[str, ...] = ()  # the commitments of a patron-class agreement
    cluster: ClusterSpec | None = None  # the first network as a cluster: members, contact log, project
    municipality: tuple[SchoolPlan, ...] = ()  # the municipality demo's schools, in place of the lists above
    max_class: int = 28  # the most pupils a class (group) has
    legal_sex_only: bool = False  # the school registers hold girl/boy only (no other or unspecified)
    # (school form, years older, share): pupils who began later than the form's typical age
    older_students: tuple[tuple[str, int, float], ...] = ()


def country_data(profile_code: str) -> CountryData:
    module = import_module(f"coordinator.demo.names_{profile_code}")
    return module.DATA
