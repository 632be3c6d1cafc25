"""Certificates of thanks: one page for each host of the year, listing what it contributed."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coordinator.documents.fonts import REGULAR
from coordinator.documents.job import Document, Job
from coordinator.documents.page import INK, PORTRAIT_WIDTH, esc, styles
from coordinator.documents.scope import Scope
from coordinator.errors import UserError
from coordinator.formatting import format_date, format_school_year
from coordinator.i18n import _, ngettext, npgettext
from coordinator.models import (
    ActivityStatus,
    Encounter,
    Enrolment,
    Organisation,
    Placement,
    PlacementStatus,
    StudyVisit,
    Training,
    encounter_classes,
    study_visit_classes,
)


def _contributions(session: Session, scope: Scope) -> dict[int, dict[str, int]]:
    found: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    class_ids = scope.class_ids(session)
    placements = (select(Placement.host_id, func.count(Placement.id), func.coalesce(func.sum(Placement.days), 0))
                  .where(Placement.school_year_id == scope.year_id, Placement.status != PlacementStatus.CANCELLED)
                  .group_by(Placement.host_id))
    visits = (select(StudyVisit.host_id, func.count(func.distinct(StudyVisit.id)))
              .where(StudyVisit.school_year_id == scope.year_id, StudyVisit.status != ActivityStatus.CANCELLED)
              .group_by(StudyVisit.host_id))
    encounters = (select(Encounter.organisation_id, func.count(func.distinct(Encounter.id)))
                  .where(Encounter.school_year_id == scope.year_id, Encounter.status != ActivityStatus.CANCELLED,
                         Encounter.organisation_id.is_not(None))
                  .group_by(Encounter.organisation_id))
    if class_ids is not None:
        placements = placements.join(Enrolment, (Enrolment.pupil_id == Placement.pupil_id)
                                     & (Enrolment.school_year_id == scope.year_id)).where(
            Enrolment.class_id.in_(class_ids))
        visits = visits.join(study_visit_classes, study_visit_classes.c.study_visit_id == StudyVisit.id).where(
            study_visit_classes.c.class_id.in_(class_ids))
        encounters = encounters.join(encounter_classes, encounter_classes.c.encounter_id == Encounter.id).where(
            encounter_classes.c.class_id.in_(class_ids))
    for host, count, days in session.execute(placements):
        found[host]["placements"] += count
        found[host]["days"] += int(days or 0)
    for host, count in session.execute(visits):
        found[host]["visits"] += count
    for host, count in session.execute(encounters):
        found[host]["encounters"] += count
    if class_ids is None:
        trainings = (select(Training.organisation_id, func.count(Training.id))
                     .where(Training.school_year_id == scope.year_id, Training.status != ActivityStatus.CANCELLED,
                            Training.organisation_id.is_not(None)).group_by(Training.organisation_id))
        for host, count in session.execute(trainings):
            found[host]["trainings"] += count
    return found


def _lines(numbers: dict[str, int]) -> list[str]:
    lines = []
    if numbers.get("placements"):
        lines.append(ngettext("a work placement for {n} pupil", "work placements for {n} pupils",
                              numbers["placements"]).format(n=numbers["placements"])
                     + " " + ngettext("({n} day in all)", "({n} days in all)", numbers["days"]).format(n=numbers["days"]))
    if numbers.get("visits"):
        # In context: after "this year you gave us" Polish and Russian want the accusative (1 wizytę, 1 экскурсию)
        lines.append(npgettext("certificate", "{n} study visit", "{n} study visits", numbers["visits"]).format(
            n=numbers["visits"]))
    if numbers.get("encounters"):
        lines.append(ngettext("{n} guest lecture, fair or other encounter", "{n} guest lectures, fairs or other "
                              "encounters", numbers["encounters"]).format(n=numbers["encounters"]))
    if numbers.get("trainings"):
        lines.append(ngettext("{n} training for teachers", "{n} trainings for teachers",
                              numbers["trainings"]).format(n=numbers["trainings"]))
    return lines


def build(session: Session, scope: Scope, job: Job) -> Document:
    found = _contributions(session, scope)
    if not found:
        raise UserError(_("Nothing to print: no organisation hosted anything for {scope} in {year}.").format(
            scope=scope.describe(), year=format_school_year(scope.year)))
    names = {o.id: o.name for o in session.scalars(select(Organisation).where(Organisation.id.in_(found)))}
    hosts = sorted(found, key=lambda h: names[h].lower())
    st = styles()
    story: list = []
    for index, host in enumerate(hosts, start=1):
        job.check()
        if story:
            story.append(PageBreak())
        items = "".join(f"• {esc(line)}<br/>" for line in _lines(found[host]))
        inner = [
            Spacer(1, 30),
            Paragraph(esc(_("Certificate of thanks")), st.big),
            Spacer(1, 10),
            Paragraph(esc(names[host]), st.big),
            Spacer(1, 14),
            # The host's name is the title above: after "thank" Polish and Russian would have to decline it.
            Paragraph(esc(_("{giver} thanks you for opening your doors to our pupils in the school year {year}. "
                            "Meeting working life helps young people choose their way.").format(
                giver=scope.school_name or scope.municipality, year=format_school_year(scope.year))), st.centre),
            Spacer(1, 14),
            Paragraph(esc(_("This year you gave us:")), st.centre),
            Paragraph(items, st.centre),
            Spacer(1, 60),
            Paragraph(esc(format_date(dt.date.today(), "long")) + "<br/><br/>"
                      + "_" * 32 + "<br/>" + esc(scope.school_name or scope.municipality), st.centre),
            Spacer(1, 30),
        ]
        frame = Table([[inner]], colWidths=[PORTRAIT_WIDTH])
        frame.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("BOX", (0, 0), (-1, -1), 2.5, INK), ("INNERGRID", (0, 0), (-1, -1), 0, INK),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 24), ("RIGHTPADDING", (0, 0), (-1, -1), 24)]))
        story += [Spacer(1, 20), frame, job.mark(index, len(hosts))]
    return Document(title=_("Certificates of thanks"), story=story)
