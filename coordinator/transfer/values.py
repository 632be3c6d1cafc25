"""Turning the text (or XLSX value) of one cell into a typed value, or a translated reason why not.

Gender letters, decided per profile because a letter means different words in each language:
- Swedish profile (and English words): F (flicka, female), K (kvinna), G (girl) → girl;
  P (pojke), M (man, male), B (boy) → boy.
- Polish profile: K (kobieta), D (dziewczynka), F (female) → girl; M (mężczyzna), C (chłopiec), B (boy) → boy.
- Russian profile: Ж (женский), Д (девочка), F → girl; М (мужской), M (Latin), B → boy.
- Every profile: X (as in passports) → other.
Whole words in any of the four languages are recognised in every profile (words for a gender
beyond girl and boy among them: never forced into a binary answer). An empty cell is
"unspecified"; any other text is refused with the accepted words in the file's language, so that
a typing slip does not quietly become "other".
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from coordinator.i18n import _
from coordinator.enums import ActivityStatus, OrganisationKind, PlacementStatus
from coordinator.validation import normalise_email, normalise_org_number, normalise_phone


class CellError(ValueError):
    """A cell's value cannot be used; `str()` is the translated reason."""


GENDER_WORDS: dict[str, str] = {
    **dict.fromkeys(("girl", "female", "woman", "f", "flicka", "tjej", "kvinna", "kvinnlig", "dziewczynka",
                     "dziewczyna", "kobieta", "żeński", "zenski", "k", "девочка", "девушка", "женский", "жен", "ж",
                     "женщина"), "girl"),
    **dict.fromkeys(("boy", "male", "man", "pojke", "kille", "manlig", "chłopiec", "chlopiec", "chłopak",
                     "mężczyzna", "mezczyzna", "męski", "meski", "мальчик", "юноша", "мужской", "муж", "м",
                     "мужчина"), "boy"),
    **dict.fromkeys(("non-binary", "nonbinary", "non binary", "ickebinär", "icke-binär", "annan", "annat",
                     "niebinarna", "niebinarny", "niebinarne", "inna", "inny", "inne", "небинарный", "небинарная",
                     "другой", "другое", "иной"), "other"),
    **dict.fromkeys(("unknown", "okänt", "okänd", "nieznana", "nieznany", "неизвестно"), "unspecified"),
}

GENDER_LETTERS: dict[str, dict[str, str]] = {
    "se": {"f": "girl", "k": "girl", "g": "girl", "p": "boy", "m": "boy", "b": "boy", "x": "other"},
    "pl": {"k": "girl", "d": "girl", "f": "girl", "m": "boy", "c": "boy", "b": "boy", "x": "other"},
    "ru": {"ж": "girl", "д": "girl", "f": "girl", "м": "boy", "m": "boy", "b": "boy", "x": "other"},
}
PROFILE_LANGUAGE = {"se": "sv", "pl": "pl", "ru": "ru"}

# NACE Rev. 2 divisions (the first two digits of SNI, PKD and ОКВЭД 2 codes) → section letter.
_DIVISION_RANGES: tuple[tuple[int, int, str], ...] = (
    (1, 3, "A"), (5, 9, "B"), (10, 33, "C"), (35, 35, "D"), (36, 39, "E"), (41, 43, "F"), (45, 47, "G"),
    (49, 53, "H"), (55, 56, "I"), (58, 63, "J"), (64, 66, "K"), (68, 68, "L"), (69, 75, "M"), (77, 82, "N"),
    (84, 84, "O"), (85, 85, "P"), (86, 88, "Q"), (90, 93, "R"), (94, 96, "S"), (97, 98, "T"), (99, 99, "U"),
)
DIVISION_SECTION: dict[int, str] = {d: s for lo, hi, s in _DIVISION_RANGES for d in range(lo, hi + 1)}

_SECTOR_CODE = re.compile(r"^([A-U])?\s*(\d{2})(?:[.\s]?\d{1,2})?(?:[.\s]?\d{1,2})?(?:[.\s]?[A-Z])?$")
_TIME = r"(?:[T ]\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
_ISO = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME + "$")
_DMY_DOT = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})" + _TIME + "$")
_DMY_SLASH = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})" + _TIME + "$")
_SERIAL = re.compile(r"^\d{1,6}(?:[.,]\d+)?$")
_GRADE_OF_CLASS = re.compile(r"^\s*(\d{1,2})(?!\d)")
_SWEDISH_F_CLASS = re.compile(r"^\s*F(?:\s*[-_ ]?\s*[A-ZÅÄÖa-zåäö])?\s*$")

MIN_YEAR, MAX_YEAR = 1900, 2100
# The days an Excel serial number counts from (openpyxl's CALENDAR_WINDOWS_1900 and CALENDAR_MAC_1904),
# written here so that reading a file does not import openpyxl.
WINDOWS_1900 = dt.datetime(1899, 12, 30)
MAC_1904 = dt.datetime(1904, 1, 1)


def cell_text(value: Any) -> str:
    """A cell as the text a person sees; whole floats lose their '.0', datetimes become ISO."""
    if type(value) is str:  # nearly every cell: the checks below are for the others
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value: Any, *, date_order: str = "dmy", epoch: dt.datetime = WINDOWS_1900) -> dt.date:
    """ISO, dd.mm.yyyy, d/m/yyyy (m/d/yyyy when the profile says so) or an Excel serial number."""
    if isinstance(value, dt.datetime):
        return _check_year(value.date(), value)
    if isinstance(value, dt.date):
        return _check_year(value, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(float(value), epoch, value)
    text = re.sub(r"\s*(?:r\.|г\.|г|år)$", "", cell_text(value))  # "14.09.2026 r.", "14.09.2026 г."
    if (m := _ISO.match(text)):
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif (m := _DMY_DOT.match(text)):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := _DMY_SLASH.match(text)):
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        d, mo = (b, a) if date_order == "mdy" else (a, b)
    elif _SERIAL.match(text):
        return _serial(float(text.replace(",", ".")), epoch, text)
    else:
        raise CellError(_("“{value}” is not a date; write it like 2026-09-14 or 14.09.2026.").format(value=text))
    hour, minute, second = (int(part or 0) for part in m.groups()[-3:])
    try:
        day = dt.date(y, mo, d)
        dt.time(hour, minute, second)  # 25:61 is not a time of any day
    except ValueError as exc:
        raise CellError(_("“{value}” is not a date that exists.").format(value=text)) from exc
    return _check_year(day, text)


def _serial(number: float, epoch: dt.datetime, shown: Any) -> dt.date:
    if not 1 <= number < 2958466:
        raise CellError(_("“{value}” is not a date; write it like 2026-09-14 or 14.09.2026.").format(value=shown))
    from openpyxl.utils.datetime import from_excel

    try:
        converted = from_excel(number, epoch=epoch)
    except (ValueError, OverflowError) as exc:
        raise CellError(_("“{value}” is not a date that exists.").format(value=shown)) from exc
    day = converted.date() if isinstance(converted, dt.datetime) else converted
    return _check_year(day, shown)


def _check_year(day: dt.date, shown: Any) -> dt.date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CellError(_("The date “{value}” is outside the years {first}–{last}.").format(
            value=cell_text(shown), first=MIN_YEAR, last=MAX_YEAR))
    return day


def parse_gender(value: Any, profile: str) -> str:
    text = cell_text(value).casefold().rstrip(".")
    if not text:
        return "unspecified"
    if len(text) == 1:
        letters = GENDER_LETTERS.get(profile, GENDER_LETTERS["se"])
        if text in letters:
            return letters[text]
    if text in GENDER_WORDS and len(text) > 1:
        return GENDER_WORDS[text]
    found = _gender_labels().get(text)
    if found is None:
        raise CellError(_("“{value}” is not a gender; write one of: {words}.").format(
            value=cell_text(value), words=accepted_gender_words(profile)))
    return found


def accepted_gender_words(profile: str) -> str:
    """The app's gender words in the file's language, then the profile's letters: "Flicka, Pojke, …, F, P"."""
    from coordinator.i18n import use_language
    from coordinator.enums import Gender

    with use_language(PROFILE_LANGUAGE.get(profile, "en")):
        words = [member.label for member in Gender]
    letters = [letter.upper() for letter in GENDER_LETTERS.get(profile, GENDER_LETTERS["se"])]
    return ", ".join(words + letters)


@lru_cache(maxsize=1)
def _gender_labels() -> dict[str, str]:
    """The app's own gender labels in every language (what our export writes), to their values."""
    from coordinator.i18n import LANGUAGES, use_language
    from coordinator.enums import Gender

    table: dict[str, str] = {}
    for member in Gender:
        table[member.value] = member.value
        for language in LANGUAGES:
            with use_language(language):
                table.setdefault(member.label.casefold(), member.value)
    return table


def parse_sector(value: Any) -> str:
    """A NACE section letter, or a NACE/SNI/PKD/ОКВЭД code (25620, 43.21, 25.62.Z, C25.6) → its section."""
    text = cell_text(value).upper().replace(",", ".")
    if len(text) == 1 and "A" <= text <= "U":
        return text
    if len(text) == 1 and text.isdigit():  # a code whose leading zero a spreadsheet dropped, like 1 for 01
        text = "0" + text
    match = _SECTOR_CODE.match(text)
    if match and (int(match.group(2)) in DIVISION_SECTION):
        section = DIVISION_SECTION[int(match.group(2))]
        if match.group(1) and match.group(1) != section:
            raise CellError(_("“{value}”: section {letter} does not match division {division}.").format(
                value=text, letter=match.group(1), division=match.group(2)))
        return section
    raise CellError(_("“{value}” is not a sector: give a letter A–U or a code like 25620 or 43.21.").format(
        value=cell_text(value)))


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11}
_ROMAN_CLASS = re.compile(r"^\s*(XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?:\s*[-_ ]?\s*[a-zа-яё]|\s*[-_ ]\s*[A-ZА-ЯЁ])?\s*$")


def grade_of_class(class_name: str, profile: str) -> str | None:
    """'8B', '8b', '8Б', '8 A' → '8'; Swedish 'F', 'FA' → 'F'; Polish and Russian 'VIIa', 'III b' → '7', '3'.

    None when the name tells no grade.
    """
    match = _GRADE_OF_CLASS.match(class_name or "")
    if match:
        return str(int(match.group(1)))
    if profile == "se" and _SWEDISH_F_CLASS.match(class_name or ""):
        return "F"
    roman = _ROMAN_CLASS.match(class_name or "") if profile in ("pl", "ru") else None
    if roman:
        return str(_ROMAN[roman.group(1)])
    return None


def parse_grade(value: Any) -> str:
    text = cell_text(value).strip().upper()
    if text in ("F", "FK", "FSK", "0"):
        return "F"
    match = re.fullmatch(r"(\d{1,2})", text)
    if not match:
        raise CellError(_("“{value}” is not a grade.").format(value=cell_text(value)))
    return str(int(match.group(1)))


def parse_int(value: Any) -> int:
    text = cell_text(value).replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"-?\d{1,9}", text):
        raise CellError(_("“{value}” is not a whole number.").format(value=cell_text(value)))
    number = int(text)
    if number < 0:
        raise CellError(_("“{value}” is less than zero.").format(value=text))
    return number


def parse_float(value: Any) -> float:
    text = cell_text(value).replace(" ", "").replace(",", ".")
    if not re.fullmatch(r"\d{1,4}(?:\.\d{1,4})?", text):
        raise CellError(_("“{value}” is not a number.").format(value=cell_text(value)))
    return float(text)


_TRUE = {"1", "x", "yes", "y", "true", "ja", "j", "sant", "tak", "t", "да", "д", "истина", "+"}
_FALSE = {"0", "no", "n", "false", "nej", "falskt", "nie", "нет", "н", "ложь", "-"}


_CLOCK = re.compile(r"^(\d{1,2})(?:[:.](\d{2})(?::(\d{2}))?)?$")


def parse_time(value: Any) -> dt.time:
    """A time of day: 8, 08:00, 8.30, 16:30:00, a spreadsheet's time or its fraction of a day (0.5 = 12:00)."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:
        minutes = round(value * 24 * 60)
        return dt.time(minutes // 60 % 24, minutes % 60)
    text = cell_text(value)
    match = _CLOCK.match(text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
        raise CellError(_("“{value}” is not a time of day; write it like 08:00 or 16:30.").format(value=text))
    return dt.time(int(match.group(1)), int(match.group(2) or 0))


def parse_bool(value: Any) -> bool:
    text = cell_text(value).casefold()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise CellError(_("“{value}” is neither yes nor no.").format(value=cell_text(value)))


_PLACEMENT_STATUS_WORDS: dict[str, str] = {
    **dict.fromkeys(("requested", "förfrågad", "begärd", "ansökt", "zgłoszona", "wnioskowana", "запрошена",
                     "заявка"), "requested"),
    **dict.fromkeys(("confirmed", "bekräftad", "klar", "potwierdzona", "подтверждена"), "confirmed"),
    **dict.fromkeys(("completed", "done", "genomförd", "avslutad", "zakończona", "zrealizowana", "завершена",
                     "пройдена"), "completed"),
    **dict.fromkeys(("cancelled", "canceled", "inställd", "avbokad", "anulowana", "odwołana", "отменена"),
                    "cancelled"),
}

_ACTIVITY_STATUS_WORDS: dict[str, str] = {
    **dict.fromkeys(("planned", "planerad", "planowana", "запланирована"), "planned"),
    **dict.fromkeys(("done", "completed", "genomförd", "zrealizowana", "odbyła się", "проведена"), "done"),
    **dict.fromkeys(("cancelled", "canceled", "inställd", "odwołana", "anulowana", "отменена"), "cancelled"),
}


@lru_cache(maxsize=2)
def _status_lookup(activity: bool) -> dict[str, str]:
    from coordinator.i18n import LANGUAGES, use_language

    enum_cls = ActivityStatus if activity else PlacementStatus
    table = dict(_ACTIVITY_STATUS_WORDS if activity else _PLACEMENT_STATUS_WORDS)
    for member in enum_cls:
        table[member.value] = member.value
        for language in LANGUAGES:
            with use_language(language):
                table.setdefault(member.label.casefold(), member.value)
    return table


def parse_status(value: Any, *, activity: bool = False) -> str:
    enum_cls = ActivityStatus if activity else PlacementStatus
    text = cell_text(value).casefold()
    found = _status_lookup(activity).get(text)
    if found is None:
        options = ", ".join(m.label for m in enum_cls)
        raise CellError(_("“{value}” is not a status; use one of: {options}.").format(value=cell_text(value),
                                                                                      options=options))
    return found


def parse_org_kind(value: Any) -> str:
    from coordinator.i18n import LANGUAGES, use_language

    text = cell_text(value).casefold()
    for member in OrganisationKind:
        if text == member.value:
            return member.value
        for language in LANGUAGES:
            with use_language(language):
                if text == member.label.casefold():
                    return member.value
    options = ", ".join(m.label for m in OrganisationKind)
    raise CellError(_("“{value}” is not a kind of organisation; use one of: {options}.").format(
        value=cell_text(value), options=options))


def birth_date_of(value: Any, country: str) -> dt.date:
    """The birth date a Swedish personnummer or a Polish PESEL holds (python-stdnum checks the number)."""
    from stdnum.exceptions import ValidationError
    from stdnum.pl import pesel
    from stdnum.se import personnummer

    module = {"SE": personnummer, "PL": pesel}.get(country.upper())
    text = cell_text(value)
    if module is None:
        raise CellError(_("A personal identity number gives a birth date only in Sweden and Poland; "
                          "add a date of birth column."))
    try:
        return module.get_birth_date(module.validate(text))
    except ValidationError:
        raise CellError(_("“{value}” is not a valid personal identity number.").format(value=text)) from None


def parse_org_number(value: Any, country: str) -> str:
    try:
        return normalise_org_number(cell_text(value), country)
    except ValueError as exc:
        raise CellError(str(exc)) from exc


def parse_email(value: Any) -> str:
    try:
        return normalise_email(cell_text(value))
    except ValueError as exc:
        raise CellError(str(exc)) from exc


def parse_phone(value: Any, country: str) -> str:
    """The international form when the number is one; otherwise the text as written (an extension, a
    note); the field's length is checked by the caller, so nothing is ever cut."""
    text = cell_text(value)
    try:
        return normalise_phone(text, country)
    except ValueError:
        return text
