"""What each scorecard indicator means, in words a headteacher reads: one sentence, the formula in words,
the source data, and why it matters (the definitions page of the scorecard; docs/STATISTICS.md in full)."""

from __future__ import annotations

from dataclasses import dataclass

from coordinator.i18n import N_, _


@dataclass(frozen=True)
class Definition:
    """English msgids, translated when read."""

    source_sentence: str
    source_formula: str
    source_data: str
    source_why: str

    @property
    def sentence(self) -> str:
        return _(self.source_sentence)

    @property
    def formula(self) -> str:
        return _(self.source_formula)

    @property
    def data(self) -> str:
        return _(self.source_data)

    @property
    def why(self) -> str:
        return _(self.source_why)


D = Definition
DEFINITIONS: dict[str, Definition] = {
    "encounter_rate": D(
        N_("The share of pupils who met working life at least once this school year."),
        N_("Pupils with at least one study visit, placement or encounter that was not cancelled, divided by all "
           "pupils enrolled."),
        N_("Enrolments, placements, and the participants of study visits and encounters."),
        N_("Every pupil, not only the keen ones, should meet working life.")),
    "placement_coverage": D(
        N_("The share of pupils in the grades with placements who have done the days due so far."),
        N_("Pupils whose completed placement days, this year and earlier, reach the days due by the end of their "
           "grade, divided by all pupils in those grades."),
        N_("Enrolments and completed placements, with the days each school form requires."),
        N_("Placements are due to every pupil; this shows who is behind.")),
    "non_traditional_share": D(
        N_("The share of placements in a sector where the other gender dominates the workforce."),
        N_("Girls' placements in sectors dominated by men plus boys' placements in sectors dominated by women, "
           "divided by all placements of girls and boys."),
        N_("Placements, the host's sector, and the national workforce by gender (over 60 % marks a sector)."),
        N_("Placements outside the usual pattern widen the choices pupils see.")),
    "dissimilarity_index": D(
        N_("How differently girls and boys are spread over the sectors of their placements."),
        N_("Half the sum over sectors of the difference between the share of girls and the share of boys placed "
           "there; 0 is the same spread, 1 is no sector shared."),
        N_("Placements of girls and boys and the host's sector."),
        N_("A falling index means a start in working life less divided by gender.")),
    "pupil_evaluation": D(
        N_("How pupils rated their placements and study visits, on average."),
        N_("The mean of every pupil evaluation (1–5) of the year's placements and study visits that were not "
           "cancelled."),
        N_("Evaluations entered for placements and study visits."),
        N_("A good experience makes pupils want to come back to working life.")),
    "non_traditional_choices": D(
        N_("The share of leavers whose chosen programme is dominated by the other gender."),
        N_("Girls who chose a programme where boys are 60 % or more of the pupils, plus boys who chose one where "
           "girls are, divided by the girls and boys with a recorded first choice."),
        N_("Leavers' first-ranked choices, and national enrolment by programme and gender (Skolverket, GUS, the "
           "Russian Ministry of Education)."),
        N_("It shows whether meeting working life widened what pupils actually choose.")),
    "graduates_employed": D(
        N_("The share of last year's graduates who were employed 6 months after leaving."),
        N_("Graduates of the previous school year whose destination at 6 months is employment, divided by those "
           "whose destination at 6 months is recorded (“unknown” included)."),
        N_("Destinations recorded 6 months on for graduates of the last grade of vocational school forms."),
        N_("Vocational education should lead to work; this is the result employers see.")),
    "active_partners": D(
        N_("Organisations that worked with pupils this school year."),
        N_("Organisations that hosted a confirmed or completed placement, or a study visit or encounter that was "
           "not cancelled."),
        N_("Placements, study visits and encounters of the year."),
        N_("Every other activity rests on this network of employers.")),
    "new_partners": D(
        N_("Active partners this year that no school of the municipality worked with in any earlier year."),
        N_("This year's active partners, less those active for any school in an earlier year; a school counts "
           "only its own, so it never shows more than the municipality."),
        N_("Placements, study visits and encounters of every year held."),
        N_("It shows whether the network grows or only asks the same employers again.")),
    "places_ratio": D(
        N_("Places offered by organisations against the pupils who need a placement."),
        N_("Places offered by every organisation that is not a school, divided by the pupils in the grades with "
           "placements; the places are a shared pool, so a school's card shows the municipality's figure."),
        N_("The places each organisation offers, and enrolments in the grades with placements."),
        N_("Below 1 some pupils cannot be placed; a margin above it leaves a choice.")),
    "employer_evaluation": D(
        N_("How employers rated their placements, on average."),
        N_("The mean of every employer evaluation (1–5) of the year's placements that were not cancelled."),
        N_("Evaluations entered for placements."),
        N_("Satisfied employers take pupils again.")),
    "asked_without_hosting": D(
        N_("Employers asked more than three times this year who never said yes."),
        N_("Organisations with more than three requests (placements of any status, and contacts that asked "
           "something) and no confirmed placement and no “yes” in the contact log."),
        N_("Placements and the contact log of the year."),
        N_("Asking the same employer again and again wears the relationship out.")),
    "employed_at_partners": D(
        N_("The share of employed graduates who work at a partner organisation."),
        N_("Graduates employed 6 months on at an organisation with an agreement, or that has hosted a placement, "
           "divided by all graduates employed 6 months on."),
        N_("Destinations with their employer, agreements and placements."),
        N_("It shows whether the partnerships lead to jobs.")),
    "target_training_filled": D(
        N_("Last year's graduates with a target-training contract who are employed 6 months on."),
        N_("Graduates of the previous school year trained under a target-training contract whose destination "
           "at 6 months is employment."),
        N_("Destinations recorded 6 months on."),
        N_("A target-training contract is fulfilled only when the graduate takes up the job.")),
    "teachers_trained": D(
        N_("The share of teachers who took part in an industry training or a study visit."),
        N_("Teachers linked to a training or study visit of the year that was not cancelled, divided by all "
           "teachers."),
        N_("Teachers, trainings and study visits."),
        N_("Teachers who know working life guide their pupils better.")),
    "network_meetings": D(
        N_("Network meetings held this school year."),
        N_("Meetings of the year that were not cancelled; they are the municipality's, so a school's card shows "
           "the same number."),
        N_("Meetings."),
        N_("Regular meetings keep schools and employers working together.")),
    "actions_on_time": D(
        N_("The share of the action plan's actions done by their due date."),
        N_("Actions done on or before their due date, divided by the year's actions that are not cancelled and "
           "are either done or past their due date."),
        N_("The action plan of the year."),
        N_("A plan matters only when it is carried out.")),
    "visits_per_class": D(
        N_("Study visits per class."),
        N_("Links between classes and study visits that were not cancelled, divided by the year's classes."),
        N_("Classes and study visits of the year."),
        N_("Every class should see workplaces, not only some.")),
}

MANUAL = D(
    N_("An indicator the coordinator enters by hand."),
    N_("The value entered for the school year."),
    N_("Entered on the scorecard."),
    N_("It covers what the app's data cannot measure."))


def definition(key: str | None) -> Definition:
    """The definition of a computed indicator, or the common one of hand-entered indicators."""
    return DEFINITIONS.get(key or "", MANUAL)


__all__ = ["DEFINITIONS", "MANUAL", "Definition", "definition"]
