"""Country profiles: school types and their grades, placement rules, code pages, defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

from coordinator.i18n import N_

PROFILES: tuple[str, ...] = ("se", "pl", "ru")


@dataclass(frozen=True)
class SchoolTypeSpec:
    code: str
    name: str  # marked with N_, translated where shown
    grades: tuple[str, ...]
    compulsory: bool
    placement_grades: tuple[str, ...] = ()
    required_placement_days: int = 0


@dataclass(frozen=True)
class Profile:
    code: str
    country: str  # ISO 3166 alpha-2, for holidays and phone numbers
    language: str
    code_page: str  # Windows code page that school systems export with
    date_order: str  # "dmy" or "mdy" for ambiguous d/m/y dates
    school_types: tuple[SchoolTypeSpec, ...]
    default_compulsory_type: str
    default_upper_type: str
    max_hours_per_day_minor: float = 8.0
    night_start: str = "22:00"
    night_end: str = "06:00"
    municipality: str = ""
    extra: dict[str, str] = field(default_factory=dict)


PROFILE_DATA: dict[str, Profile] = {
    "se": Profile(
        code="se", country="SE", language="sv", code_page="cp1252", date_order="dmy",
        school_types=(
            SchoolTypeSpec("se_grundskola", N_("Compulsory school (F–9)"),
                           ("F", "1", "2", "3", "4", "5", "6", "7", "8", "9"), True, ("8", "9"), 10),
            SchoolTypeSpec("se_gymnasium", N_("Upper secondary school (1–3)"), ("1", "2", "3"), False,
                           ("1", "2", "3"), 75),
        ),
        default_compulsory_type="se_grundskola", default_upper_type="se_gymnasium",
        max_hours_per_day_minor=7.0, night_start="20:00", night_end="06:00",
        municipality="Hedemora kommun",
    ),
    "pl": Profile(
        code="pl", country="PL", language="pl", code_page="cp1250", date_order="dmy",
        school_types=(
            SchoolTypeSpec("pl_podstawowa", N_("Primary school (1–8)"),
                           ("1", "2", "3", "4", "5", "6", "7", "8"), True, (), 0),
            SchoolTypeSpec("pl_technikum", N_("Technical upper secondary school (1–5)"),
                           ("1", "2", "3", "4", "5"), False, ("3", "4"), 40),
        ),
        default_compulsory_type="pl_podstawowa", default_upper_type="pl_technikum",
        max_hours_per_day_minor=8.0, night_start="22:00", night_end="06:00",
        municipality="Gmina Wałbrzych",
    ),
    "ru": Profile(
        code="ru", country="RU", language="ru", code_page="cp1251", date_order="dmy",
        school_types=(
            SchoolTypeSpec("ru_school", N_("General school (1–11)"),
                           tuple(str(g) for g in range(1, 12)), True, (), 0),
            SchoolTypeSpec("ru_college", N_("College (courses 1–4)"), ("1", "2", "3", "4"), False,
                           ("2", "3", "4"), 20),
        ),
        default_compulsory_type="ru_school", default_upper_type="ru_college",
        max_hours_per_day_minor=7.0, night_start="22:00", night_end="06:00",
        municipality="Чайковский городской округ",
    ),
}


def profile(code: str) -> Profile:
    return PROFILE_DATA[code]
