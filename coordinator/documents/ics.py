"""The schedule as an iCalendar file (RFC 5545) that Outlook, Google Calendar and Thunderbird import."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from icalendar import Calendar, Event

from coordinator.documents.agenda import PlacementItem, VisitItem, placements_in_scope, visits_in_scope
from coordinator.documents.render import atomic_target
from coordinator.documents.scope import resolve_scope
from coordinator.errors import UserError
from coordinator.i18n import _, ngettext, use_language
from coordinator.store import Store

_DOMAIN = "coordinators-desk.invalid"


def _visit_summary(host: str, title: str | None) -> str:
    """"Study visit: Sawmill – Robot workshop"; a title that already names the visit or its host is not
    repeated after them ("Study visit: X – Study visit – X")."""
    if not title:
        return _("Study visit: {host}").format(host=host)
    if title.casefold().startswith(_("Study visit").casefold()):
        return title
    if host.casefold() in title.casefold():
        return f"{_('Study visit')}: {title}"
    return _("Study visit: {host}").format(host=host) + f" – {title}"


def _describe(lines: list[str]) -> str:
    return "\n".join(line for line in lines if line)


def write_schedule_ics(store: Store, out: Path, *, language: str | None = None, year: str | None = None,
                       school: str | None = None, class_name: str | None = None, teacher: str | None = None,
                       grade: str | None = None, school_form: str | None = None,
                       date_from: dt.date | None = None, date_to: dt.date | None = None) -> Path:
    """Write one event per study visit and one per placement period (pupils at one host, same dates).

    Raises UserError for an unknown name or when nothing falls in the scope.
    """
    from coordinator.safety.own_files import refuse_own_file

    refuse_own_file(out, store.path)
    with use_language(language):
        with store.session() as session:
            scope = resolve_scope(session, year=year, school=school, class_name=class_name, teacher=teacher,
                                  grade=grade, school_form=school_form,
                                  date_from=date_from, date_to=date_to)
            visits = visits_in_scope(session, scope)
            placements = placements_in_scope(session, scope)
        if not visits and not placements:
            raise UserError(_("Nothing to put in the calendar: no visits or placements in {scope} between "
                              "{start} and {end}.").format(scope=scope.describe(), start=scope.date_from.isoformat(),
                                                           end=scope.date_to.isoformat()))
        calendar = Calendar()
        calendar.add("prodid", "-//The coordinator's desk//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", _("Schedule: {scope}").format(scope=scope.describe()))
        stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
        for visit in visits:
            calendar.add_component(_visit_event(visit, stamp))
        groups: dict[tuple, list[PlacementItem]] = defaultdict(list)
        for item in placements:
            groups[(item.host.id, item.start, item.end)].append(item)
        for items in groups.values():
            calendar.add_component(_placement_event(items, stamp))
        with atomic_target(Path(out)) as tmp:
            tmp.write_bytes(calendar.to_ical())
        return Path(out)


def _visit_event(visit: VisitItem, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", f"visit-{visit.id}@{_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", _visit_summary(visit.host.name, visit.title))
    event.add("dtstart", visit.starts_at)
    event.add("dtend", visit.ends_at or visit.starts_at + dt.timedelta(hours=2))
    event.add("location", ", ".join(p for p in (visit.host.name, visit.host.address) if p))
    contact = visit.contact
    event.add("description", _describe([
        ngettext("Class: {names}", "Classes: {names}", len(visit.classes)).format(
            names=", ".join(visit.classes)) if visit.classes else "",
        ngettext("Teacher: {names}", "Teachers: {names}", len(visit.teachers)).format(
            names=", ".join(visit.teachers)) if visit.teachers else "",
        _("Contact: {name}, {phone}").format(name=contact.name, phone=contact.phone or "–")
        if contact else "",
        visit.transport_note,
    ]))
    return event


def _placement_event(items: list[PlacementItem], stamp: dt.datetime) -> Event:
    """One all-day event for the pupils placed at one host over the same dates."""
    first = items[0]
    start, end = first.start, first.end
    event = Event()
    event.add("uid", f"placement-{first.host.id}-{start.isoformat()}-{end.isoformat()}-"
                     f"{min(i.id for i in items)}@{_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("summary", ngettext("Placement: {host} ({n} pupil)", "Placement: {host} ({n} pupils)",
                                  len(items)).format(host=first.host.name, n=len(items)))
    event.add("dtstart", start)
    event.add("dtend", end + dt.timedelta(days=1))  # all-day events end the day after (exclusive)
    event.add("location", ", ".join(p for p in (first.host.name, first.host.address) if p))
    supervisors = sorted({f"{i.supervisor.name}, {i.supervisor.phone or '–'}" for i in items if i.supervisor})
    event.add("description", _describe([
        ngettext("Pupil: {names}", "Pupils: {names}", len(items)).format(
            names=", ".join(f"{i.pupil} ({i.class_name})" for i in items)),
        _("Supervisor: {names}").format(names="; ".join(supervisors)) if supervisors else "",
        _("Phone: {phone}").format(phone=first.host.phone) if first.host.phone else "",
    ]))
    return event
