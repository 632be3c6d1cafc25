"""The generic engine behind every record kind: field specs, SQL list queries, create/update/delete.

A `RecordKind` declares its fields (what a form shows and validates) and its columns (what a
table shows, as SQL expressions), so that one table model and one detail form serve every kind.
Lists are sorted, filtered and paged in SQL; rows come back as plain `Row` tuples, forms as
`RecordValues`; every mutation returns a Changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from sqlalchemy import Select, String, cast, delete, func, insert, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coordinator.changes import Changes, Kind
from coordinator.errors import NotFoundError, UserError, ValidationError, edit_conflict
from coordinator.i18n import _

# Field types a form knows how to edit.
TEXT, LONGTEXT, INT, FLOAT, DATE, DATETIME, TIME, BOOL, CHOICE, REF, MULTIREF = (
    "text", "longtext", "int", "float", "date", "datetime", "time", "bool", "choice", "ref", "multiref")


@dataclass(frozen=True)
class FieldSpec:
    """One editable field. `label` is marked with N_ and translated where shown.

    `choices(session)` gives (value, label) pairs for CHOICE; `ref` names the kind of record a
    REF/MULTIREF field points to (its picker searches with `ref_choices`).
    """

    name: str
    label: str
    type: str = TEXT
    required: bool = False
    choices: Callable[[Session], list[tuple[Any, str]]] | None = None
    ref: str | None = None
    default: Callable[[Session], Any] | None = None
    minimum: float | None = None
    maximum: float | None = None
    # A REF picker limited by another field of the form: (that field, the referenced kind's column it must
    # equal), e.g. a placement's supervisor among the contacts of its workplace: ("host_id", "organisation_id").
    scope: tuple[str, str] | None = None


@dataclass(frozen=True)
class ColumnSpec:
    """One table column: its label (N_), an SQL expression, and how to show its values."""

    name: str
    label: str
    expr: Any
    type: str = TEXT
    searchable: bool = False


@dataclass(frozen=True)
class Row:
    id: int
    cells: tuple[Any, ...]


@dataclass(frozen=True)
class RecordValues:
    """What a detail form shows: the record's id (None for a new one) and its field values."""

    kind: str
    id: int | None
    values: dict[str, Any] = field(default_factory=dict)
    version: int | None = None  # as read: a save names it, and is refused if the record was saved since


@dataclass(frozen=True)
class ListQuery:
    text: str = ""
    sort: int = 0
    descending: bool = False
    filters: tuple[tuple[str, Any], ...] = ()
    year_id: int | None = None  # the school year a kind's columns refer to (None: the current one)


def _label_choices(enum_cls) -> Callable[[Session], list[tuple[Any, str]]]:
    return lambda _session: [(member.value, member.label) for member in enum_cls]


class RecordKind:
    """Subclasses set `key`, `model`, `fields`, `columns` and override what differs."""

    key: str = ""
    model: Any = None
    title: str = ""  # N_
    singular: str = ""  # N_
    fields: tuple[FieldSpec, ...] = ()
    newest_first = False  # the first column is a date: show the latest first
    # (table, column) of rows that would silently vanish with a record (ON DELETE CASCADE): a
    # delete is refused while any exist, so that undo can always bring back what was deleted.
    guarded_by: tuple[tuple[Any, str], ...] = ()
    # A second filter beside the text: (filter name, label N_, choices(session) → (value, label)).
    choice_filter: tuple[str, str, Callable[[Session], list[tuple[Any, str]]]] | None = None
    links: ClassVar[dict[str, Any]] = {}  # MULTIREF field name → (association table, own column, other column)

    # ---- table ---------------------------------------------------------------------------------
    def columns(self) -> tuple[ColumnSpec, ...]:
        raise NotImplementedError

    def tiebreakers(self) -> tuple[Any, ...]:
        """What orders rows that sort equal (people: first name after last name)."""
        return ()

    def base_select(self, *exprs: Any, year_id: int | None = None) -> Select:
        return select(self.model.id, *exprs)

    def prepare(self, session: Session, q: ListQuery) -> ListQuery:
        if q.year_id is None:
            from dataclasses import replace

            from coordinator.years import school_year_id
            try:
                return replace(q, year_id=school_year_id(session))
            except UserError:
                return replace(q, year_id=0)
        return q

    def apply_filters(self, query: Select, filters: tuple[tuple[str, Any], ...]) -> Select:
        for name, value in filters:
            query = query.where(getattr(self.model, name) == value)
        return query

    def _filtered(self, q: ListQuery, *exprs: Any) -> Select:
        query = self.base_select(*exprs, year_id=q.year_id)
        text = q.text.strip()
        if text:
            pattern = f"%{text.lower()}%"
            searchable = [c.expr for c in self.columns() if c.searchable]
            query = query.where(or_(*(func.lower(cast(e, String)).like(pattern) for e in searchable)))
        return self.apply_filters(query, q.filters)

    def count(self, session: Session, q: ListQuery) -> int:
        sub = self._filtered(self.prepare(session, q)).subquery()
        return int(session.scalar(select(func.count()).select_from(sub)) or 0)

    def list_ids(self, session: Session, q: ListQuery, *, offset: int = 0, limit: int | None = None,
                 check: Callable[[], None] | None = None) -> list[int]:
        """Ids in display order, filtered and sorted in SQL; a page of them with offset/limit.

        `check` is called between chunks of rows and may raise to stop early (a newer filter).
        """
        q = self.prepare(session, q)
        cols = self.columns()
        col = cols[q.sort] if 0 <= q.sort < len(cols) else cols[0]
        order = col.expr.desc() if q.descending else col.expr.asc()
        query = self._filtered(q).order_by(order.nulls_last(), *self.tiebreakers(), self.model.id)
        if limit is not None:
            query = query.offset(offset).limit(limit)
        # Fetched in chunks: a GUI thread waiting for the interpreter gets a turn between them.
        result = session.execute(query)
        ids: list[int] = []
        while chunk := result.fetchmany(2000):
            ids.extend(row[0] for row in chunk)
            if check is not None:
                check()
        return ids

    def fetch_rows(self, session: Session, ids: Sequence[int], q: ListQuery | None = None) -> dict[int, Row]:
        q = self.prepare(session, q or ListQuery())
        exprs = [c.expr for c in self.columns()]
        rows: dict[int, Row] = {}
        for chunk_start in range(0, len(ids), 500):
            chunk = list(ids[chunk_start:chunk_start + 500])
            for record in session.execute(self.base_select(*exprs, year_id=q.year_id).where(self.model.id.in_(chunk))):
                rows[record[0]] = Row(record[0], tuple(record[1:]))
        return rows

    # ---- forms ---------------------------------------------------------------------------------
    def field(self, name: str) -> FieldSpec:
        for spec in self.fields:
            if spec.name == name:
                return spec
        raise KeyError(name)

    def new_values(self, session: Session) -> RecordValues:
        values = {f.name: (f.default(session) if f.default else ([] if f.type == MULTIREF else None))
                  for f in self.fields}
        return RecordValues(self.key, None, values)

    def get(self, session: Session, record_id: int) -> RecordValues:
        obj = session.get(self.model, record_id)
        if obj is None:
            raise NotFoundError(_("The record no longer exists."))
        values: dict[str, Any] = {}
        for spec in self.fields:
            if spec.type == MULTIREF:
                table, own, other = self.links[spec.name]
                values[spec.name] = sorted(session.scalars(
                    select(table.c[other]).where(table.c[own] == record_id)))
            else:
                value = getattr(obj, spec.name, None)
                values[spec.name] = value.value if hasattr(value, "value") and spec.type == CHOICE else value
        values.update(self.extra_values(session, obj))
        return RecordValues(self.key, record_id, values, version=getattr(obj, "version", None))

    def extra_values(self, session: Session, obj: Any) -> dict[str, Any]:
        return {}

    # ---- validation ----------------------------------------------------------------------------
    def clean(self, session: Session, values: dict[str, Any], record_id: int | None) -> dict[str, Any]:
        """Check and normalise what a person typed; raise ValidationError(field → message)."""
        problems: dict[str, str] = {}
        out: dict[str, Any] = {}
        for spec in self.fields:
            value = values.get(spec.name)
            if isinstance(value, str):
                value = value.strip() or None
            if spec.type == MULTIREF:
                value = sorted({int(v) for v in (value or [])})
            if spec.required and (value is None or value == []):
                problems[spec.name] = _("{field} is required.").format(field=_(spec.label))
                continue
            if value is not None and spec.type in (INT, FLOAT):
                try:
                    value = int(value) if spec.type == INT else float(value)
                except (TypeError, ValueError):
                    problems[spec.name] = _("{field} must be a number.").format(field=_(spec.label))
                    continue
                if (spec.minimum is not None and value < spec.minimum) or (
                        spec.maximum is not None and value > spec.maximum):
                    problems[spec.name] = _("{field} must be between {low} and {high}.").format(
                        field=_(spec.label), low=_num(spec.minimum), high=_num(spec.maximum))
                    continue
            if isinstance(value, str) and spec.type in (TIME, DATE, DATETIME):
                problems[spec.name] = _("{field}: “{value}” is not a time like 08:30.").format(
                    field=_(spec.label), value=value) if spec.type == TIME else _(
                    "{field}: “{value}” is not a date.").format(field=_(spec.label), value=value)
                continue
            out[spec.name] = value
        self.check(session, out, problems, record_id)
        if problems:
            raise ValidationError(problems)
        return out

    def check(self, session: Session, values: dict[str, Any], problems: dict[str, str],
              record_id: int | None) -> None:
        """Kind-specific rules; add to `problems`, may normalise `values` in place."""

    def check_order(self, values: dict[str, Any], problems: dict[str, str], first: str, last: str) -> None:
        a, b = values.get(first), values.get(last)
        if a is not None and b is not None and b < a and last not in problems:
            problems[last] = _("“{last}” must not be before “{first}”.").format(
                last=_(self.field(last).label), first=_(self.field(first).label))

    # ---- mutations -----------------------------------------------------------------------------
    def column_values(self, session: Session, values: dict[str, Any]) -> dict[str, Any]:
        """Values for the model's own columns (MULTIREF fields excluded); override to derive more."""
        return {k: v for k, v in values.items() if self.field(k).type != MULTIREF}

    def after_save(self, session: Session, record_id: int, values: dict[str, Any], created: bool) -> None:
        for name, (table, own, other) in self.links.items():
            if name not in values:
                continue
            session.execute(delete(table).where(table.c[own] == record_id))
            ids = values[name] or []
            if ids:
                session.execute(insert(table), [{own: record_id, other: i} for i in ids])

    def create(self, session: Session, values: dict[str, Any], *, record_id: int | None = None) -> Changes:
        """Create a record (with `record_id` when undoing a delete and that id is free)."""
        clean = self.clean(session, values, None)
        obj = self.model(**self.column_values(session, clean))
        if record_id is not None and session.get(self.model, record_id) is None:
            obj.id = record_id
        session.add(obj)
        self._flush()(session)
        self.after_save(session, obj.id, clean, True)
        self._flush()(session)
        return Changes.of(Kind(self.model.__tablename__), created=(obj.id,))

    def update(self, session: Session, record_id: int, values: dict[str, Any], *,
               version: int | None = None) -> Changes:
        """Save a record's changes; with `version` (as read into the form), refused if it was saved since."""
        obj = session.get(self.model, record_id)
        if obj is None:
            raise NotFoundError(_("The record no longer exists."))
        if version is not None and getattr(obj, "version", version) != version:
            raise edit_conflict(theirs=obj.version, yours=version)
        clean = self.clean(session, values, record_id)
        for key, value in self.column_values(session, clean).items():
            setattr(obj, key, value)
        self._flush()(session)
        self.after_save(session, record_id, clean, False)
        self._flush()(session)
        return Changes.of(Kind(self.model.__tablename__), updated=(record_id,))

    def delete(self, session: Session, record_id: int) -> Changes:
        obj = session.get(self.model, record_id)
        if obj is None:
            raise NotFoundError(_("The record no longer exists."))
        for table, column in self.guarded_by:
            if session.scalar(select(table.c[column]).where(table.c[column] == record_id).limit(1)) is not None:
                raise UserError(_("This record is still used by other records (for example placements or "
                                  "visits); change or remove those first."))
        session.delete(obj)
        self._flush()(session)
        return Changes.of(Kind(self.model.__tablename__), deleted=(record_id,))

    @staticmethod
    def _flush() -> Callable[[Session], None]:
        def flush(session: Session) -> None:
            try:
                session.flush()
            except IntegrityError as exc:
                raise UserError(_("This record is still used by other records (for example placements or "
                                  "visits); change or remove those first.")) from exc
        return flush

    # ---- pickers -------------------------------------------------------------------------------
    def display_expr(self) -> Any:
        raise NotImplementedError

    def ref_choices(self, session: Session, text: str = "", *, limit: int = 50, include: Sequence[int] = (),
                    filters: tuple[tuple[str, Any], ...] = ()) -> list[tuple[int, str]]:
        """(id, label) pairs for a picker: the ones matching `text` (and `filters`), plus those in `include`."""
        label = self.display_expr()
        query = self.apply_filters(select(self.model.id, label), filters)
        if text.strip():
            query = query.where(func.lower(label).like(f"%{text.strip().lower()}%"))
        found = [(i, str(lbl)) for i, lbl in session.execute(query.order_by(label).limit(limit))]
        have = {i for i, _lbl in found}
        missing = [i for i in include if i is not None and i not in have]
        if missing:
            extra = session.execute(select(self.model.id, label).where(self.model.id.in_(missing)))
            found = [(i, str(lbl)) for i, lbl in extra] + found
        return found


def _num(value: float | None) -> str:
    from coordinator.formatting import format_number

    return format_number(value) if value is not None else "…"


def today() -> dt.date:
    return dt.date.today()


class ParticipantsFollowClasses:
    """For activities whose participants are the pupils of their classes (visits, encounters).

    Mixed in before RecordKind. When the record is created or its classes change, the participant
    rows are rebuilt from the classes' enrolments, since the encounter rate counts participants.
    """

    class_table: Any  # link table (owner id, class_id)
    participant_table: Any  # link table (owner id, pupil_id)
    owner_column: str  # the owner's id column in both tables

    def after_save(self, session: Session, record_id: int, values: dict[str, Any], created: bool) -> None:
        from coordinator.models import Enrolment

        classes = self.class_table
        old_classes = set(session.scalars(select(classes.c.class_id)
                                          .where(classes.c[self.owner_column] == record_id)))
        super().after_save(session, record_id, values, created)  # type: ignore[misc]
        class_ids = values.get("class_ids") or []
        if created or old_classes != set(class_ids):
            table = self.participant_table
            session.execute(delete(table).where(table.c[self.owner_column] == record_id))
            pupils = sorted(set(session.scalars(select(Enrolment.pupil_id).where(Enrolment.class_id.in_(class_ids)))))
            if pupils:
                session.execute(insert(table), [{self.owner_column: record_id, "pupil_id": p} for p in pupils])
