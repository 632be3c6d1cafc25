"""Reading an import file into a checked plan: encoding, delimiter, headers, values, problems.

Nothing is written here; the whole file is checked before any row is imported.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from coordinator.i18n import _
from coordinator.reference.profiles import PROFILE_DATA
from coordinator.transfer import values as v
from coordinator.transfer.headers import recognise, repeated_columns
from coordinator.transfer.plan import FIELDS, KINDS, FieldSpec, ImportPlan, PlanRow, Problem, field_spec
from coordinator.transfer.reading import ReadError, Sheet, column_letter
from coordinator.transfer.sheets import read_sheet

# The fields that together say "the same record" inside one file, by kind.
_IDENTITY: dict[str, tuple[tuple[str, ...], ...]] = {
    "pupils": (("external_id",), ("first_name", "last_name", "class_name", "school")),
    "organisations": (("org_number",), ("name",)),
    "contacts": (("first_name", "last_name", "organisation", "org_number"),),
    "placements": (("external_id", "first_name", "last_name", "class_name", "organisation", "org_number",
                    "start_date"),),
    "study-visits": (("organisation", "org_number", "start_date", "class_name"),),
    "network-members": (("network", "member"),),
    "contact-log": (("organisation", "org_number", "date", "channel", "asked"),),
    "offers": (("organisation", "org_number", "start_date", "end_date"),),
    "wishes": (("external_id", "first_name", "last_name", "class_name", "school", "rank"),),
    "choices": (("external_id", "first_name", "last_name", "class_name", "school", "rank"),),
    "destinations": (("external_id", "first_name", "last_name", "class_name", "school", "months_after",
                      "follow_up_on"),),
}


# The kinds whose rows name a pupil, by pupil id or by first and last name.
_NAMES_A_PUPIL = ("placements", "wishes", "choices", "destinations")


def analyse_file(path: Path, kind: str, *, profile: str, mapping: dict[str, str] | None = None,
                 encoding: str | None = None) -> ImportPlan:
    """Read and check a CSV or XLSX file; nothing is written. Every problem names a row and a column."""
    if kind not in KINDS:
        raise ValueError(kind)
    spec = PROFILE_DATA.get(profile, PROFILE_DATA["se"])
    plan = ImportPlan(kind=kind, encoding=None, delimiter=None, headers=[], mapping={}, unknown_headers=[],
                      rows=[], problems=[], profile=spec.code, source=str(path))
    try:
        sheet = read_sheet(Path(path), profile=spec.code, encoding=encoding, mapping=mapping)
    except ReadError as exc:
        plan.problems.append(Problem(exc.row, exc.column, exc.message))
        plan.needs_encoding_choice = exc.needs_encoding_choice
        return plan
    plan.encoding, plan.delimiter, plan.file_format = sheet.encoding, sheet.delimiter, sheet.file_format
    plan.header_row = sheet.header_row
    plan.headers = unique_headers(sheet.headers)
    plan.mapping, plan.unknown_headers = recognise(kind, plan.headers, mapping)
    for first, second, name in repeated_columns(kind, plan.headers, mapping):
        label = field_spec(kind, name).label  # type: ignore[union-attr]
        plan.problems.append(Problem(sheet.header_row, second, _(
            "The columns “{first}” and “{second}” both mean “{field}”; keep one, or choose one with a "
            "mapping.").format(first=first, second=second, field=label)))
    plan.needs_encoding_choice = sheet.needs_encoding_choice
    plan.encoding_sample = sheet.suspicious
    if sheet.needs_encoding_choice:
        plan.problems.append(_encoding_problem(sheet, plan))
        return plan
    _check_columns(plan, sheet.header_row)
    if not sheet.rows:
        plan.problems.append(Problem(sheet.header_row, plan.headers[0] if plan.headers else "A",
                                     _("The file has a header but no rows below it.")))
        return plan
    parser = _Parser(plan, spec.country, spec.date_order, sheet)
    for number, cells in sheet.rows:
        plan.rows.append(parser.row(number, cells))
    _check_duplicates(plan)
    return plan


def unique_headers(headers: list[str]) -> list[str]:
    """Each column's name for messages: its header, its letter when empty, header and letter when repeated."""
    seen: set[str] = set()
    out = []
    for index, header in enumerate(headers):
        name = header or column_letter(index)
        if name.casefold() in seen:
            name = f"{name} ({column_letter(index)})"
        seen.add(name.casefold())
        out.append(name)
    return out


def _encoding_problem(sheet: Sheet, plan: ImportPlan) -> Problem:
    word = sheet.suspicious
    row, column = sheet.header_row, plan.headers[0] if plan.headers else "A"
    for i, header in enumerate(sheet.headers):
        if word and word in header:
            row, column = sheet.header_row, plan.headers[i]
            break
    else:
        for number, cells in sheet.rows:
            hit = next((i for i, c in enumerate(cells) if word and word in v.cell_text(c)), None)
            if hit is not None:
                row = number
                column = plan.headers[hit] if hit < len(plan.headers) else column_letter(hit)
                break
    return Problem(row, column, _("“{word}” does not look right read as {encoding}; choose the file's "
                                  "encoding.").format(word=word, encoding=sheet.encoding))


def _check_columns(plan: ImportPlan, header_row: int) -> None:
    present = set(plan.mapping.values())
    kind = plan.kind
    missing: list[FieldSpec] = [f for f in FIELDS[kind] if f.required and f.name not in present]
    if kind == "pupils" and "class_name" not in present:
        missing.append(field_spec(kind, "class_name"))  # type: ignore[arg-type]
    for spec in missing:
        plan.problems.append(Problem(header_row, spec.label, _("The column is missing; map one of the file's "
                                                               "columns to “{field}”.").format(field=spec.label)))
    if kind in _NAMES_A_PUPIL and "external_id" not in present \
            and not {"first_name", "last_name"} <= present:
        plan.problems.append(Problem(header_row, _("Pupil id"), _("The pupil cannot be found: give a pupil id "
                                                                  "column, or first and last name columns.")))
    if kind == "wishes":
        _check_wish_columns(plan, header_row, present)
    if kind == "choices" and not present & {"programme", "programme_code"}:
        plan.problems.append(Problem(header_row, _("Programme chosen"), _(
            "The choice cannot be found: give a column of the programme or occupation chosen.")))
    if kind in ("placements", "study-visits", "offers") and not present & {"organisation", "org_number"}:
        plan.problems.append(Problem(header_row, _("Organisation"), _("The workplace cannot be found: give an "
                                                                      "organisation name or number column.")))


def _check_wish_columns(plan: ImportPlan, header_row: int, present: set[str]) -> None:
    """Wishes come as columns Wish 1, Wish 2, … or as one wish a row with a rank column."""
    if not any(name.startswith("wish_") for name in present) and not {"organisation", "rank"} <= present:
        plan.problems.append(Problem(header_row, _("Wish {number}").format(number=1), _(
            "The wishes cannot be found: give columns Wish 1, Wish 2, … or an organisation and a rank column.")))


class _Parser:
    def __init__(self, plan: ImportPlan, country: str, date_order: str, sheet: Sheet):
        self.plan = plan
        self.country = country
        self.date_order = date_order
        self.epoch = sheet.epoch
        self.columns = [(i, header, field_spec(plan.kind, plan.mapping[header]))
                        for i, header in enumerate(plan.headers) if header in plan.mapping]

    def row(self, number: int, cells: list[Any]) -> PlanRow:
        values: dict[str, Any] = {}
        raw: dict[str, str] = {}
        for index, header, spec in self.columns:
            assert spec is not None
            cell = cells[index] if index < len(cells) else None
            text = v.cell_text(cell)
            raw[spec.name] = text
            if not text:
                if spec.required:
                    self.problem(number, header, _("The cell is empty."))
                continue
            try:
                values[spec.name] = _within_length(spec, self.parse(spec, cell, text))
            except v.CellError as exc:
                self.problem(number, header, str(exc))
        self.finish(number, values, raw)
        return PlanRow(number, values, raw)

    def parse(self, spec: FieldSpec, cell: Any, text: str) -> Any:
        kind = spec.kind
        if kind == "text":
            return unicodedata.normalize("NFC", text)
        if kind == "date":
            return v.parse_date(cell, date_order=self.date_order, epoch=self.epoch or v.WINDOWS_1900)
        if kind == "time":
            return v.parse_time(cell)
        if kind == "gender":
            return v.parse_gender(cell, self.plan.profile)
        if kind == "sector":
            return v.parse_sector(cell)
        if kind == "org_number":
            return v.parse_org_number(cell, self.country)
        if kind == "int":
            return v.parse_int(cell)
        if kind == "float":
            return v.parse_float(cell)
        if kind == "bool":
            return v.parse_bool(cell)
        if kind == "email":
            return v.parse_email(cell)
        if kind == "phone":
            return v.parse_phone(cell, self.country)
        if kind == "grade":
            return v.parse_grade(cell)
        if kind == "status":
            return v.parse_status(cell)
        if kind == "activity_status":
            return v.parse_status(cell, activity=True)
        if kind == "org_kind":
            return v.parse_org_kind(cell)
        if kind == "destination":
            from coordinator.transfer.outcome_values import parse_destination

            return parse_destination(cell)
        if kind == "personal_number":  # kept only as the birth date it holds, never stored
            return v.birth_date_of(cell, self.country)
        return text

    def problem(self, row: int, column: str, message: str) -> None:
        self.plan.problems.append(Problem(row, column, message))

    def finish(self, number: int, values: dict[str, Any], raw: dict[str, str]) -> None:
        plan, kind = self.plan, self.plan.kind
        if kind == "pupils" and "personal_number" in values:
            born = values.pop("personal_number")
            values.setdefault("birth_date", born)
        if kind == "pupils" and "grade" not in values and values.get("class_name"):
            # None when the name tells no grade: a problem only if the class does not exist yet (see apply).
            values["grade"] = v.grade_of_class(values["class_name"], plan.profile)
        mapped = plan.mapping.values()
        unnamed = "external_id" not in values and not (values.get("first_name") and values.get("last_name"))
        if kind in _NAMES_A_PUPIL and unnamed and ("external_id" in mapped or "first_name" in mapped):
            column = plan.column_of("external_id" if "external_id" in mapped else "first_name")
            self.problem(number, column, _("The pupil is not named: give a pupil id or a first and last name."))
        if kind in ("placements", "study-visits", "offers", "contact-log"):
            if not values.get("organisation") and not values.get("org_number"):
                names = plan.mapping.values()
                if "organisation" in names or "org_number" in names:
                    column = plan.column_of("organisation" if "organisation" in names else "org_number")
                    self.problem(number, column, _("The workplace is not named."))
            start, end = values.get("start_date"), values.get("end_date")
            if start and end and end < start:
                self.problem(number, plan.column_of("end_date"), _("The end date is before the start date."))
        if kind in ("placements", "offers") and "hours_per_day" in values and not 0 < values["hours_per_day"] <= 24:
            self.problem(number, plan.column_of("hours_per_day"), _("Hours per day must be between 0 and 24."))
        if kind == "placements" and values.get("daily_start") and values.get("daily_start") == values.get("daily_end"):
            self.problem(number, plan.column_of("daily_end"), _("The working day ends at the time it starts."))


def _within_length(spec: FieldSpec, value: Any) -> Any:
    """A value kept as written must fit its column: refused, never cut."""
    if spec.max_length and isinstance(value, str) and len(value) > spec.max_length:
        raise v.CellError(_("The text is longer than {limit} characters.").format(limit=spec.max_length))
    return value


def _check_duplicates(plan: ImportPlan) -> None:
    """A row that names the same record as an earlier row is a problem (the first one stands)."""
    bad = plan.bad_rows
    mapped = set(plan.mapping.values())
    seen: dict[tuple, int] = {}
    for row in plan.rows:
        if row.row in bad:
            continue
        for index, fields in enumerate(_IDENTITY[plan.kind]):
            present = [f for f in fields if f in mapped]
            key_values = tuple(_key(row.values.get(f)) for f in present)
            if not present or all(k in ("", None) for k in key_values):
                continue
            if len(_IDENTITY[plan.kind]) > 1 and len(fields) == 1 and key_values[0] in ("", None):
                continue
            key = (index, *key_values)
            if key in seen:
                plan.problems.append(Problem(row.row, plan.column_of(present[0]), _(
                    "This row repeats row {first}.").format(first=seen[key])))
            else:
                seen[key] = row.row
            break


def _key(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value
