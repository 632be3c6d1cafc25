"""The desk's part in team mode: who is logged in, their indicator comments, and what others committed."""

from __future__ import annotations

from dataclasses import dataclass

from coordinator.changes import Changes, Kind
from coordinator.desk.core import DeskCore


@dataclass(frozen=True)
class Login:
    """Who uses this database: a coordinator (everything), or a headteacher of one school."""

    role: str = "coordinator"
    school_id: int | None = None
    school: str | None = None

    @property
    def headteacher(self) -> bool:
        return self.role == "headteacher"


@dataclass(frozen=True)
class IndicatorComment:
    notes: str
    writable: bool


class TeamDesk(DeskCore):
    """The login's role, and polling for changes made elsewhere (by another person's app on the same server)."""

    _change_mark: int | None = None
    _login: Login | None = None

    @property
    def shared(self) -> bool:
        """A server database, which other people may change while this app has it open."""
        return self.store.path is None

    def login(self) -> Login:
        """The role of this connection's login; a file, or a server without team roles, has a coordinator."""
        if self._login is None:
            self._login = self._read(_login_of) if self.shared else Login()
        return self._login

    def indicator_comments(self) -> dict[int, IndicatorComment]:
        """Indicator id → its comment, and whether this login may write it (a headteacher: their school's)."""
        from sqlalchemy import select

        from coordinator.models import Indicator

        login = self.login()
        rows = self._read(lambda s: s.execute(select(Indicator.id, Indicator.notes, Indicator.school_id)).all())
        return {row.id: IndicatorComment(row.notes or "", not login.headteacher or row.school_id == login.school_id)
                for row in rows}

    def comment_indicator(self, indicator_id: int, notes: str) -> Changes:
        """Write the comment on an indicator: the one thing a headteacher may change (on their school's)."""
        from coordinator.models import Indicator

        def run(session) -> Changes:  # type: ignore[no-untyped-def]
            row = session.get(Indicator, indicator_id)
            row.notes = notes.strip() or None
            session.flush()
            return Changes.of(Kind.INDICATORS, updated=(indicator_id,))

        return self._write_changes(run)

    def poll_changes(self) -> Changes:
        """Announce what was committed since the last poll (own writes included), like a write of one's own.

        The first poll only sets the mark. Read from the audit log, which every write goes through.
        """
        from coordinator.team.changes import changes_since

        mark = self._change_mark
        self._change_mark, changes = self._read(lambda s: changes_since(s, mark))
        return self.announce(changes) if changes else changes


def _login_of(session) -> Login:  # type: ignore[no-untyped-def]
    """Ask the server: a headteacher's login has a school in team.members (read through team.my_school())."""
    from sqlalchemy import text

    usable = session.execute(text("SELECT has_schema_privilege(to_regnamespace('team')::oid, 'USAGE')")).scalar()
    if not usable:
        return Login()
    school_id = session.execute(text("SELECT team.my_school()")).scalar()
    if school_id is None:
        return Login()
    name = session.execute(text("SELECT name FROM schools WHERE id = :id"), {"id": school_id}).scalar()
    return Login(role="headteacher", school_id=school_id, school=name)
