"""The action plan of a school year: goals and their actions, who is responsible, by when, for which grades.

One plan per school year (and optionally per school) is made on demand when its first goal is added.
Target grades are stored as the grade labels of `progress.grade_keys` (e.g. "8;9;Gy 1"); linked
activities name a study visit, placement, encounter, training or meeting that shows an action was done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from coordinator.changes import Changes, Kind
from coordinator.errors import NotFoundError, ValidationError
from coordinator.formatting import format_date
from coordinator.i18n import _
from coordinator.models import (
    Action,
    ActionActivity,
    ActionPlan,
    ActionStatus,
    Contact,
    Encounter,
    Goal,
    Meeting,
    Organisation,
    Placement,
    Pupil,
    StudyVisit,
    Teacher,
    Training,
)
from coordinator.services.progress import grade_keys
from coordinator.years import resolve_year, school_year_id

ACTIVITY_KINDS: tuple[str, ...] = ("study_visit", "placement", "encounter", "training", "meeting")


@dataclass(frozen=True)
class LinkedActivity:
    kind: str  # one of ACTIVITY_KINDS
    id: int
    label: str


@dataclass(frozen=True)
class ActionRow:
    id: int
    goal_id: int
    title: str
    responsible_contact_id: int | None
    responsible_teacher_id: int | None
    responsible: str
    due_date: dt.date | None
    done_on: dt.date | None
    status: ActionStatus
    target_grades: tuple[str, ...]
    links: tuple[LinkedActivity, ...]
    notes: str | None

    def overdue(self, today: dt.date) -> bool:
        return (self.due_date is not None and self.due_date < today
                and self.status in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS))


@dataclass(frozen=True)
class GoalRow:
    id: int
    title: str
    description: str | None
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True)
class PlanView:
    plan_id: int | None
    year: str
    title: str
    goals: tuple[GoalRow, ...]


@dataclass(frozen=True)
class Person:
    kind: str  # "contact" or "teacher"
    id: int
    name: str


# --- reading ------------------------------------------------------------------------------------

def _plan_id(session: Session, year_id: int, school_id: int | None) -> int | None:
    query = select(ActionPlan.id).where(ActionPlan.school_year_id == year_id).order_by(ActionPlan.id)
    query = query.where(ActionPlan.school_id.is_(None) if school_id is None else ActionPlan.school_id == school_id)
    return session.scalars(query).first()


def activity_label(session: Session, kind: str, activity_id: int) -> str:
    """'Study visit: Verkstad AB, 30 Nov 2026' and the like; a dash for a deleted activity."""
    labels = _activity_labels(session, [(kind, activity_id)])
    return labels.get((kind, activity_id), _("(deleted activity)"))


def _activity_labels(session: Session, pairs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    wanted: dict[str, list[int]] = {}
    for kind, activity_id in pairs:
        wanted.setdefault(kind, []).append(activity_id)
    out: dict[tuple[str, int], str] = {}
    if ids := wanted.get("study_visit"):
        for r in session.execute(select(StudyVisit.id, StudyVisit.title, StudyVisit.starts_at, Organisation.name)
                                 .join(Organisation, Organisation.id == StudyVisit.host_id)
                                 .where(StudyVisit.id.in_(ids))):
            out[("study_visit", r[0])] = _("Study visit: {name}, {date}").format(
                name=r[1] or r[3], date=format_date(r[2].date()))
    if ids := wanted.get("placement"):
        for r in session.execute(select(Placement.id, Pupil.first_name, Pupil.last_name, Organisation.name,
                                        Placement.start_date)
                                 .join(Pupil, Pupil.id == Placement.pupil_id)
                                 .join(Organisation, Organisation.id == Placement.host_id)
                                 .where(Placement.id.in_(ids))):
            out[("placement", r[0])] = _("Placement: {pupil} at {host}, {date}").format(
                pupil=f"{r[1]} {r[2]}", host=r[3], date=format_date(r[4]))
    for kind, model, date_column, pattern in (
            ("encounter", Encounter, Encounter.date, _("Encounter: {name}, {date}")),
            ("training", Training, Training.start_date, _("Training: {name}, {date}")),
            ("meeting", Meeting, Meeting.date, _("Meeting: {name}, {date}"))):
        if ids := wanted.get(kind):
            for r in session.execute(select(model.id, model.title, date_column).where(model.id.in_(ids))):
                out[(kind, r[0])] = pattern.format(name=r[1], date=format_date(r[2]))
    return out


def plan_for_year(session: Session, *, year: str | None = None, school_id: int | None = None) -> PlanView:
    """The goals and actions of the year's plan, in order, with names and linked activities resolved."""
    found = resolve_year(session, year)
    label, year_id = found.label, found.id
    plan_id = _plan_id(session, year_id, school_id)
    if plan_id is None:
        return PlanView(None, label, "", ())
    plan = session.get(ActionPlan, plan_id)
    assert plan is not None
    goal_rows = session.execute(select(Goal.id, Goal.title, Goal.description).where(Goal.plan_id == plan_id)
                                .order_by(Goal.position, Goal.id)).all()
    actions = _action_rows(session, select(Action).join(Goal, Goal.id == Action.goal_id)
                           .where(Goal.plan_id == plan_id).order_by(Action.position, Action.id))
    goals = tuple(GoalRow(g.id, g.title, g.description, tuple(a for a in actions if a.goal_id == g.id))
                  for g in goal_rows)
    return PlanView(plan_id, label, plan.title, goals)


def action_values(row: ActionRow) -> dict:
    """The keyword arguments that re-create or restore an action as `row` shows it."""
    return {"goal_id": row.goal_id, "title": row.title, "responsible_contact_id": row.responsible_contact_id,
                "responsible_teacher_id": row.responsible_teacher_id, "due_date": row.due_date, "done_on": row.done_on,
                "status": row.status, "target_grades": list(row.target_grades),
                "links": [(link.kind, link.id) for link in row.links], "notes": row.notes}


def get_goal(session: Session, goal_id: int) -> GoalRow:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise NotFoundError(_("The goal no longer exists."))
    actions = _action_rows(session, select(Action).where(Action.goal_id == goal_id)
                           .order_by(Action.position, Action.id))
    return GoalRow(goal.id, goal.title, goal.description, tuple(actions))


def get_action(session: Session, action_id: int) -> ActionRow:
    rows = _action_rows(session, select(Action).where(Action.id == action_id))
    if not rows:
        raise NotFoundError(_("The action no longer exists."))
    return rows[0]


def _action_rows(session: Session, query) -> list[ActionRow]:
    actions = list(session.scalars(query))
    if not actions:
        return []
    ids = [a.id for a in actions]
    links: dict[int, list[tuple[str, int]]] = {}
    for action_id, kind, activity_id in session.execute(
            select(ActionActivity.action_id, ActionActivity.activity_kind, ActionActivity.activity_id)
            .where(ActionActivity.action_id.in_(ids)).order_by(ActionActivity.id)):
        links.setdefault(action_id, []).append((kind, activity_id))
    labels = _activity_labels(session, [p for pairs in links.values() for p in pairs])
    contacts = {r[0]: f"{r[1]} {r[2]}" for r in session.execute(
        select(Contact.id, Contact.first_name, Contact.last_name)
        .where(Contact.id.in_({a.responsible_contact_id for a in actions if a.responsible_contact_id})))}
    teachers = {r[0]: f"{r[1]} {r[2]}" for r in session.execute(
        select(Teacher.id, Teacher.first_name, Teacher.last_name)
        .where(Teacher.id.in_({a.responsible_teacher_id for a in actions if a.responsible_teacher_id})))}
    return [ActionRow(
        id=a.id, goal_id=a.goal_id, title=a.title, responsible_contact_id=a.responsible_contact_id,
        responsible_teacher_id=a.responsible_teacher_id,
        responsible=contacts.get(a.responsible_contact_id or 0) or teachers.get(a.responsible_teacher_id or 0) or "",
        due_date=a.due_date, done_on=a.done_on, status=ActionStatus(a.status),
        target_grades=tuple(g for g in a.target_grades.split(";") if g),
        links=tuple(LinkedActivity(k, i, labels.get((k, i), _("(deleted activity)")))
                    for k, i in links.get(a.id, [])),
        notes=a.notes) for a in actions]


def responsible_people(session: Session) -> list[Person]:
    """Contacts and teachers who can be responsible for an action, by name."""
    people = [Person("contact", r[0], f"{r[1]} {r[2]}" + (f" ({r[3]})" if r[3] else "")) for r in session.execute(
        select(Contact.id, Contact.first_name, Contact.last_name, Organisation.name)
        .outerjoin(Organisation, Organisation.id == Contact.organisation_id)
        .order_by(Contact.last_name, Contact.first_name))]
    people += [Person("teacher", r[0], _("{name} (teacher)").format(name=f"{r[1]} {r[2]}")) for r in session.execute(
        select(Teacher.id, Teacher.first_name, Teacher.last_name).order_by(Teacher.last_name, Teacher.first_name))]
    return people


def linkable_activities(session: Session, *, year: str | None = None, limit: int = 500) -> list[LinkedActivity]:
    """Visits, encounters, trainings and meetings of the year an action can point to (not single placements)."""
    year_id = school_year_id(session, year)
    pairs: list[tuple[str, int]] = []
    for kind, model, order in (("study_visit", StudyVisit, StudyVisit.starts_at), ("encounter", Encounter, Encounter.date),
                               ("training", Training, Training.start_date), ("meeting", Meeting, Meeting.date)):
        pairs += [(kind, i) for i in session.scalars(select(model.id).where(model.school_year_id == year_id)
                                                     .order_by(order).limit(limit))]
    labels = _activity_labels(session, pairs)
    return [LinkedActivity(k, i, labels[(k, i)]) for k, i in pairs if (k, i) in labels]


def grade_labels(session: Session) -> list[str]:
    return [k.label for k in grade_keys(session)]


# --- changing -----------------------------------------------------------------------------------

def _clean(text: str | None) -> str:
    return (text or "").strip()


def create_goal(session: Session, *, title: str, description: str | None = None, year: str | None = None,
                school_id: int | None = None, goal_id: int | None = None) -> Changes:
    """Add a goal to the year's plan (made if missing); `goal_id` re-creates a deleted goal under its id (redo)."""
    if not _clean(title):
        raise ValidationError({"title": _("A goal needs a title.")})
    found = resolve_year(session, year)
    label, year_id = found.label, found.id
    changes = Changes()
    plan_id = _plan_id(session, year_id, school_id)
    if plan_id is None:
        plan = ActionPlan(school_year_id=year_id, school_id=school_id,
                          title=_("Action plan {year}").format(year=label))
        session.add(plan)
        session.flush()
        plan_id = plan.id
        changes = Changes.of(Kind.ACTION_PLANS, created=(plan_id,))
    position = (session.scalar(select(func.max(Goal.position)).where(Goal.plan_id == plan_id)) or 0) + 1
    goal = Goal(id=goal_id, plan_id=plan_id, title=_clean(title), description=_clean(description) or None,
                position=position)
    session.add(goal)
    session.flush()
    return changes.merge(Changes.of(Kind.GOALS, created=(goal.id,)))


def update_goal(session: Session, goal_id: int, *, title: str, description: str | None = None) -> Changes:
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise NotFoundError(_("The goal no longer exists."))
    if not _clean(title):
        raise ValidationError({"title": _("A goal needs a title.")})
    goal.title, goal.description = _clean(title), _clean(description) or None
    session.flush()
    return Changes.of(Kind.GOALS, updated=(goal_id,))


def delete_goal(session: Session, goal_id: int) -> Changes:
    """Delete a goal with all its actions."""
    goal = session.get(Goal, goal_id)
    if goal is None:
        raise NotFoundError(_("The goal no longer exists."))
    action_ids = tuple(session.scalars(select(Action.id).where(Action.goal_id == goal_id)))
    session.execute(delete(ActionActivity).where(ActionActivity.action_id.in_(action_ids)))
    session.execute(delete(Action).where(Action.goal_id == goal_id))
    session.delete(goal)
    session.flush()
    changes = Changes.of(Kind.GOALS, deleted=(goal_id,))
    return changes.merge(Changes.of(Kind.ACTIONS, deleted=action_ids)) if action_ids else changes


def _validated(session: Session, *, title: str, status: ActionStatus | str, due_date: dt.date | None,
               done_on: dt.date | None, target_grades: Sequence[str], links: Sequence[tuple[str, int]],
               responsible_contact_id: int | None, responsible_teacher_id: int | None) -> ActionStatus:
    problems: dict[str, str] = {}
    if not _clean(title):
        problems["title"] = _("An action needs a title.")
    try:
        status = ActionStatus(status)
    except ValueError:
        problems["status"] = _("Unknown status “{status}”.").format(status=status)
    known = set(grade_labels(session))
    unknown = [g for g in target_grades if g not in known]
    if unknown:
        problems["target_grades"] = _("Unknown grade: {grades}.").format(grades=", ".join(unknown))
    if done_on is not None and done_on > dt.date.today():
        problems["done_on"] = _("The date done cannot be in the future.")
    if responsible_contact_id and responsible_teacher_id:
        problems["responsible"] = _("Choose one responsible person, a contact or a teacher.")
    elif responsible_contact_id and session.get(Contact, responsible_contact_id) is None:
        problems["responsible"] = _("The responsible contact no longer exists.")
    elif responsible_teacher_id and session.get(Teacher, responsible_teacher_id) is None:
        problems["responsible"] = _("The responsible teacher no longer exists.")
    if any(kind not in ACTIVITY_KINDS for kind, _id in links):
        problems["links"] = _("Only visits, placements, encounters, trainings and meetings can be linked.")
    if problems:
        raise ValidationError(problems)
    return ActionStatus(status)


def create_action(session: Session, *, goal_id: int, title: str, responsible_contact_id: int | None = None,
                  responsible_teacher_id: int | None = None, due_date: dt.date | None = None,
                  done_on: dt.date | None = None, status: ActionStatus | str = ActionStatus.NOT_STARTED,
                  target_grades: Sequence[str] = (), links: Sequence[tuple[str, int]] = (),
                  notes: str | None = None, action_id: int | None = None) -> Changes:
    """Add an action to a goal; `action_id` re-creates a deleted action under its id (undo, redo)."""
    if session.get(Goal, goal_id) is None:
        raise ValidationError({"goal": _("Choose the goal the action belongs to.")})
    status = _validated(session, title=title, status=status, due_date=due_date, done_on=done_on,
                        target_grades=target_grades, links=links, responsible_contact_id=responsible_contact_id,
                        responsible_teacher_id=responsible_teacher_id)
    position = (session.scalar(select(func.max(Action.position)).where(Action.goal_id == goal_id)) or 0) + 1
    action = Action(id=action_id, goal_id=goal_id, title=_clean(title), responsible_contact_id=responsible_contact_id,
                    responsible_teacher_id=responsible_teacher_id, due_date=due_date, done_on=done_on,
                    status=status, target_grades=";".join(dict.fromkeys(target_grades)), position=position,
                    notes=_clean(notes) or None)
    session.add(action)
    session.flush()
    _set_links(session, action.id, links)
    return Changes.of(Kind.ACTIONS, created=(action.id,))


def update_action(session: Session, action_id: int, *, title: str, responsible_contact_id: int | None = None,
                  responsible_teacher_id: int | None = None, due_date: dt.date | None = None,
                  done_on: dt.date | None = None, status: ActionStatus | str = ActionStatus.NOT_STARTED,
                  target_grades: Sequence[str] = (), links: Sequence[tuple[str, int]] = (),
                  notes: str | None = None, goal_id: int | None = None) -> Changes:
    action = session.get(Action, action_id)
    if action is None:
        raise NotFoundError(_("The action no longer exists."))
    status = _validated(session, title=title, status=status, due_date=due_date, done_on=done_on,
                        target_grades=target_grades, links=links, responsible_contact_id=responsible_contact_id,
                        responsible_teacher_id=responsible_teacher_id)
    if goal_id is not None and session.get(Goal, goal_id) is None:
        raise ValidationError({"goal": _("Choose the goal the action belongs to.")})
    action.title, action.status = _clean(title), status
    action.responsible_contact_id, action.responsible_teacher_id = responsible_contact_id, responsible_teacher_id
    action.due_date, action.done_on = due_date, done_on
    action.target_grades = ";".join(dict.fromkeys(target_grades))
    action.notes = _clean(notes) or None
    if goal_id is not None:
        action.goal_id = goal_id
    session.flush()
    _set_links(session, action_id, links)
    return Changes.of(Kind.ACTIONS, updated=(action_id,))


def delete_action(session: Session, action_id: int) -> Changes:
    action = session.get(Action, action_id)
    if action is None:
        raise NotFoundError(_("The action no longer exists."))
    session.execute(delete(ActionActivity).where(ActionActivity.action_id == action_id))
    session.delete(action)
    session.flush()
    return Changes.of(Kind.ACTIONS, deleted=(action_id,))


def _set_links(session: Session, action_id: int, links: Sequence[tuple[str, int]]) -> None:
    session.execute(delete(ActionActivity).where(ActionActivity.action_id == action_id))
    for kind, activity_id in dict.fromkeys((k, int(i)) for k, i in links):
        session.add(ActionActivity(action_id=action_id, activity_kind=kind, activity_id=activity_id))
    session.flush()
