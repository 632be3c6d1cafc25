"""The desk's action-plan operations for the desktop app: the year's plan, its choices, goal and action writes."""

from __future__ import annotations

from typing import Any

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore
from coordinator.services import action_plans as plans
from coordinator.services.progress import GradeRow, grade_progression


class GuiPlans(DeskCore):
    """Goals and actions of a school year's plan; each write one transaction, announced by the desk."""

    def plan(self, year: str) -> plans.PlanView:
        return self._read(lambda s: plans.plan_for_year(s, year=year))

    def goal(self, goal_id: int) -> plans.GoalRow:
        return self._read(lambda s: plans.get_goal(s, goal_id))

    def action_values(self, action_id: int) -> dict[str, Any]:
        """An action's values as `create_action`/`update_action` take them (to restore it on undo)."""
        return self._read(lambda s: plans.action_values(plans.get_action(s, action_id)))

    def plan_choices(self, year: str) -> tuple[list[plans.Person], list[str], list[plans.LinkedActivity]]:
        """Who can be responsible, the grades an action can target, the activities it can link to."""
        return self._read(lambda s: (plans.responsible_people(s), plans.grade_labels(s),
                                     plans.linkable_activities(s, year=year)))

    def grade_progression(self, year: str) -> list[GradeRow]:
        return self._read(lambda s: grade_progression(s, year=year))

    def create_goal(self, *, title: str, description: str | None, year: str, goal_id: int | None = None) -> int:
        """Add a goal (under `goal_id` when redoing); returns its id."""
        def create(session) -> int:
            made = plans.create_goal(session, title=title, description=description, year=year, goal_id=goal_id)
            return next(iter(made.created["goals"]))
        return self._write(create)[0]

    def update_goal(self, goal_id: int, *, title: str, description: str | None) -> Changes:
        return self._write(lambda s: plans.update_goal(s, goal_id, title=title, description=description))[1]

    def delete_goal(self, goal_id: int) -> Changes:
        return self._write(lambda s: plans.delete_goal(s, goal_id))[1]

    def restore_goal(self, goal: plans.GoalRow, *, year: str) -> Changes:
        """Re-create a deleted goal and its actions under their old ids (undo of a delete)."""
        def restore(session) -> None:
            plans.create_goal(session, title=goal.title, description=goal.description, year=year, goal_id=goal.id)
            for action in goal.actions:
                plans.create_action(session, action_id=action.id, **plans.action_values(action))
        return self._write(restore)[1]

    def create_action(self, *, action_id: int | None = None, **values: Any) -> int:
        """Add an action (under `action_id` when redoing); returns its id."""
        def create(session) -> int:
            return next(iter(plans.create_action(session, action_id=action_id, **values).created["actions"]))
        return self._write(create)[0]

    def update_action(self, action_id: int, **values: Any) -> Changes:
        return self._write(lambda s: plans.update_action(s, action_id, **values))[1]

    def delete_action(self, action_id: int) -> Changes:
        return self._write(lambda s: plans.delete_action(s, action_id))[1]
