"""Country profiles: their school forms, placement rules, code pages and defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

from coordinator.reference.school_forms import SchoolFormSpec, forms_of

PROFILES: tuple[str, ...] = ("se", "pl", "ru")
SchoolTypeSpec = SchoolFormSpec  # the name before school forms became data


@dataclass(frozen=True)
class Profile:
    code: str
    country: str  # ISO 3166 alpha-2, for holidays and phone numbers
    language: str
    code_page: str  # Windows code page that school systems export with
    date_order: str  # "dmy" or "mdy" for ambiguous d/m/y dates
    school_types: tuple[SchoolFormSpec, ...]  # the school forms a new database starts with
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
        school_types=forms_of("SE"),
        default_compulsory_type="se_grundskola", default_upper_type="se_gymnasium",
        max_hours_per_day_minor=7.0, night_start="20:00", night_end="06:00",
        municipality="Hedemora kommun",
    ),
    "pl": Profile(
        code="pl", country="PL", language="pl", code_page="cp1250", date_order="dmy",
        school_types=forms_of("PL"),
        default_compulsory_type="pl_podstawowa", default_upper_type="pl_technikum",
        max_hours_per_day_minor=8.0, night_start="22:00", night_end="06:00",
        municipality="Gmina Wałbrzych",
    ),
    "ru": Profile(
        code="ru", country="RU", language="ru", code_page="cp1251", date_order="dmy",
        school_types=forms_of("RU"),
        default_compulsory_type="ru_school", default_upper_type="ru_college",
        max_hours_per_day_minor=7.0, night_start="22:00", night_end="06:00",
        municipality="Чайковский городской округ",
    ),
}


def profile(code: str) -> Profile:
    return PROFILE_DATA[code]
