"""What placement letters say about the law for minors: who is an adult, and the rules a host must keep.

A pupil who is 18 on the first day of the placement is an adult: the letter addresses the pupil alone
and asks for no guardian's signature. A host is told the rules of the age bands its minor pupils are in
during their placements (a 16-year-old's rules are not a 14-year-old's), each with its legal source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from sqlalchemy.orm import Session

from coordinator.documents.agenda import PlacementItem
from coordinator.formatting import format_number, format_time
from coordinator.i18n import _
from coordinator.pupil_ages import PupilFacts, pupils_facts
from coordinator.reference.labour_rules import AgeBand, CountryRules, assumed_band, bands_over, is_adult


def placement_facts(session: Session, items: Iterable[PlacementItem]) -> dict[int, PupilFacts]:
    """What the law needs to know of each placement's pupil on its first day, by placement id (one batch)."""
    items = list(items)
    facts = pupils_facts(session, [(item.pupil_id, item.start) for item in items])
    return {item.id: facts[(item.pupil_id, item.start)] for item in items}


def adult_placements(items: Iterable[PlacementItem], facts: Mapping[int, PupilFacts]) -> set[int]:
    """The ids of the placements whose pupil is an adult on the first day."""
    return {item.id for item in items if is_adult(facts[item.id].birth_date, item.start)}


def _bands(rules: CountryRules | None, items: list[PlacementItem],
           facts: Mapping[int, PupilFacts]) -> list[AgeBand]:
    if rules is None:
        return []
    found: list[AgeBand] = []
    for item in items:
        pupil = facts[item.id]
        if pupil.birth_date is None:
            bands = [assumed_band(rules)] if pupil.compulsory_school else []
        else:
            bands = [band for _day, band in bands_over(rules, pupil.birth_date, item.start, item.end,
                                                       compulsory_school=pupil.compulsory_school)]
        found += [b for b in bands if b not in found]
    return sorted(found, key=lambda b: rules.bands.index(b))


def _band_line(band: AgeBand) -> str:
    limits = _("{day} h a day, {week} h a week").format(
        day=format_number(band.hours_per_day.value), week=format_number(band.hours_per_week.value)) \
        if band.hours_per_week is not None else _("{day} h a day").format(day=format_number(band.hours_per_day.value))
    sources = sorted({band.hours_per_day.source, band.night.source}
                     | ({band.hours_per_week.source} if band.hours_per_week else set()))
    return _("{who}: at most {limits}; no work between {night_start} and {night_end} ({sources}).").format(
        who=_(band.label), limits=limits, night_start=format_time(band.night.start),
        night_end=format_time(band.night.end), sources="; ".join(sources))


def host_rules_text(rules: CountryRules | None, items: list[PlacementItem],
                    facts: Mapping[int, PupilFacts]) -> list[str]:
    """The lines a host's page prints about the law for its minor pupils; none when all of them are adults.

    `rules` are the country's (pupil_ages.country_rules), `facts` the pupils' by placement (placement_facts).
    """
    bands = _bands(rules, items, facts)
    if not bands:
        return []
    return [_band_line(band) for band in bands] + [_(
        "Only tasks the risk assessment allows, and always with a named supervisor. Breaks follow the "
        "working-hours law. Report an accident or absence to the school the same day.")]

