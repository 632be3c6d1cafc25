"""What the Action plan workspace needs beyond the desk's plan operations: the progression, a goal restored."""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

from coordinator.changes import Changes
from coordinator.desk.core import DeskCore

if TYPE_CHECKING:
    from coordinator.services.action_plans import GoalRow
    from coordinator.services.progress import GradeRow


def _plans() -> ModuleType:
    """The action-plan service, imported when first used (not while the app starts)."""
    from coordinator.services import action_plans

    return action_plans


def _progress() -> ModuleType:
    from coordinator.services import progress

    return progress


class GuiPlans(DeskCore):
    """The grade-by-grade progression of a year's plan, and the undo of a goal's delete."""

    def grade_progression(self, year: str) -> list[GradeRow]:
        return self._read(lambda s: _progress().grade_progression(s, year=year))

    def restore_goal(self, goal: GoalRow, *, year: str) -> Changes:
        """Re-create a deleted goal and its actions under their old ids (undo of a delete)."""
        def restore(session) -> None:
            _plans().create_goal(session, title=goal.title, description=goal.description, year=year, goal_id=goal.id)
            for action in goal.actions:
                _plans().create_action(session, action_id=action.id, **_plans().action_values(action))
        return self._write(restore)[1]

