"""Networks, agreements, the contact log and budgets through the desk, as the app and the CLI use them."""

from __future__ import annotations

import datetime as dt

import pytest

from coordinator.changes import Kind
from coordinator.desk.clusters import ClustersDesk
from coordinator.errors import UserError
from coordinator.formatting import format_money, format_share
from coordinator.i18n import use_language
from coordinator.models import AgreementKind, ContactAnswer, ContactChannel, Organisation, School, SchoolType
from coordinator.money import parse_amount
from coordinator.store import open_store


def _plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


@pytest.fixture
def desk(empty_db):
    opened = ClustersDesk(open_store(empty_db))
    yield opened
    opened.close()


def _world(desk: ClustersDesk) -> tuple[list[int], int]:
    with desk.store.session() as s:
        orgs = [Organisation(name=name, kind="company", country="SE") for name in ("Verkstad AB", "Bygg AB", "Vård AB")]
        school_type = s.query(SchoolType).first()
        school = School(name="Hedemora gymnasium", school_type_id=school_type.id)
        s.add_all([*orgs, school])
        s.flush()
        return [o.id for o in orgs], school.id


def test_a_cluster_of_three_companies_and_a_school_with_roles(desk):
    org_ids, school_id = _world(desk)
    changes = desk.add_network(name="Teknikcollege Hedemora")
    network_id = next(iter(changes.created[Kind.NETWORKS]))
    roles = {r.name: r.id for r in desk.network_roles()}
    assert list(roles) == ["huvudman", "medlem", "partner"]
    desk.add_network_member(network_id=network_id, school_id=school_id, role_id=roles["huvudman"],
                            joined_on=dt.date(2025, 8, 1))
    for org_id in org_ids:
        changes = desk.add_network_member(network_id=network_id, organisation_id=org_id, role_id=roles["medlem"])
    assert Kind.NETWORK_MEMBERS in changes.created
    members = desk.network_members(network_id)
    assert [(m.name, m.role) for m in members][0] == ("Hedemora gymnasium", "huvudman")
    assert len(members) == 4 and desk.networks()[0].members == 4
    desk.add_network_member(network_id=network_id, organisation_id=org_ids[0], role_id=roles["partner"])
    assert len(desk.network_members(network_id)) == 4  # the same member again changes its role, no duplicate


def test_agreement_and_contact_log_with_a_follow_up_due(desk):
    org_ids, school_id = _world(desk)
    changes = desk.add_agreement(organisation_id=org_ids[0], kind=AgreementKind.PATRON_CLASS, school_id=school_id,
                                 starts_on=dt.date(2025, 9, 1), ends_on=dt.date(2026, 6, 30),
                                 commitments=("4 platser per år", "1 lärarpraktik"))
    assert Kind.AGREEMENTS in changes.created
    [agreement] = desk.agreements_of(org_ids[0])
    assert agreement.party == "Hedemora gymnasium" and agreement.commitments == ("4 platser per år", "1 lärarpraktik")
    assert desk.agreements_ending(today=dt.date(2026, 5, 15))[0].id == agreement.id
    assert desk.agreements_ending(today=dt.date(2026, 3, 1)) == []
    desk.log_contact(organisation_id=org_ids[0], date=dt.date(2026, 3, 2), channel=ContactChannel.CALL,
                     asked="PRAO-platser v. 12", follow_up_on=dt.date(2026, 3, 9))
    changes = desk.log_contact(organisation_id=org_ids[0], date=dt.date(2026, 3, 3), channel=ContactChannel.EMAIL,
                               promised="Svar på fredag", follow_up_on=dt.date(2026, 3, 6))
    assert Kind.CONTACT_LOG in changes.created
    log = desk.contact_log(org_ids[0])
    assert [entry.channel for entry in log] == [ContactChannel.EMAIL, ContactChannel.CALL]  # the last contact first
    due = desk.follow_ups_due(today=dt.date(2026, 3, 4))
    assert [(d.organisation, d.follow_up_on) for d in due] == [("Verkstad AB", dt.date(2026, 3, 6))]
    with pytest.raises(UserError):
        desk.log_contact(organisation_id=org_ids[1], date=dt.date(2026, 3, 3), channel=ContactChannel.CALL,
                         follow_up_on=dt.date(2026, 3, 1))


def test_employers_asked_more_than_three_times_without_a_yes(desk):
    org_ids, _school = _world(desk)
    for day in range(1, 5):
        desk.log_contact(organisation_id=org_ids[0], date=dt.date(2026, 2, day), channel=ContactChannel.CALL,
                         asked="Praktikplats?", answer=ContactAnswer.NO)
        desk.log_contact(organisation_id=org_ids[1], date=dt.date(2026, 2, day), channel=ContactChannel.CALL,
                         asked="Praktikplats?", answer=ContactAnswer.YES if day == 4 else ContactAnswer.PENDING)
    assert desk.employers_asked_without_yes(start=dt.date(2025, 8, 1), end=dt.date(2026, 6, 30)) == 1


def test_a_budget_of_100_20_10_million_roubles_prints_its_shares(desk):
    changes = desk.add_project(name="Профессионалитет", currency="RUB")
    project_id = next(iter(changes.created[Kind.PROJECTS]))
    with desk.store.session() as s:
        from coordinator.clusters.projects import funding_sources

        sources = {f.kind.value: f.id for f in funding_sources(s, "RU")}
    for kind, amount in (("state", "100 000 000"), ("employer", "20000000"), ("region", "10 000 000,00")):
        desk.set_budget_line(project_id=project_id, funding_source_id=sources[kind],
                             planned_minor=parse_amount(amount, "RUB"))
    budget = desk.project_budget(project_id)
    with use_language("ru"):
        assert [_plain(format_share(line.share)) for line in budget.lines] == ["76,9 %", "15,4 %", "7,7 %"]
        assert _plain(format_money(budget.planned_minor, "RUB")) == "130 000 000,00 ₽"
    with use_language("en"):
        assert [format_share(line.share) for line in budget.lines] == ["76.9 %", "15.4 %", "7.7 %"]


def test_money_never_passes_through_a_float(desk):
    changes = desk.add_project(name="Studiebesök", currency="SEK")
    project_id = next(iter(changes.created[Kind.PROJECTS]))
    source = desk.funding_sources()[0].id
    line_id = next(iter(desk.set_budget_line(project_id=project_id, funding_source_id=source,
                                             planned_minor=parse_amount("1,00", "SEK")).created[Kind.BUDGET_LINES]))
    for _ in range(10):
        desk.add_cost(project_id=project_id, description="Buss", amount_minor=parse_amount("0.10", "SEK"),
                      budget_line_id=line_id)
    budget = desk.project_budget(project_id)
    assert budget.spent_minor == budget.planned_minor == budget.costs_minor == 100
    assert _plain(format_money(budget.spent_minor, "SEK", "sv")) == "1,00 kr"
    with pytest.raises(TypeError):
        parse_amount(0.1, "SEK")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        desk.add_cost(project_id=project_id, description="Buss", amount_minor=0.1)  # type: ignore[arg-type]
    with pytest.raises(UserError):
        parse_amount("0,001", "SEK")


@pytest.mark.parametrize(("typed", "minor"), [("1 234,50", 123450), ("1,234.50", 123450), ("1.234,50", 123450),
                                              ("1\u00a0234,50 SEK", 123450), ("100 000 000", 10_000_000_000),
                                              ("0,10", 10)])
def test_an_amount_reads_as_each_language_writes_it(typed, minor):
    assert parse_amount(typed, "SEK") == minor


def test_an_amount_shown_for_editing_reads_back_the_same_in_every_language():
    from coordinator.services.records.money import editable

    for language in ("en", "sv", "pl", "ru"):
        with use_language(language):
            shown = editable(123_456_789_01, "RUB")
        assert parse_amount(shown, "RUB") == 123_456_789_01, (language, shown)
