"""The action plan: goals, their actions (what, who, when, status), and a grade-by-grade progression table."""

from __future__ import annotations

from collections import defaultdict

from reportlab.platypus import Paragraph, Spacer
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from coordinator.documents.job import Document, Job
from coordinator.documents.page import data_table, esc, styles
from coordinator.documents.scope import Scope
from coordinator.errors import UserError
from coordinator.form_words import form_name
from coordinator.formatting import format_date, format_money, format_school_year
from coordinator.i18n import _
from coordinator.models import (
    ActionPlan,
    ActionStatus,
    ActivityStatus,
    Contact,
    Cost,
    Encounter,
    Enrolment,
    Goal,
    Placement,
    PlacementStatus,
    Project,
    School,
    SchoolClass,
    SchoolType,
    StudyVisit,
    Teacher,
    encounter_classes,
    study_visit_classes,
)
from coordinator.stats.scope import grade_keys, included_types


def _names(session: Session, model, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return {row.id: f"{row.first_name} {row.last_name}" for row in session.scalars(select(model).where(model.id.in_(ids)))}


def _progression(session: Session, scope: Scope, plans: list[ActionPlan]) -> list:
    """Per school type in scope: for each grade, the actions aimed at it and what was done there."""
    classes = select(SchoolClass.id, SchoolClass.grade, School.school_type_id).join(
        School, School.id == SchoolClass.school_id).where(SchoolClass.school_year_id == scope.year_id)
    if scope.school_id is not None:
        classes = classes.where(SchoolClass.school_id == scope.school_id)
    grade_of = {cid: (type_id, grade) for cid, grade, type_id in session.execute(classes)}
    if not grade_of:
        return []
    visits: dict[tuple, int] = defaultdict(int)
    for (cid,) in session.execute(select(study_visit_classes.c.class_id).join(
            StudyVisit, StudyVisit.id == study_visit_classes.c.study_visit_id).where(
            StudyVisit.school_year_id == scope.year_id, StudyVisit.status != ActivityStatus.CANCELLED)):
        if cid in grade_of:
            visits[grade_of[cid]] += 1
    encounters: dict[tuple, int] = defaultdict(int)
    for (cid,) in session.execute(select(encounter_classes.c.class_id).join(
            Encounter, Encounter.id == encounter_classes.c.encounter_id).where(
            Encounter.school_year_id == scope.year_id, Encounter.status != ActivityStatus.CANCELLED)):
        if cid in grade_of:
            encounters[grade_of[cid]] += 1
    placements: dict[tuple, int] = defaultdict(int)
    for cid, count in session.execute(
            select(Enrolment.class_id, func.count(Placement.id)).join(
                Placement, Placement.pupil_id == Enrolment.pupil_id).where(
                Enrolment.school_year_id == scope.year_id, Placement.school_year_id == scope.year_id,
                Placement.status != PlacementStatus.CANCELLED).group_by(Enrolment.class_id)):
        if cid in grade_of:
            placements[grade_of[cid]] += count
    # Target grades are the municipality's grade labels ("3" of the primary school, "T 3" of the technikum).
    key_of = {k.label: (k.school_type_id, k.grade) for k in grade_keys(included_types(session, None))}
    actions: dict[tuple, list[str]] = defaultdict(list)
    for plan in plans:
        for goal in plan.goals:
            for action in goal.actions:
                for label in filter(None, (action.target_grades or "").split(";")):
                    if label in key_of:
                        actions[key_of[label]].append(action.title)
    st = styles()
    story: list = [Paragraph(esc(_("Progression through the grades")), st.h2)]
    type_ids = sorted({t for t, _g in grade_of.values()})
    types = {t.id: t for t in session.scalars(select(SchoolType).where(SchoolType.id.in_(type_ids)))}
    for type_id in type_ids:
        kind = types[type_id]
        if len(type_ids) > 1:
            story.append(Paragraph(esc(form_name(kind)), st.h3))
        header = [_("Grade"), _("Actions aimed at the grade"), _("Study visits"), _("Encounters"), _("Placements")]
        rows = [[grade, "\n".join(actions.get((type_id, grade), [])) or "–", str(visits[(type_id, grade)]),
                 str(encounters[(type_id, grade)]), str(placements[(type_id, grade)])]
                for grade in kind.grade_list]
        rows = [[r[0], Paragraph("<br/>".join(esc(x) for x in r[1].split("\n")), st.cell), *r[2:]] for r in rows]
        story.append(data_table(header, rows, [0.12, 0.4, 0.16, 0.16, 0.16], numeric=(2, 3, 4)))
    return story


def _costs(session: Session, action_ids: list[int]) -> dict[int, str]:
    """The project costs linked to each action, in the projects' currencies (an action without any: none)."""
    found: dict[int, list[str]] = {}
    for action_id, currency, total in session.execute(
            select(Cost.action_id, Project.currency, func.sum(Cost.amount_minor))
            .join(Project, Project.id == Cost.project_id).where(Cost.action_id.in_(action_ids))
            .group_by(Cost.action_id, Project.currency).order_by(Project.currency)):
        found.setdefault(action_id, []).append(format_money(int(total), currency))
    return {action_id: ", ".join(amounts) for action_id, amounts in found.items()}


def build(session: Session, scope: Scope, job: Job) -> Document:
    query = (select(ActionPlan).where(ActionPlan.school_year_id == scope.year_id)
             .options(selectinload(ActionPlan.goals).selectinload(Goal.actions)).order_by(ActionPlan.id))
    if scope.school_id is not None:
        query = query.where(or_(ActionPlan.school_id == scope.school_id, ActionPlan.school_id.is_(None)))
    plans = list(session.scalars(query))
    if not plans:
        raise UserError(_("Nothing to print: there is no action plan for {scope} in {year}.").format(
            scope=scope.describe(), year=format_school_year(scope.year)))
    actions = [a for p in plans for g in p.goals for a in g.actions]
    teachers = _names(session, Teacher, {a.responsible_teacher_id for a in actions if a.responsible_teacher_id})
    contacts = _names(session, Contact, {a.responsible_contact_id for a in actions if a.responsible_contact_id})
    schools = {s.id: s.name for s in session.scalars(select(School))}
    costs = _costs(session, [a.id for a in actions])
    st = styles()
    story: list = [Paragraph(esc(_("Action plan: {scope}").format(scope=scope.school_name or scope.municipality)),
                             st.title)]
    done = sum(1 for a in actions if a.status == ActionStatus.DONE)
    story.append(Paragraph(esc(_("School year {year} · {done} of {total} actions done").format(
        year=format_school_year(scope.year), done=done, total=len(actions))), st.body))
    for plan in plans:
        job.check()
        owner = schools.get(plan.school_id) if plan.school_id else scope.municipality
        story.append(Paragraph(esc(f"{plan.title} ({owner})"), st.h2))
        for number, goal in enumerate(plan.goals, start=1):
            story.append(Paragraph(esc(_("Goal {number}: {title}").format(number=number, title=goal.title)), st.h3))
            if goal.description:
                story.append(Paragraph(esc(goal.description), st.body))
            header = [_("What"), _("Who"), _("When"), _("Status"), _("Grades")] + ([_("Budget")] if costs else [])
            rows = []
            for action in goal.actions:
                who = teachers.get(action.responsible_teacher_id or -1) or contacts.get(
                    action.responsible_contact_id or -1) or "–"
                status = ActionStatus(action.status).label
                if action.done_on:
                    status = _("{status} ({date})").format(status=status, date=format_date(action.done_on))
                rows.append([action.title, who, format_date(action.due_date) or "–", status,
                             ", ".join(filter(None, (action.target_grades or "").split(";"))) or "–"]
                            + ([costs.get(action.id, "–")] if costs else []))
            if rows:  # "21 нояб. 2026 г." whole
                widths = [0.31, 0.15, 0.15, 0.15, 0.1, 0.14] if costs else [0.37, 0.17, 0.17, 0.17, 0.12]
                story.append(data_table(header, rows, widths, numeric=(5,) if costs else ()))
            else:
                story.append(Paragraph(esc(_("No actions yet.")), st.small))
    story.append(job.mark(1, 2))
    story.append(Spacer(1, 6))
    story.extend(_progression(session, scope, plans))
    story.append(job.mark(2, 2))
    return Document(title=_("Action plan"), story=story)
