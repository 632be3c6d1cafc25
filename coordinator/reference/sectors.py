"""The 21 NACE Rev. 2 sections and each country's gender dominance by the 40/60 rule.

Women's share of the employed per section, rounded, from the national labour-force surveys:
Statistics Sweden (SCB, AKU 2023), Statistics Poland (GUS, BAEL 2023) and Rosstat
("Labour and employment in Russia", 2023). A section is dominated by one gender when that
gender holds more than 60 % of its workforce (so 40 % or less of the other). The coordinator
can edit every figure in the app; these are the defaults written by `init`.
"""

from __future__ import annotations

from dataclasses import dataclass

from coordinator.i18n import N_, _

SECTION_CODES: tuple[str, ...] = tuple("ABCDEFGHIJKLMNOPQRSTU")

SECTION_NAMES: dict[str, str] = {
    "A": N_("Agriculture, forestry and fishing"),
    "B": N_("Mining and quarrying"),
    "C": N_("Manufacturing"),
    "D": N_("Electricity, gas, steam and air conditioning supply"),
    "E": N_("Water supply, sewerage, waste management"),
    "F": N_("Construction"),
    "G": N_("Wholesale and retail trade"),
    "H": N_("Transportation and storage"),
    "I": N_("Accommodation and food service"),
    "J": N_("Information and communication"),
    "K": N_("Financial and insurance activities"),
    "L": N_("Real estate activities"),
    "M": N_("Professional, scientific and technical activities"),
    "N": N_("Administrative and support service activities"),
    "O": N_("Public administration and defence"),
    "P": N_("Education"),
    "Q": N_("Human health and social work"),
    "R": N_("Arts, entertainment and recreation"),
    "S": N_("Other service activities"),
    "T": N_("Activities of households as employers"),
    "U": N_("Extraterritorial organisations"),
}

# Women's share (per cent) of the employed in each section.
FEMALE_SHARE: dict[str, dict[str, int]] = {
    "se": {"A": 24, "B": 15, "C": 24, "D": 27, "E": 22, "F": 10, "G": 45, "H": 23, "I": 52, "J": 31,
           "K": 50, "L": 39, "M": 46, "N": 44, "O": 58, "P": 74, "Q": 79, "R": 52, "S": 58, "T": 75, "U": 50},
    "pl": {"A": 37, "B": 11, "C": 36, "D": 26, "E": 26, "F": 7, "G": 54, "H": 23, "I": 63, "J": 32,
           "K": 68, "L": 55, "M": 55, "N": 44, "O": 57, "P": 79, "Q": 82, "R": 56, "S": 62, "T": 85, "U": 50},
    "ru": {"A": 33, "B": 22, "C": 38, "D": 31, "E": 33, "F": 14, "G": 58, "H": 28, "I": 71, "J": 43,
           "K": 68, "L": 54, "M": 52, "N": 46, "O": 61, "P": 80, "Q": 79, "R": 63, "S": 65, "T": 70, "U": 50},
}

DOMINANCE_THRESHOLD = 60


@dataclass(frozen=True)
class SectorInfo:
    code: str
    name: str
    female_share: int | None
    dominated_by: str | None  # "girl" (women), "boy" (men) or None for balanced


def dominance(female_share: int | None, threshold: int = DOMINANCE_THRESHOLD) -> str | None:
    """Which gender dominates a sector with this share of women: 'girl', 'boy' or None."""
    if female_share is None:
        return None
    if female_share > threshold:
        return "girl"
    if 100 - female_share > threshold:
        return "boy"
    return None


def sector_name(code: str) -> str:
    """The translated name of a NACE section, e.g. 'C' → 'Tillverkning' in Swedish."""
    return _(SECTION_NAMES[code]) if code in SECTION_NAMES else code


def sector_label(code: str) -> str:
    return f"{code} – {sector_name(code)}"
