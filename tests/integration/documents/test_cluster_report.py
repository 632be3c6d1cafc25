"""The cluster report: members by role and sector, what each did, agreements, and the budget's shares."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from coordinator.changes import Kind
from coordinator.cli.main import main
from coordinator.desk.clusters import ClustersDesk
from coordinator.models import AgreementKind, Organisation, School
from coordinator.money import parse_amount
from coordinator.services.setup import initialise, school_type_for
from coordinator.store import open_store

MEMBERS = (("АНО «Центр опережающей профподготовки»", "business_association", "P", "управляющая компания"),
           ("ПАО «Камский кабель»", "company", "C", "участник"),
           ("АО «Пермские моторы»", "company", "C", "участник"),
           ("ООО «Уралхимсервис»", "company", "M", "партнёр"))


def _cluster(path) -> None:
    store = open_store(path, create=True)
    with store.session() as s:
        initialise(s, profile_code="ru")
        orgs = [Organisation(name=n, kind=k, sector_code=sector, country="RU") for n, k, sector, _role in MEMBERS]
        college = School(name="ГБПОУ «Пермский машиностроительный колледж»",
                         school_type_id=school_type_for(s, compulsory=False).id)
        s.add_all([*orgs, college])
        s.flush()
        ids = {o.name: o.id for o in orgs}
        college_id = college.id
    desk = ClustersDesk(store)
    network_id = next(iter(desk.add_network(name="Кластер «Машиностроение»").created[Kind.NETWORKS]))
    roles = {r.name: r.id for r in desk.network_roles()}
    desk.add_network_member(network_id=network_id, school_id=college_id,
                            role_id=roles["базовая образовательная организация"])
    for name, _kind, _sector, role in MEMBERS:
        desk.add_network_member(network_id=network_id, organisation_id=ids[name], role_id=roles[role],
                                joined_on=dt.date(2023, 9, 1))
    desk.add_agreement(organisation_id=ids["ПАО «Камский кабель»"], kind=AgreementKind.TARGETED_TRAINING,
                       school_id=college_id, starts_on=dt.date(2024, 9, 1), ends_on=dt.date(2027, 6, 30),
                       commitments=("10 мест практики в год",))
    project_id = next(iter(desk.add_project(name="Профессионалитет 2025", currency="RUB").created[Kind.PROJECTS]))
    sources = {s.kind: s.id for s in desk.funding_sources()}
    for kind, millions in (("state", "100000000"), ("employer", "20000000"), ("region", "10000000")):
        employer = kind == "employer"  # the employer's line: its money, given by one member
        desk.set_budget_line(project_id=project_id, funding_source_id=sources[kind],
                             planned_minor=parse_amount(millions, "RUB"),
                             spent_minor=parse_amount("5 000 000", "RUB") if employer else 0,
                             financier_id=ids["ПАО «Камский кабель»"] if employer else None)
    desk.close()


@pytest.mark.parametrize("language", ["ru", "pl", "sv", "en"])
def test_the_cluster_report_lists_members_by_role_and_the_budget_shares(tmp_path, capsys, language):
    db = tmp_path / "cluster.sqlite"
    _cluster(db)
    out = tmp_path / f"cluster-{language}.pdf"
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(db), "--lang", language, "report", "cluster", "--out", str(out)])
    assert exit_info.value.code == 0, capsys.readouterr().err
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(out)).pages)
    text = "".join(text.split())  # cells wrap names and words anywhere
    decimal = "." if language == "en" else ","
    for share in ("76{d}9%", "15{d}4%", "7{d}7%"):
        assert share.format(d=decimal) in text
    for name, _kind, _sector, role in MEMBERS:
        assert "".join(name.split()) in text and "".join(role.split()) in text
    assert "базоваяобразовательнаяорганизация" in text
    from coordinator.formatting import format_money

    given = "".join(format_money(5_000_000_00, "RUB", language).split())
    assert text.count(given) == 3  # the member's row (money given), its budget line and the total spent
    assert "10местпрактикивгод" in text


def test_the_action_plan_shows_the_budget_of_actions_with_costs(doc_store, tmp_path):
    from coordinator.documents import render_document

    out = render_document(doc_store, "action-plan", tmp_path / "plan.pdf", language="sv")
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(out)).pages).replace("\xa0", " ")
    assert "Budget" in text
    assert "4 500,50 kr" in text  # the bus to the sawmill, on the action of the visit
