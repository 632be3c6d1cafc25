"""Placement letters: one page per pupil (and guardian, for a minor), one page per host (no gender, ever)."""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepTogether, PageBreak, Spacer
from sqlalchemy.orm import Session

from coordinator.documents.agenda import PlacementItem, placements_in_scope
from coordinator.documents.job import Document, Job
from coordinator.documents.law_text import adult_placements, host_rules_text, placement_facts
from coordinator.documents.page import LaidParagraph, data_table, esc, key_value_table, plain_paragraph, styles
from coordinator.documents.scope import Scope
from coordinator.errors import UserError
from coordinator.form_words import capitalised
from coordinator.formatting import format_date, format_number, format_time
from coordinator.i18n import _, ngettext
from coordinator.pupil_ages import country_rules


def _hours_text(hours: float, start: dt.time | None, end: dt.time | None) -> str:
    # A fraction takes the form of 2 in every language here: 6,5 godziny, 6,5 часа, 6,5 timmar (not the form of 6)
    count = int(hours) if float(hours).is_integer() else 2
    per_day = ngettext("{hours} hour a day", "{hours} hours a day", count).format(hours=format_number(hours))
    if start and end:
        return _("{start}–{end} ({per_day})").format(start=format_time(start), end=format_time(end),
                                                     per_day=per_day)
    return per_day


def _period_text(start: dt.date, end: dt.date, count: int) -> str:
    days = ngettext("{n} day", "{n} days", count).format(n=count)
    return _("{start} – {end} ({days})").format(start=format_date(start, "long"), end=format_date(end, "long"),
                                                days=days)


def _person_line(name: str, phone: str) -> str:
    return f"{name}, {phone}" if phone else name


class _Batch:
    """What one batch of letters does once: a text many letters repeat is parsed and laid out once, and
    a date or a working day many placements share is formatted once (Babel takes a third of a millisecond)."""

    def __init__(self) -> None:
        self._laid: dict[tuple[str, str], LaidParagraph] = {}
        self._texts: dict[tuple, str] = {}

    def text(self, make: Callable[..., str], *args: object) -> str:
        """make(*args), made once per batch for the same arguments (all in the batch's one language)."""
        key = (make, *args)
        if key not in self._texts:
            self._texts[key] = make(*args)
        return self._texts[key]

    def hours(self, item: PlacementItem) -> str:
        return self.text(_hours_text, item.hours_per_day, item.daily_start, item.daily_end)

    def period(self, item: PlacementItem) -> str:
        return self.text(_period_text, item.start, item.end, item.days)

    def same(self, text: str, style: ParagraphStyle, *, breaks: bool = False) -> LaidParagraph:
        """A paragraph of `text` (plain) that other letters print too; with `breaks`, a newline breaks the line."""
        if breaks:
            return self.same_markup(esc(text).replace("\n", "<br/>"), style)
        return self._copy((esc(text), style.name), lambda: plain_paragraph(text, style))

    def same_markup(self, markup: str, style: ParagraphStyle) -> LaidParagraph:
        return self._copy((markup, style.name), lambda: LaidParagraph(markup, style))

    def _copy(self, key: tuple[str, str], make: Callable[[], LaidParagraph]) -> LaidParagraph:
        if key not in self._laid:
            self._laid[key] = make()
        return copy.copy(self._laid[key])

    @staticmethod
    def own(text: str, style: ParagraphStyle) -> LaidParagraph:
        """A paragraph of `text` that only this letter prints (a pupil's name)."""
        return plain_paragraph(text, style)


def _greeting(item: PlacementItem, adult: bool, batch: _Batch) -> LaidParagraph:
    st = styles()
    if adult:
        return batch.same(_("To the pupil"), st.body) if item.protected else \
            batch.own(_("To {pupil}").format(pupil=item.pupil), st.body)
    if item.protected:
        return batch.same(_("To the pupil and guardian"), st.body)
    greeting = _("To {pupil} and guardian {guardian}").format(pupil=item.pupil, guardian=item.guardian_name) \
        if item.guardian_name else _("To {pupil} and guardian").format(pupil=item.pupil)
    return batch.own(greeting, st.body)


def _pupil_page(item: PlacementItem, adult: bool, batch: _Batch) -> list:
    """An adult (18 on the first day) is addressed alone: no guardian, no guardian's signature."""
    st = styles()
    story: list = [batch.same(_("Your work placement"), st.title), _greeting(item, adult, batch)]
    story.append(batch.same(_("You have a work placement at {host}. Here is what you need to know.").format(
        host=item.host.name), st.body))
    story.append(Spacer(1, 6))
    words = item.words
    whom = [_("Supervisor: {person}").format(person=_person_line(item.supervisor.name, item.supervisor.phone))
            if item.supervisor else "",
            _("{role}: {person}").format(role=words.label("mentor"),
                                         person=_person_line(item.mentor.name, item.mentor.phone))
            if item.mentor else "",
            _("{role}: {person}").format(role=words.label("school"),
                                         person=_person_line(item.school, item.school_phone))]
    # Only the pupil's (and guardian's) lines are theirs alone; the rest recur across a class, a host or a week.
    def shared(value: str) -> LaidParagraph:
        return batch.same(value, st.body)

    pairs: list[tuple[str, object]] = [
        (_("Pupil"), item.pupil),
        (words.label("group"), shared(f"{item.class_name}, {item.school}")),
        (_("Kind of placement"), shared(words.label("placement"))),
        (_("Workplace"), shared(item.host.name)),
        (_("Address"), shared(item.host.address or "–")),
        (_("When"), shared(batch.period(item))),
        (_("Working hours"), shared(batch.hours(item))),
        (_("Supervisor"), shared(_person_line(item.supervisor.name, item.supervisor.phone)
                                 if item.supervisor else "–")),
        (_("What to bring"),
         shared(item.what_to_bring or _("Nothing special; ask your supervisor on the first day."))),
        (_("Whom to call"), batch.same_markup("<br/>".join(esc(w) for w in whom if w), st.body)),
    ]
    if not item.protected and item.guardian_phone and not adult:
        pairs.insert(1, (_("Guardian"), _person_line(item.guardian_name, item.guardian_phone)))
    story.append(key_value_table([(batch.same(label, st.cell_head), value) for label, value in pairs]))
    story.append(Spacer(1, 10))
    story.append(batch.same(_("If you are ill or late, call your supervisor and the school before the working "
                             "day starts."), st.body))
    # The school sends its pupil on a placement (a Polish "skierowanie" comes from the school), so it signs.
    story.append(batch.same(_("Kind regards,\n{school}").format(school=item.school), st.body, breaks=True))
    if not adult:
        story.append(Spacer(1, 24))
        story.append(KeepTogether([batch.same(_("Guardian's signature") + ": " + "_" * 40, st.body)]))
    return story


def _host_page(items: list[PlacementItem], rules: list[str], batch: _Batch) -> list:
    st = styles()
    host = items[0].host
    story: list = [
        batch.own(_("Pupils on placement with {host}").format(host=host.name), st.title),
        batch.own(host.address, st.small),
        batch.same(_("Thank you for taking pupils on a work placement. Below are the pupils, their dates and "
                    "whom to contact at the school."), st.body),
        Spacer(1, 4),
    ]
    # One school (the usual case) is named once below the table: a long school name in a narrow column
    # broke inside its words ("Mec-haniczno").
    one_school = len({i.school for i in items}) == 1
    groups = {i.words.group for i in items}
    group = capitalised(groups.pop()) if len(groups) == 1 else _("Class")
    header = [_("Pupil"), group if one_school else _("School and class"), _("When"), _("Working hours"),
              _("Supervisor"), _("School contact")]
    rows = []
    for item in sorted(items, key=lambda i: (i.start, i.school, i.class_name, i.pupil)):
        contact = item.mentor or None
        rows.append([
            item.pupil, item.class_name if one_school else f"{item.school}, {item.class_name}",
            f"{batch.text(format_date, item.start)} – {batch.text(format_date, item.end)}", batch.hours(item),
            _person_line(item.supervisor.name, item.supervisor.phone) if item.supervisor else "–",
            _person_line(contact.name, contact.phone) if contact else _person_line(item.school, item.school_phone),
        ])
    story.append(data_table(header, rows, [0.18, 0.17, 0.18, 0.15, 0.16, 0.16]))
    schools = sorted({(i.school, i.school_phone, i.school_email) for i in items})
    story.append(batch.same(_("The school"), st.h3))
    for name, phone, email in schools:
        story.append(batch.same(", ".join(p for p in (name, phone, email) if p), st.body))
    if rules:
        story.append(batch.same(_("Rules for pupils under 18"), st.h3))
        story.extend(batch.same(line, st.body) for line in rules)
    return story


def build(session: Session, scope: Scope, job: Job) -> Document:
    items = placements_in_scope(session, scope)
    if not items:
        raise UserError(_("Nothing to print: no placements in {scope} between {start} and {end}.").format(
            scope=scope.describe(), start=format_date(scope.date_from), end=format_date(scope.date_to)))
    facts = placement_facts(session, items)
    adults = adult_placements(items, facts)
    rules = country_rules(session)
    batch = _Batch()
    by_host: dict[int, list[PlacementItem]] = defaultdict(list)
    for item in items:
        by_host[item.host.id].append(item)
    pupils = sorted(items, key=lambda i: (i.school, i.class_name, i.protected, i.pupil, i.start))
    hosts = sorted(by_host.values(), key=lambda group: group[0].host.name.lower())
    total = len(pupils) + len(hosts)
    story: list = []
    done = 0
    for item in pupils:
        job.check()
        if story:
            story.append(PageBreak())
        story.extend(_pupil_page(item, item.id in adults, batch))
        done += 1
        story.append(job.mark(done, total))
    for group in hosts:
        job.check()
        story.append(PageBreak())
        story.extend(_host_page(group, host_rules_text(rules, group, facts), batch))
        done += 1
        story.append(job.mark(done, total))
    return Document(title=_("Placement letters"), story=story)
