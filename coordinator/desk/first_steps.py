"""The desk's first steps: what a new database still lacks before the coordinator's work can start."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from coordinator.desk.core import DeskCore
from coordinator.models import Organisation, SchoolClass, StudyVisit


@dataclass(frozen=True)
class FirstSteps:
    """Which of the three first steps are done: classes (with their schools), organisations, a visit."""

    classes: bool
    organisations: bool
    visit: bool

    @property
    def done(self) -> bool:
        return self.classes and self.organisations and self.visit


class FirstStepsOps(DeskCore):
    def first_steps(self) -> FirstSteps:
        """Whether the database holds a class, an organisation and a planned study visit (three EXISTS)."""
        def read(session: Session) -> FirstSteps:
            def any_of(model: type) -> bool:
                return bool(session.scalar(select(exists().where(model.id.is_not(None)))))

            return FirstSteps(any_of(SchoolClass), any_of(Organisation), any_of(StudyVisit))

        return self._read(read)
