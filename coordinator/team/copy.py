"""Copying a whole database between engines (a file onto a server, a server down to a file), verified.

The target must be new (a file not there yet, a server database without tables). Every table is copied in one transaction on the target, in the order of
its foreign keys (a reference to a table not yet copied, such as a school's contact teacher, is
filled in after all rows are there); then the row count and a checksum of every table are compared
on both sides before the transaction commits, so a copy that does not match leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, bindparam, func, insert, or_, select, text, update

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.models import Base

BATCH = 2000


@dataclass(frozen=True)
class TableCheck:
    """One table's row count and checksum, as found on both sides."""

    table: str
    rows: int
    checksum: str


def _canonical(value: object) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def table_check(conn: Connection, table: Table) -> TableCheck:
    """Rows in primary-key order, each value written canonically, hashed with SHA-256."""
    digest = hashlib.sha256()
    rows = 0
    order = list(table.primary_key.columns) or list(table.columns)
    for row in conn.execute(select(*table.columns).order_by(*order)).yield_per(BATCH):
        digest.update("\x1f".join(_canonical(v) for v in row).encode("utf-8") + b"\x1e")
        rows += 1
    return TableCheck(table.name, rows, digest.hexdigest())


def _late_columns(table: Table, copied: set[str]) -> list[str]:
    """Nullable columns that refer to this table itself or to one not copied yet: filled in afterwards."""
    return [c.name for c in table.columns if c.nullable and any(
        fk.column.table.name == table.name or fk.column.table.name not in copied for fk in c.foreign_keys)]


def _copy_table(source: Connection, target: Connection, table: Table, late: list[str]) -> None:
    batch: list[dict[str, object]] = []
    for row in source.execute(select(*table.columns)).yield_per(BATCH):
        values = dict(row._mapping)
        batch.append({k: (None if k in late else v) for k, v in values.items()})
        if len(batch) >= BATCH:
            target.execute(insert(table), batch)
            batch = []
    if batch:
        target.execute(insert(table), batch)


def _fill_late(source: Connection, target: Connection, table: Table, late: list[str]) -> None:
    keys = [c.name for c in table.primary_key.columns]
    kept = [c.name for c in table.columns if c.onupdate is not None and c.name not in late]  # updated_at
    statement = update(table).where(*(table.c[k] == bindparam(f"k_{k}") for k in keys)) \
        .values({name: bindparam(f"v_{name}") for name in [*late, *kept]})
    rows = [{**{f"k_{k}": row._mapping[k] for k in keys}, **{f"v_{n}": row._mapping[n] for n in [*late, *kept]}}
            for row in source.execute(select(*table.columns).where(or_(*(table.c[n].is_not(None) for n in late))))]
    if rows:
        target.execute(statement, rows)


def _reset_sequences(target: Connection, tables: Iterable[Table]) -> None:
    """A server hands out the next ids after the copied ones."""
    if target.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement:
            target.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                                f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"))


def copy_tables(source: Connection, target: Connection) -> list[TableCheck]:
    """Copy every table of the app from source to a target just made (both at the schema's head); verified."""
    tables = list(Base.metadata.sorted_tables)
    for table in reversed(tables):  # what the migrations put into the new database comes from the source too
        target.execute(table.delete())
    copied: set[str] = set()
    late_by_table: dict[str, list[str]] = {}
    for table in tables:
        late_by_table[table.name] = _late_columns(table, copied)
        _copy_table(source, target, table, late_by_table[table.name])
        copied.add(table.name)
    for table in tables:
        if late_by_table[table.name]:
            _fill_late(source, target, table, late_by_table[table.name])
    _reset_sequences(target, tables)
    checks = []
    for table in tables:
        theirs, ours = table_check(source, table), table_check(target, table)
        if theirs != ours:
            raise UserError(_("The copy of table {table} does not match the original ({source} rows, {target} "
                              "copied); nothing was copied.").format(table=table.name, source=theirs.rows,
                                                                     target=ours.rows))
        checks.append(ours)
    return checks
