"""The desk's action plan (goals, actions and their linked activities) and the year's progress views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.services import action_plans as plans
from coordinator.services import progress
from coordinator.services.action_plans import ActionRow, GoalRow, LinkedActivity, Person, PlanView
from coordinator.services.progress import KeyNumbers, Upcoming

__all__ = ["ActionRow", "GoalRow", "KeyNumbers", "LinkedActivity", "Person", "PlanView", "PlansOps", "Upcoming"]


class PlansOps(DeskCore):
    """Goals and actions of a year's plan; an action keyword set is the one `plans.action_values` gives."""

    def plan(self, *, year: str | None = None, school_id: int | None = None) -> PlanView:
        return self._read(lambda s: plans.plan_for_year(s, year=year, school_id=school_id))

    def goal(self, goal_id: int) -> GoalRow:
        return self._read(lambda s: plans.get_goal(s, goal_id))

    def action(self, action_id: int) -> ActionRow:
        return self._read(lambda s: plans.get_action(s, action_id))

    def responsible_people(self) -> list[Person]:
        return self._read(plans.responsible_people)

    def linkable_activities(self, *, year: str | None = None, limit: int = 500) -> list[LinkedActivity]:
        return self._read(lambda s: plans.linkable_activities(s, year=year, limit=limit))

    def plan_grades(self) -> list[str]:
        """The grade labels an action can target, in order."""
        return self._read(plans.grade_labels)

    def create_goal(self, *, title: str, description: str | None = None, year: str | None = None,
                    school_id: int | None = None, goal_id: int | None = None) -> Changes:
        return self._write_changes(lambda s: plans.create_goal(
            s, title=title, description=description, year=year, school_id=school_id, goal_id=goal_id))

    def update_goal(self, goal_id: int, *, title: str, description: str | None = None) -> Changes:
        return self._write_changes(lambda s: plans.update_goal(s, goal_id, title=title, description=description))

    def delete_goal(self, goal_id: int) -> Changes:
        """Remove a goal and its actions."""
        return self._write_changes(lambda s: plans.delete_goal(s, goal_id))

    def create_action(self, *, goal_id: int, title: str, action_id: int | None = None, **values: Any) -> Changes:
        """Add an action to a goal (`values` as `update_action`); `action_id` brings a deleted one back."""
        return self._write_changes(lambda s: plans.create_action(s, goal_id=goal_id, title=title,
                                                                 action_id=action_id, **values))

    def update_action(self, action_id: int, *, title: str, responsible_contact_id: int | None = None,
                      responsible_teacher_id: int | None = None, due_date: dt.date | None = None,
                      done_on: dt.date | None = None, status: str = "not_started",
                      target_grades: Sequence[str] = (), links: Sequence[tuple[str, int]] = (),
                      notes: str | None = None, goal_id: int | None = None) -> Changes:
        return self._write_changes(lambda s: plans.update_action(
            s, action_id, title=title, responsible_contact_id=responsible_contact_id,
            responsible_teacher_id=responsible_teacher_id, due_date=due_date, done_on=done_on, status=status,
            target_grades=target_grades, links=links, notes=notes, goal_id=goal_id))

    def delete_action(self, action_id: int) -> Changes:
        return self._write_changes(lambda s: plans.delete_action(s, action_id))

    def upcoming(self, *, today: dt.date, days: int = 14) -> Upcoming:
        """This fortnight's visits, placements starting and overdue actions (the Overview)."""
        return self._read(lambda s: progress.upcoming(s, today=today, days=days))

    def key_numbers(self, *, year: str | None = None, school_id: int | None = None) -> KeyNumbers:
        return self._read(lambda s: progress.key_numbers(s, year=year, school_id=school_id))
