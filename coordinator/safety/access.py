"""Right of access (GDPR art. 15): everything held about one pupil or contact person, as JSON or PDF.

Every table is searched: the person's own row, every row that refers to it, and the audit log
entries of all those rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import enum
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Table, and_, or_, select
from sqlalchemy.orm import Session

from coordinator.errors import UserError
from coordinator.i18n import N_, _
from coordinator.models import AuditEntry, Base
from coordinator.safety.atomic import atomic_write
from coordinator.safety.erasure import PERSON_TABLES, not_found
from coordinator.safety.own_files import refuse_own_file
from coordinator.store import Store


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return value


def _rows(session: Session, table: Table, condition) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    result = session.execute(select(table).where(condition)).mappings().all()
    return [{key: _plain(value) for key, value in row.items()} for row in result]


def person_data(session: Session, kind: str, record_id: int) -> dict[str, Any]:
    """All data about one person, table by table, plus the audit log of every record found."""
    if kind not in PERSON_TABLES:
        raise ValueError(kind)
    model = PERSON_TABLES[kind]
    own_table: Table = model.__table__  # type: ignore[assignment]
    own = _rows(session, own_table, own_table.c.id == record_id)
    if not own:
        raise not_found(kind, record_id)
    tables: dict[str, list[dict[str, Any]]] = {own_table.name: own}
    for table in Base.metadata.sorted_tables:
        if table.name in (own_table.name, AuditEntry.__tablename__):
            continue
        columns = [fk.parent for fk in table.foreign_keys if fk.column.table is own_table]
        if not columns:
            continue
        rows = _rows(session, table, or_(*(column == record_id for column in columns)))
        if rows:
            tables[table.name] = rows
    audit = AuditEntry.__table__
    keys = [(name, row["id"]) for name, rows in tables.items() for row in rows if isinstance(row.get("id"), int)]
    conditions = [and_(audit.c.table_name == name, audit.c.record_id == rid) for name, rid in keys]
    audit_rows: list[dict[str, Any]] = []
    for start in range(0, len(conditions), 200):
        audit_rows += _rows(session, audit, or_(*conditions[start:start + 200]))
    audit_rows.sort(key=lambda r: r["id"])
    return {
        "subject": {"kind": kind, "table": own_table.name, "id": record_id},
        "exported_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "tables": tables,
        "audit_log": audit_rows,
    }


def export_person(store: Store, *, kind: str, record_id: int, out: str | Path) -> Path:
    """Write the access export as JSON, or as a readable PDF when `out` ends in .pdf (safe save)."""
    target = Path(out).expanduser()
    refuse_own_file(target, store.path)
    with store.session() as session:
        data = person_data(session, kind, record_id)
    if target.suffix.lower() == ".pdf":
        pdf = render_pdf(data)
        with atomic_write(target, "wb") as fh:
            fh.write(pdf)
    else:
        with atomic_write(target, "w") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
    return target


def _font() -> tuple[str, str]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "CoordinatorSans" in pdfmetrics.getRegisteredFontNames():
        return "CoordinatorSans", "CoordinatorSans-Bold"
    regular = bold = None
    try:
        from coordinator.resources import resource_path

        regular, bold = resource_path("fonts/DejaVuSans.ttf"), resource_path("fonts/DejaVuSans-Bold.ttf")
    except (ImportError, UserError):
        system = Path("/usr/share/fonts/truetype/dejavu")
        if (system / "DejaVuSans.ttf").exists():
            regular, bold = system / "DejaVuSans.ttf", system / "DejaVuSans-Bold.ttf"
    if regular is None or bold is None:
        raise UserError(_("No font that covers every alphabet was found; the PDF was not written."))
    pdfmetrics.registerFont(TTFont("CoordinatorSans", str(regular)))
    pdfmetrics.registerFont(TTFont("CoordinatorSans-Bold", str(bold)))
    return "CoordinatorSans", "CoordinatorSans-Bold"


# Tables and columns no record form shows (N_: translated where shown).
_TABLE_TITLES = {"enrolments": N_("Class memberships"), "encounter_participants": N_("Encounters taken part in"),
                 "study_visit_participants": N_("Study visits taken part in"),
                 "meeting_attendees": N_("Meetings attended"), "actions": N_("Actions of the action plan")}
_COLUMN_LABELS = {"id": N_("Record number"), "goal_id": N_("Goal (number)"), "title": N_("Title"),
                  "responsible_contact_id": N_("Contact person (number)"),
                  "responsible_teacher_id": N_("Teacher (number)"), "due_date": N_("Due date"),
                  "done_on": N_("Done on"), "status": N_("Status"), "target_grades": N_("Target grades"),
                  "position": N_("Order in the goal"), "notes": N_("Notes"), "language": N_("Language"), "created_at": N_("Created"), "updated_at": N_("Last changed"),
                  "left_on": N_("Left school on"), "anonymised": N_("Anonymised"),
                  "pupil_id": N_("Pupil (number)"), "contact_id": N_("Contact person (number)"),
                  "class_id": N_("Class (number)"), "school_year_id": N_("School year (number)"),
                  "encounter_id": N_("Encounter (number)"), "study_visit_id": N_("Study visit (number)"),
                  "meeting_id": N_("Meeting (number)")}


_AUDIT_ACTIONS = {"create": N_("Created"), "update": N_("Changed"), "delete": N_("Deleted"), "erase": N_("Erased"),
                  "anonymise": N_("Anonymised"), "bulk-create": N_("Created"), "bulk-update": N_("Changed"),
                  "bulk-delete": N_("Deleted")}


def _field_names(fields: Any, labels: dict[str, str]) -> str:
    """The audit log's JSON list of field names, as the record's form labels them."""
    try:
        names = json.loads(fields) if isinstance(fields, str) else fields
    except ValueError:
        return str(fields)
    if not isinstance(names, list):
        return "" if names is None else str(names)
    return ", ".join(labels.get(str(name)) or str(name) for name in names)


def _table_words(table_name: str) -> tuple[str, dict[str, str], dict[str, dict[Any, str]]]:
    """A table's heading, field labels and choice labels in the language in force, as its form shows them;
    a table no form edits keeps its own name."""
    from coordinator.services.records import KINDS

    title = table_name.replace("_", " ").capitalize()
    if table_name in _TABLE_TITLES:
        title = _(_TABLE_TITLES[table_name])
    labels: dict[str, str] = {key: _(label) for key, label in _COLUMN_LABELS.items()}
    choices: dict[str, dict[Any, str]] = {}
    for kind in KINDS.values():
        if getattr(kind.model, "__tablename__", None) != table_name:
            continue
        title = _(kind.title) if kind.title else title
        for spec in kind.fields:
            labels.setdefault(spec.name, _(spec.label))
            if spec.choices is not None and spec.name not in choices:
                # Choices read from the database need a session: their raw value will do.
                with contextlib.suppress(Exception):
                    choices[spec.name] = dict(spec.choices(None))  # type: ignore[arg-type]
        break
    if table_name == "actions":
        from coordinator.models import ActionStatus

        choices["status"] = {member.value: member.label for member in ActionStatus}
    return title, labels, choices


def _shown(value: Any, choices: dict[Any, str] | None) -> Any:
    """A stored value as a person reads it: yes/no, a date in the language's format, a choice's label."""
    from coordinator.formatting import format_date, format_datetime

    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if choices and value in choices:
        return choices[value]
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            if len(value) == 10:
                return format_date(dt.date.fromisoformat(value))
            return format_datetime(dt.datetime.fromisoformat(value))
        except ValueError:
            return value
    return value


def _history(audit_log: list[dict[str, Any]], cell: Any) -> Any:
    """The audit log as one table: when, what, which record, which fields."""
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    grid = [[cell(_("When")), cell(_("What")), cell(_("Record")), cell(_("Fields changed"))]]
    for entry in audit_log:
        table_title, labels, _choices = _table_words(str(entry.get("table_name")))
        action = entry.get("action")
        grid.append([cell(_shown(entry.get("at"), None)),
                     cell(_(_AUDIT_ACTIONS[action]) if action in _AUDIT_ACTIONS else action),
                     cell(f"{table_title} {entry.get('record_id')}"), cell(_field_names(entry.get("fields"), labels))])
    table = Table(grid, colWidths=[34 * mm, 35 * mm, 38 * mm, 63 * mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey)]))
    return table


def render_pdf(data: dict[str, Any]) -> bytes:
    """A plain, readable A4 report of `person_data`: one section per table, then the audit log."""
    from io import BytesIO
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from coordinator.formatting import format_date

    regular, bold = _font()
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=11)
    heading = ParagraphStyle("heading", fontName=bold, fontSize=12, leading=15, spaceBefore=8, spaceAfter=4)
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=6)
    subject = data["subject"]
    own = data["tables"][subject["table"]][0]
    name = " ".join(str(own.get(k) or "") for k in ("first_name", "last_name")).strip()
    story: list[Any] = [
        Paragraph(escape(_("Personal data held about {name}").format(name=name)), title),
        Paragraph(escape(_("Exported on {date}. This report lists every record that refers to this person, "
                           "and the history of changes to those records.").format(
            date=format_date(dt.date.today(), "long"))), body),
        Spacer(1, 4 * mm),
    ]

    def cell(value: Any) -> Paragraph:
        return Paragraph(escape("" if value is None else str(value)), body)

    for table_name, rows in data["tables"].items():
        title_text, labels, choices = _table_words(table_name)
        story.append(Paragraph(escape(title_text), heading))
        for row in rows:
            grid = [[cell(labels.get(key) or key.replace("_", " ")), cell(_shown(value, choices.get(key)))]
                    for key, value in row.items()]
            table = Table(grid, colWidths=[50 * mm, 120 * mm])
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story += [table, Spacer(1, 2 * mm)]
    story.append(Paragraph(escape(_("History of changes")), heading))
    story.append(_history(data["audit_log"], cell) if data["audit_log"] else
                 Paragraph(escape(_("No changes are recorded.")), body))

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(regular, 8)
        canvas.drawRightString(A4[0] - 20 * mm, 10 * mm, _("Page {page}").format(page=doc.page))

    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title=_("Access export"))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
