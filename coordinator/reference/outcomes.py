"""Who leaves and who graduates in each school type, and which programmes one gender dominates.

Leavers are the pupils of the grade after which pupils choose their next school: grade 9 of the
Swedish grundskola, grade 8 of the Polish szkoła podstawowa, and grade 9 of the Russian general
school (after it, 10th grade or a college). Graduates are the pupils of the last grade of a school
type that is not compulsory (gymnasium 3, technikum 5, college course 4). A school type the user
added follows the same rule: compulsory → its last grade are leavers; otherwise → graduates.

Women's share (per cent, rounded) of the pupils enrolled per programme, by national enrolment
statistics; a programme is dominated by one gender when that gender holds 60 % or more of its
pupils, as the issue asks (the sectors' marks use "above 60 %" of the workforce instead). Sources:
- SE: Skolverket, "Elever i gymnasieskolan läsåret 2023/24" (pupils by national programme and sex);
- PL: GUS, "Oświata i wychowanie w roku szkolnym 2022/2023" (technikum and branżowa szkoła I
  stopnia pupils by occupation and sex);
- RU: Минпросвещения России, форма СПО-1 на 1 октября 2023 (students by speciality and sex).
The figures are rounded from those tables for the programmes most chosen; a programme not listed
has no figure, so a choice of it is never counted as non-traditional.
"""

from __future__ import annotations

LEAVER_GRADES: dict[str, str] = {"se_grundskola": "9", "pl_podstawowa": "8", "ru_school": "9"}

DOMINANCE_SHARE = 60  # per cent of a programme's pupils

# Programme code → women's share of its pupils, per country profile.
FEMALE_SHARE: dict[str, dict[str, int]] = {
    "se": {
        "BA": 9, "BF": 59, "EE": 11, "EK": 53, "ES": 68, "FT": 12, "HA": 50, "HT": 70, "HU": 81, "HV": 84,
        "IN": 16, "NA": 55, "NB": 66, "RL": 49, "SA": 64, "TE": 27, "VF": 5, "VO": 77,
    },
    "pl": {
        "351203": 7, "351406": 9, "311504": 6, "311513": 4, "311303": 4, "311204": 27, "331403": 76,
        "422402": 78, "343404": 82, "333107": 52, "333906": 73, "723103": 2, "741103": 2, "514101": 93,
        "512001": 46, "522301": 71, "343104": 53, "325402": 88,
    },
    "ru": {
        "09.02.07": 19, "15.02.16": 14, "23.02.07": 3, "34.02.01": 92, "44.02.01": 96, "38.02.01": 81,
        "43.02.15": 66, "08.02.01": 25, "13.02.11": 5, "40.02.01": 71, "43.01.09": 58, "15.01.05": 3,
        "44.02.02": 94, "31.02.01": 69,
    },
}


def dominated_by(profile: str, code: str | None) -> str | None:
    """"girl" or "boy" when one gender holds 60 % or more of the programme's pupils, else None."""
    share = FEMALE_SHARE.get(profile, {}).get((code or "").strip().upper())
    if share is None:
        return None
    if share >= DOMINANCE_SHARE:
        return "girl"
    if 100 - share >= DOMINANCE_SHARE:
        return "boy"
    return None


def programmes_dominated(profile: str) -> dict[str, str]:
    """Programme code → the gender that dominates it, for the programmes that have one."""
    out: dict[str, str] = {}
    for code in FEMALE_SHARE.get(profile, {}):
        gender = dominated_by(profile, code)
        if gender:
            out[code] = gender
    return out


def form_name(code: str) -> str:
    """The translated name of a school type shipped with a profile, or its code for one a user added."""
    from coordinator.i18n import _
    from coordinator.reference.profiles import PROFILE_DATA

    for profile in PROFILE_DATA.values():
        for spec in profile.school_types:
            if spec.code == code:
                return _(spec.name)
    return code
