"""The desk's checks: warnings while a visit or placement is edited, and all of a year's at once.

A warning never blocks a save; the forms show it beside the fields, and `coordinator warnings` lists
the same checks for every record. Everything comes back as plain values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from coordinator.desk.core import DeskCore

if TYPE_CHECKING:
    from coordinator.services.checks import CheckWarning, LackingPupil
    from coordinator.services.warnings_list import RecordWarning


class GuiChecks(DeskCore):
    """Double bookings, holidays, the law's placement rules, missing placement days."""

    def study_visit_warnings(self, **visit: Any) -> list[CheckWarning]:
        """What is doubtful about a visit as typed (keywords as `services.checks.study_visit_warnings`)."""
        from coordinator.services.checks import study_visit_warnings

        return self._read(lambda s: study_visit_warnings(s, **visit))

    def placement_warnings(self, **placement: Any) -> list[CheckWarning]:
        """What is doubtful about a placement as typed (keywords as `services.checks.placement_warnings`)."""
        from coordinator.services.checks import placement_warnings

        return self._read(lambda s: placement_warnings(s, **placement))

    def placement_defaults(self, pupil_id: int) -> dict[str, Any]:
        """What a new placement of this pupil may start from: the class's period, hours the law allows."""
        import datetime as dt

        from coordinator.services.placement_defaults import placement_defaults

        return self._read(lambda s: placement_defaults(s, pupil_id, dt.date.today()))

    def placements_with_warnings(self, check: Any = None) -> dict[int, list[str]]:
        """Every placement not cancelled that the checks warn about: its id and the warnings' messages.

        `check` is called between placements (a worker's cancel point)."""
        from coordinator.models import Placement, PlacementStatus
        from coordinator.services.checks import placement_warnings

        def read(session) -> dict[int, list[str]]:
            found: dict[int, list[str]] = {}
            rows = session.execute(select(
                Placement.id, Placement.pupil_id, Placement.host_id, Placement.start_date, Placement.end_date,
                Placement.hours_per_day, Placement.daily_start, Placement.daily_end, Placement.status,
                Placement.risk_assessment_received, Placement.days).where(Placement.status != PlacementStatus.CANCELLED)).all()
            for row in rows:
                if check is not None:
                    check()
                warnings = placement_warnings(
                    session, pupil_id=row.pupil_id, host_id=row.host_id, start_date=row.start_date,
                    end_date=row.end_date, hours_per_day=row.hours_per_day, daily_start=row.daily_start,
                    daily_end=row.daily_end, status=row.status,
                    risk_assessment_received=bool(row.risk_assessment_received), placement_id=row.id, days=row.days)
                if warnings:
                    found[row.id] = [w.message for w in warnings]
            return found
        return self._read(read)

    def note_rules_overridden(self, placement_id: int, fields: list[str]) -> None:
        """The person confirmed a placement that breaks rules of the law: the audit log keeps the fields
        concerned (never the values), in the placement's own history."""
        from coordinator.safety.audit import record

        self._read(lambda s: record(s, "rules-confirmed", "placements", placement_id, list(fields)))

    def pupils_in_classes(self, class_ids: list[int]) -> int:
        """How many different pupils the classes hold (a visit's participants)."""
        from coordinator.models import Enrolment

        return self._read(lambda s: s.scalar(select(func.count(func.distinct(Enrolment.pupil_id)))
                                             .where(Enrolment.class_id.in_(class_ids))) or 0)

    def placement_grades(self) -> list[str]:
        """The grades in which some school form has placements, in the order the forms name them."""
        from coordinator.models import SchoolType

        def read(session) -> list[str]:
            grades: list[str] = []
            for placement_grades in session.scalars(select(SchoolType.placement_grades)):
                grades += [g for g in placement_grades.split(";") if g and g not in grades]
            return grades
        return self._read(read)

    def pupils_lacking_placement_days(self, *, grade: str) -> list[LackingPupil]:
        from coordinator.services.checks import pupils_lacking_placement_days

        return self._read(lambda s: pupils_lacking_placement_days(s, grade=grade))

    def year_warnings(self, *, year: str | None = None, school: str | None = None) -> list[RecordWarning]:
        """Every warning about a school year's placements and study visits (`coordinator warnings`)."""
        from coordinator.services.warnings_list import year_warnings

        return self._read(lambda s: year_warnings(s, year=year, school=school))
