"""A teacher's, class's or school's schedule: visits and placements in date order, and a week grid."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from reportlab.platypus import PageBreak, Paragraph, Spacer
from sqlalchemy.orm import Session

from coordinator.documents.agenda import PlacementItem, VisitItem, placements_in_scope, visits_in_scope
from coordinator.documents.job import Document, Job
from coordinator.documents.page import LANDSCAPE_WIDTH, data_table, esc, styles
from coordinator.documents.scope import Scope
from coordinator.errors import UserError
from coordinator.form_words import capitalised
from coordinator.formatting import format_date, format_day_month, format_time, weekday_name
from coordinator.i18n import _, ngettext


@dataclass(frozen=True)
class Entry:
    """One line of the schedule: a study visit, or the pupils placed at one host over the same days."""

    start: dt.date
    end: dt.date
    sort_key: tuple
    when: str
    what: str
    place: str
    contact: str
    who: str
    short: str


def _day(day: dt.date) -> str:
    """A date with its weekday ("Ons 3 feb. 2027"): a teacher looks for the day, not the date."""
    return _("{weekday} {date}").format(weekday=weekday_name(day, "abbreviated").capitalize(), date=format_date(day))


def _unbroken(text: str) -> str:
    """A phone number or an address part that a line never breaks inside (no-break spaces)."""
    return text.replace(" ", "\u00a0")


def _address(text: str) -> str:
    """An address that breaks, if it must, only after a comma: never inside "776 39" or "Storgatan 4"."""
    return ", ".join(_unbroken(part.strip()) for part in text.split(","))


def _person(name: str, phone: str) -> str:
    return f"{name}, {_unbroken(phone)}" if phone else name


def _study_visit_what(title: str | None) -> str:
    """"Study visit: Robot workshop"; a title that already says it is a study visit stands alone."""
    kind = _("Study visit")
    if not title:
        return kind
    if title.casefold().startswith(kind.casefold()):
        return title
    return f"{kind}: {title}"


def _visit_entry(visit: VisitItem) -> Entry:
    day = visit.starts_at.date()
    time = format_time(visit.starts_at)
    if visit.ends_at is not None:
        time = f"{time}–{format_time(visit.ends_at)}"
    contact = visit.contact
    who = [", ".join(visit.classes)] if visit.classes else []
    if visit.teachers:
        who.append(ngettext("Teacher: {names}", "Teachers: {names}", len(visit.teachers)).format(
            names=", ".join(visit.teachers)))
    return Entry(
        start=day, end=day, sort_key=(day, visit.starts_at.time(), 0, visit.id),
        when=f"{_day(day)}\n{time}",
        what=_study_visit_what(visit.title),
        place="\n".join(p for p in (visit.host.name, _address(visit.host.address)) if p),
        contact=_person(contact.name, contact.phone) if contact else _unbroken(visit.host.phone),
        who="\n".join(who),
        short=_("{time} visit: {host}").format(time=format_time(visit.starts_at), host=visit.host.name),
    )


GRID_LINES = 8
WEEK_SHADE = "#dde6ee"
ROW_PUPILS = 24


def _placement_entries(items: list[PlacementItem]) -> list[Entry]:
    groups: dict[tuple, list[PlacementItem]] = defaultdict(list)
    for item in items:
        groups[(item.host.id, item.start, item.end)].append(item)
    chunks = []
    for (host, start, end), group in groups.items():
        # A table row must fit on one page: a long list of pupils continues on the next row.
        for offset in range(0, len(group), ROW_PUPILS):
            chunks.append(((host, start, end), group[offset:offset + ROW_PUPILS], len(group)))
    entries = []
    for (_host, start, end), group, size in chunks:
        first = group[0]
        supervisors = sorted({(i.supervisor.name, i.supervisor.phone) for i in group if i.supervisor})
        contact = "\n".join(_person(name, phone) for name, phone in supervisors) or _unbroken(first.host.phone)
        hours = ""
        if first.daily_start and first.daily_end:
            hours = f"\n{format_time(first.daily_start)}–{format_time(first.daily_end)}"
        kinds = {i.words.placement for i in group}
        kind = capitalised(kinds.pop()) if len(kinds) == 1 else _("Placement")
        entries.append(Entry(
            start=start, end=end, sort_key=(start, dt.time.min, 1, first.host.name),
            when=f"{_day(start)} –\n{_day(end)}{hours}",  # a line each: never "– 11" above "мая"
            what=ngettext("{placement}, {n} pupil", "{placement}, {n} pupils", size).format(placement=kind, n=size),
            place="\n".join(p for p in (first.host.name, _address(first.host.address), _unbroken(first.host.phone))
                             if p),
            contact=contact,
            who="\n".join(f"{i.pupil} ({i.class_name})" for i in sorted(group, key=lambda i: (i.class_name, i.pupil))),
            short=ngettext("{placement}: {host} ({n} pupil)", "{placement}: {host} ({n} pupils)", size).format(
                placement=kind, host=first.host.name, n=size),
        ))
    return entries


def _multiline(text: str) -> Paragraph:
    return Paragraph("<br/>".join(esc(line) for line in text.split("\n")), styles().cell)


def _week_grid(entries: list[Entry], scope: Scope) -> list:
    """One row per week that holds anything, one column per weekday; long placements fill each day."""
    days: dict[dt.date, list[str]] = defaultdict(list)
    seen: set[tuple] = set()
    for entry in entries:
        if (entry.start, entry.end, entry.short) in seen:  # the continuation rows of one long placement list
            continue
        seen.add((entry.start, entry.end, entry.short))
        day = max(entry.start, scope.date_from)
        while day <= min(entry.end, scope.date_to):
            if day.weekday() < 5:
                days[day].append(entry.short)
            day += dt.timedelta(days=1)
    if not days:
        return []
    weeks = sorted({d - dt.timedelta(days=d.weekday()) for d in days})
    monday = weeks[0]
    header = [_("Week")] + [weekday_name(monday + dt.timedelta(days=i)).capitalize() for i in range(5)]
    st = styles()
    rows = []
    for week in weeks:
        number = week.isocalendar()[1]
        # Outside the f-string, so that extraction finds it (Babel does not look inside f-strings).
        week_label = _("Week {number}").format(number=number)
        label = Paragraph(f"<b>{esc(week_label)}</b><br/>{esc(format_day_month(week))}", st.cell)
        cells: list[object] = [label]
        for offset in range(5):
            day = week + dt.timedelta(days=offset)
            lines = [f"<font size=7>{esc(format_day_month(day))}</font>"]
            texts = days.get(day, [])
            # A whole municipality can have a hundred hosts on one day; a cell must still fit a page.
            shown = texts if len(texts) <= GRID_LINES else texts[:GRID_LINES - 1]
            lines += [esc(text) for text in shown]
            if len(shown) < len(texts):
                hidden = len(texts) - len(shown)
                lines.append("<i>" + esc(ngettext("and {n} more", "and {n} more", hidden).format(n=hidden)) + "</i>")
            cells.append(Paragraph("<br/>".join(lines), st.cell))
        rows.append(cells)
    return [
        Paragraph(esc(_("Week by week")), st.title),
        data_table(header, rows, [0.1] + [0.18] * 5, total_width=LANDSCAPE_WIDTH, zebra=False,
                   extra=[("GRID", (0, 0), (-1, -1), 0.4, "#9aa5b1")]),
    ]


def _if_missing(placements: list[PlacementItem]) -> list:
    """Whom to call when a pupil does not come: each school's office and each class's mentor, with phones."""
    schools = sorted({(i.school, i.school_phone) for i in placements if i.school})
    mentors = sorted({(i.class_name, i.mentor.name, i.mentor.phone) for i in placements if i.mentor})
    lines = [_("School: {person}").format(person=_person(name, phone)) for name, phone in schools]
    lines += [_("Mentor of {class_name}: {person}").format(class_name=class_name, person=_person(name, phone))
              for class_name, name, phone in mentors]
    if not lines:
        return []
    st = styles()
    return [Paragraph(f"<b>{esc(_('If a pupil is missing, call:'))}</b> " + " · ".join(esc(line) for line in lines),
                      st.body)]


def _weekly_table(entries: list[Entry]) -> list:
    """One table, the entries under a shaded row per week (its number and dates): a teacher finds a day at a
    glance, and a week runs on over a page break with the header repeated."""
    weeks: dict[dt.date, list[Entry]] = defaultdict(list)
    for entry in entries:
        weeks[entry.start - dt.timedelta(days=entry.start.weekday())].append(entry)
    st = styles()
    header = [_("When"), _("What"), _("Place and address"), _("Contact and phone"), _("Who")]
    rows: list[list[object]] = []
    extra: list[tuple] = []
    for monday, week in sorted(weeks.items()):
        heading = _("Week {number}: {start} – {end}").format(
            number=monday.isocalendar()[1], start=format_day_month(monday),
            end=format_day_month(monday + dt.timedelta(days=4)))
        at = len(rows) + 1  # the header is row 0
        extra += [("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), WEEK_SHADE)]
        rows.append([Paragraph(f"<b>{esc(heading)}</b>", st.cell), "", "", "", ""])
        rows += [[_multiline(e.when), e.what, _multiline(e.place), _multiline(e.contact), _multiline(e.who)]
                 for e in week]
    return [data_table(header, rows, [0.15, 0.15, 0.25, 0.2, 0.25], total_width=LANDSCAPE_WIDTH, zebra=False,
                       extra=extra)]


def build(session: Session, scope: Scope, job: Job) -> Document:
    visits = visits_in_scope(session, scope)
    placements = placements_in_scope(session, scope)
    job.check()
    entries = sorted([_visit_entry(v) for v in visits] + _placement_entries(placements), key=lambda e: e.sort_key)
    if not entries:
        raise UserError(_("Nothing to print: no visits or placements in {scope} between {start} and {end}.").format(
            scope=scope.describe(), start=format_date(scope.date_from), end=format_date(scope.date_to)))
    st = styles()
    title = _("Schedule")
    story: list = [
        Paragraph(esc(_("Schedule: {scope}").format(scope=scope.describe())), st.title),
        Paragraph(esc(_("{start} – {end}").format(start=format_date(scope.date_from, "long"),
                                                    end=format_date(scope.date_to, "long"))), st.body),
        Paragraph(esc(ngettext("{n} study visit", "{n} study visits", len(visits)).format(n=len(visits))) + " · "
                  + esc(ngettext("{n} placement", "{n} placements", len(placements)).format(n=len(placements))),
                  st.small),
        *_if_missing(placements),
        Spacer(1, 4),
    ]
    story += _weekly_table(entries)
    story.append(job.mark(1, 2))
    grid = _week_grid(entries, scope)
    if grid:
        story.append(PageBreak())
        story.extend(grid)
    story.append(job.mark(2, 2))
    return Document(title=title, story=story, start_landscape=True)
