"""The desk's team-mode operations on a server database: setting it up, adding logins."""

from __future__ import annotations

from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.store import open_store, resolve_url

TEAM_ROLES = ("coordinator", "headteacher")


def _server_url(url: str):  # type: ignore[no-untyped-def]
    resolved = resolve_url(url)
    if resolved.get_backend_name() != "postgresql":
        raise UserError(_("Team mode needs a PostgreSQL server; “{url}” is not one "
                          "(give postgresql+psycopg://user@host/database).").format(url=url))
    return resolved


def init_server(url: str, *, profile_code: str) -> bool:
    """Bring a server database to the schema's head, set it up for a country once, and install the roles.

    Returns False when the database already held this app's data (only the roles were brought up to date).
    """
    from sqlalchemy import select

    from coordinator.models import Setting
    from coordinator.services.setup import initialise
    from coordinator.team.roles import install_roles

    store = open_store(_server_url(url), create=True)
    try:
        with store.session() as session:
            fresh = session.scalar(select(Setting.value).where(Setting.key == "country")) is None
            if fresh:
                initialise(session, profile_code=profile_code)
        with store.engine.begin() as conn:
            install_roles(conn)
    finally:
        store.close()
    return fresh


def add_server_user(url: str, name: str, *, role: str, school: str | None, password: str | None) -> None:
    """A new login: a coordinator, or a headteacher of one school (named exactly as in the database)."""
    from sqlalchemy import select

    from coordinator.models import School
    from coordinator.team.roles import add_login, login_exists

    if role == "headteacher" and not school:
        raise UserError(_("A headteacher belongs to one school: add --school NAME."))
    store = open_store(_server_url(url))
    try:
        with store.engine.begin() as conn:
            if login_exists(conn, name):
                raise UserError(_("The login “{name}” exists already on this server.").format(name=name))
            school_id = None
            if role == "headteacher":
                school_id = conn.execute(select(School.id).where(School.name == school)).scalar()
                if school_id is None:
                    raise UserError(_("There is no school named “{school}”.").format(school=school))
            add_login(conn, name, role=role, school_id=school_id, password=password)
    finally:
        store.close()


def copy_database(source: str, target: str) -> list:  # list[TableCheck]
    """Copy a whole database (file or server) into an empty one, verified table by table; see team.copy."""
    from coordinator.team.copy import copy_tables

    if resolve_url(source) == resolve_url(target):
        raise UserError(_("The source and the target are the same database."))
    _refuse_a_used_target(target)
    origin = open_store(source)
    try:
        copy = open_store(target, create=True)
        try:
            with origin.engine.connect() as reading, copy.engine.begin() as writing:
                return copy_tables(reading, writing)
        finally:
            copy.close()
    finally:
        origin.close()


def _refuse_a_used_target(target: str) -> None:
    from sqlalchemy import inspect

    from coordinator.store import make_engine, sqlite_path

    url = resolve_url(target)
    path = sqlite_path(url)
    if path is not None:
        used = path.exists()
    else:
        engine = make_engine(url)
        try:
            used = bool(inspect(engine).get_table_names())
        finally:
            engine.dispose()
    if used:
        raise UserError(_("The target {target} exists already; copy only into a new file or an empty server "
                          "database.").format(target=path or url))
