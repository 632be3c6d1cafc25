"""What an import is about: the kinds, their fields, the plan read from a file and the result of applying it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coordinator.changes import Changes
from coordinator.i18n import N_, _

KINDS: tuple[str, ...] = ("pupils", "organisations", "contacts", "placements", "study-visits", "offers", "wishes",
                          "network-members", "contact-log")

# How many wish columns a file of wishes may have ("Wish 1" … "Wish 10"); the setting may allow fewer.
MAX_WISH_COLUMNS = 10


@dataclass(frozen=True)
class FieldSpec:
    """One field a column can be mapped to; `label` is translated when read, `kind` says how values parse."""

    name: str
    source_label: str
    kind: str = "text"  # text, date, time, gender, sector, org_number, int, float, bool, email, phone, status, grade
    required: bool = False
    max_length: int | None = None

    @property
    def label(self) -> str:
        return _(self.source_label)


_BOUNDED_KINDS = ("text", "phone", "email")  # kinds whose value is kept as written, so its length can overflow


def _f(name: str, label: str, kind: str = "text", required: bool = False, max_length: int | None = 100) -> FieldSpec:
    return FieldSpec(name, label, kind, required, max_length if kind in _BOUNDED_KINDS else None)


_FIRST = _f("first_name", N_("First name"), required=True)
_LAST = _f("last_name", N_("Last name"), required=True)
_CLASS = _f("class_name", N_("Class"), max_length=32)
_GRADE = _f("grade", N_("Grade"), "grade")
_SCHOOL = _f("school", N_("School"), max_length=200)
_PUPIL_ID = _f("external_id", N_("Pupil id"), max_length=64)
_ORG_NAME = _f("organisation", N_("Organisation"), max_length=200)
_ORG_NUMBER = _f("org_number", N_("Organisation number"), "org_number")
_PHONE = _f("phone", N_("Phone"), "phone", max_length=32)
_EMAIL = _f("email", N_("E-mail"), "email", max_length=200)
_NOTES = _f("notes", N_("Notes"), max_length=None)
_START = _f("start_date", N_("Start date"), "date", required=True)
_END = _f("end_date", N_("End date"), "date")

FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "pupils": (
        _FIRST, _LAST, _CLASS, _GRADE, _f("gender", N_("Gender"), "gender"),
        _f("birth_date", N_("Date of birth"), "date"), _PUPIL_ID, _SCHOOL,
        _f("protected_identity", N_("Protected identity"), "bool"),
        _f("guardian_name", N_("Guardian"), max_length=200),
        _f("guardian_phone", N_("Guardian's phone"), "phone", max_length=32),
        _NOTES,
    ),
    "organisations": (
        _f("name", N_("Name"), required=True, max_length=200), _ORG_NUMBER, _f("sector", N_("Sector"), "sector"),
        _f("kind", N_("Kind of organisation"), "org_kind"), _f("address", N_("Address"), max_length=200),
        _f("postal_code", N_("Postal code"), max_length=16), _f("town", N_("Town"), max_length=100),
        _f("municipality", N_("Municipality"), max_length=100), _PHONE, _EMAIL,
        _f("website", N_("Website"), max_length=200), _f("places_offered", N_("Places offered"), "int"), _NOTES,
    ),
    "contacts": (
        _FIRST, _LAST, _ORG_NAME, _ORG_NUMBER, _f("role", N_("Role"), max_length=100), _PHONE, _EMAIL, _NOTES,
    ),
    "placements": (
        _PUPIL_ID, _f("first_name", N_("First name")), _f("last_name", N_("Last name")), _CLASS, _SCHOOL,
        _ORG_NAME, _ORG_NUMBER, _START, _f("end_date", N_("End date"), "date", required=True),
        _f("days", N_("Days"), "int"), _f("hours_per_day", N_("Hours per day"), "float"),
        _f("daily_start", N_("Start time"), "time"), _f("daily_end", N_("End time"), "time"),
        _f("status", N_("Status"), "status"), _f("supervisor", N_("Supervisor"), max_length=200), _NOTES,
    ),
    "study-visits": (
        _ORG_NAME, _ORG_NUMBER, _f("title", N_("Title"), max_length=200), _START, _END, _CLASS, _SCHOOL,
        _f("status", N_("Status"), "activity_status"), _NOTES,
    ),
    "network-members": (
        _f("network", N_("Network"), required=True, max_length=200),
        _f("member", N_("Member"), required=True, max_length=200), _f("role", N_("Role"), required=True),
        _f("joined", N_("Joined"), "date"), _f("left", N_("Left"), "date"),
    ),
    "contact-log": (
        _ORG_NAME, _ORG_NUMBER, _f("date", N_("Date"), "date", required=True), _f("channel", N_("Channel")),
        _f("who", N_("Who")), _f("asked", N_("Asked"), max_length=None),
        _f("promised", N_("Promised"), max_length=None), _f("answer", N_("Answer")),
        _f("follow_up", N_("Follow-up"), "date"),
    ),
}


@dataclass(frozen=True)
class WishFieldSpec(FieldSpec):
    """The column of a pupil's n-th wish: "Wish 1", "Önskemål 1", "Wybór 1", "Пожелание 1"."""

    number: int = 1

    @property
    def label(self) -> str:
        return _("Wish {number}").format(number=self.number)


FIELDS["offers"] = (
    _ORG_NAME, _ORG_NUMBER, _f("places", N_("Places"), "int", required=True), _START,
    _f("end_date", N_("End date"), "date", required=True),
    _f("fits", N_("Programmes or sectors"), max_length=200), _f("minimum_age", N_("Minimum age"), "int"),
    _f("hours_per_day", N_("Hours per day"), "float"), _f("address", N_("Address"), max_length=200),
    _f("contact", N_("Contact person"), max_length=200), _NOTES,
)
FIELDS["wishes"] = (
    _PUPIL_ID, _f("first_name", N_("First name")), _f("last_name", N_("Last name")), _CLASS, _SCHOOL,
    *(WishFieldSpec(f"wish_{n}", "Wish {number}", "text", False, 200, number=n)
      for n in range(1, MAX_WISH_COLUMNS + 1)),
    _ORG_NAME, _f("rank", N_("Rank"), "int"),
)


def field_spec(kind: str, name: str) -> FieldSpec | None:
    return next((f for f in FIELDS[kind] if f.name == name), None)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell: `row` as the spreadsheet numbers it (header = 1), `column` its header."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("row {row}, column {column}: {reason}").format(row=self.row, column=self.column,
                                                                 reason=self.message)


@dataclass
class PlanRow:
    """One data row: its spreadsheet row number and its values, parsed, by field name."""

    row: int
    values: dict[str, Any]
    raw: dict[str, str] = field(default_factory=dict)


@dataclass
class ImportPlan:
    kind: str
    encoding: str | None  # None for XLSX
    delimiter: str | None  # None for XLSX
    headers: list[str]
    mapping: dict[str, str]  # header → field name
    unknown_headers: list[str]
    rows: list[PlanRow]
    problems: list[Problem]
    needs_encoding_choice: bool = False
    header_row: int = 1
    profile: str = "se"
    source: str = ""
    file_format: str = "csv"
    encoding_sample: str = ""  # a few words as decoded, to show when asking for the encoding

    def column_of(self, field_name: str) -> str:
        """The header (as written in the file) mapped to a field, for messages."""
        for header, name in self.mapping.items():
            if name == field_name:
                return header
        return field_name

    @property
    def bad_rows(self) -> set[int]:
        return {p.row for p in self.problems}


@dataclass(frozen=True)
class RowChange:
    """What one row did: 'created', 'updated' (with the fields that changed), 'unchanged' or 'skipped'."""

    row: int
    action: str
    fields: tuple[str, ...] = ()


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    rows: list[RowChange] = field(default_factory=list)
    imported: bool = False  # False when nothing was written (problems, dry run)
    dry_run: bool = False
