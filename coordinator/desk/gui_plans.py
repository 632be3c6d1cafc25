"""The desk's action-plan operations for the desktop app: the year's plan, its choices, goal and action writes."""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import TYPE_CHECKING, Any

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore

if TYPE_CHECKING:
    from coordinator.services.action_plans import ActionRow, GoalRow, LinkedActivity, Person, PlanView
    from coordinator.services.progress import GradeRow, KeyNumbers, Upcoming


def _plans() -> ModuleType:
    """The action-plan service, imported when first used (not while the app starts)."""
    from coordinator.services import action_plans

    return action_plans


def _progress() -> ModuleType:
    from coordinator.services import progress

    return progress


class GuiPlans(DeskCore):
    """Goals and actions of a school year's plan; each write one transaction, announced by the desk."""

    def plan(self, *, year: str | None = None, school_id: int | None = None) -> PlanView:
        return self._read(lambda s: _plans().plan_for_year(s, year=year, school_id=school_id))

    def goal(self, goal_id: int) -> GoalRow:
        return self._read(lambda s: _plans().get_goal(s, goal_id))

    def action(self, action_id: int) -> ActionRow:
        return self._read(lambda s: _plans().get_action(s, action_id))

    def responsible_people(self) -> list[Person]:
        return self._read(lambda s: _plans().responsible_people(s))

    def linkable_activities(self, *, year: str | None = None, limit: int = 500) -> list[LinkedActivity]:
        return self._read(lambda s: _plans().linkable_activities(s, year=year, limit=limit))

    def plan_grades(self) -> list[str]:
        """The grade labels an action can target, in order."""
        return self._read(lambda s: _plans().grade_labels(s))

    def upcoming(self, *, today: dt.date, days: int = 14) -> Upcoming:
        """This fortnight's visits, placements starting and overdue actions (the Overview)."""
        return self._read(lambda s: _progress().upcoming(s, today=today, days=days))

    def key_numbers(self, *, year: str | None = None, school_id: int | None = None) -> KeyNumbers:
        return self._read(lambda s: _progress().key_numbers(s, year=year, school_id=school_id))

    def grade_progression(self, year: str) -> list[GradeRow]:
        return self._read(lambda s: _progress().grade_progression(s, year=year))

    def create_goal(self, *, title: str, description: str | None = None, year: str | None = None,
                    school_id: int | None = None, goal_id: int | None = None) -> Changes:
        """Add a goal (under `goal_id` when redoing); its id is in `created`."""
        return self._write(lambda s: _plans().create_goal(s, title=title, description=description, year=year,
                                                       school_id=school_id, goal_id=goal_id))[1]

    def update_goal(self, goal_id: int, *, title: str, description: str | None = None) -> Changes:
        return self._write(lambda s: _plans().update_goal(s, goal_id, title=title, description=description))[1]

    def delete_goal(self, goal_id: int) -> Changes:
        return self._write(lambda s: _plans().delete_goal(s, goal_id))[1]

    def restore_goal(self, goal: GoalRow, *, year: str) -> Changes:
        """Re-create a deleted goal and its actions under their old ids (undo of a delete)."""
        def restore(session) -> None:
            _plans().create_goal(session, title=goal.title, description=goal.description, year=year, goal_id=goal.id)
            for action in goal.actions:
                _plans().create_action(session, action_id=action.id, **_plans().action_values(action))
        return self._write(restore)[1]

    def create_action(self, *, goal_id: int, title: str, action_id: int | None = None, **values: Any) -> Changes:
        """Add an action to a goal (`action_id` brings a deleted one back); its id is in `created`."""
        return self._write(lambda s: _plans().create_action(s, goal_id=goal_id, title=title, action_id=action_id,
                                                         **values))[1]

    def update_action(self, action_id: int, **values: Any) -> Changes:
        return self._write(lambda s: _plans().update_action(s, action_id, **values))[1]

    def delete_action(self, action_id: int) -> Changes:
        return self._write(lambda s: _plans().delete_action(s, action_id))[1]
