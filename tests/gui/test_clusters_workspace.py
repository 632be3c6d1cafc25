"""A coordinator builds a cluster in the app: members with roles, a patron-class agreement, contacts to follow up."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from coordinator.gui.record_ops import create_record
from coordinator.services.records import ListQuery, kind


def _create(window, key: str, values: dict) -> int:
    outcome = create_record(window.context, kind(key), values)
    assert outcome.ok, key
    return outcome.value


def _group_lines(overview, prefix: str) -> list[str]:
    for i in range(overview.soon.topLevelItemCount()):
        group = overview.soon.topLevelItem(i)
        if group.text(0).startswith(prefix):
            return [group.child(j).text(1) for j in range(group.childCount())]
    return []


@pytest.mark.parametrize("language", ["sv", "ru"])
def test_a_cluster_with_members_an_agreement_and_follow_ups(qtbot, main_window, language):
    desk = main_window.context.desk
    companies = desk.record_ids("organisations", ListQuery(filters=(("kind", "company"),)), limit=3)
    school = desk.record_ids("schools", ListQuery(), limit=1)[0]
    klass = desk.record_ids("classes", ListQuery(), limit=1)[0]
    network = _create(main_window, "networks", {"name": "Hedemora teknikkluster"})
    roles = {r.name: r.id for r in desk.network_roles()}
    _create(main_window, "network_members", {"network_id": network, "school_id": school,
                                             "role_id": roles["huvudman"], "joined_on": dt.date(2025, 8, 1)})
    for org in companies:
        _create(main_window, "network_members", {"network_id": network, "organisation_id": org,
                                                 "role_id": roles["medlem"]})
    _create(main_window, "agreements", {"kind": "patron_class", "organisation_id": companies[0], "class_id": klass,
                                        "status": "active", "commitments": "4 APL-platser per år"})
    today = dt.date.today()
    for days, asked in ((2, "APL-platser"), (5, "Studiebesök")):
        _create(main_window, "contact_log", {"date": today, "organisation_id": companies[0], "channel": "call",
                                             "answer": "pending", "asked": asked,
                                             "follow_up_on": today + dt.timedelta(days=days)})

    assert [m.role for m in desk.network_members(network)].count("medlem") == 3
    [agreement] = desk.agreements_of(companies[0])
    assert agreement.party.endswith(desk.record("classes", klass).values["name"])
    assert {e.asked for e in desk.contact_log(companies[0]) if e.date == today} == {"Studiebesök", "APL-platser"}

    main_window.switch_language(language)
    workspace = main_window.show_workspace("clusters")
    members = next(p for p in workspace.panels if p.kind.key == "network_members")
    members.ensure_loaded()
    qtbot.waitUntil(lambda: not members.model.loading and members.model.rowCount() >= 4, timeout=10_000)
    overview = main_window.show_workspace("overview")
    name = desk.record("organisations", companies[0]).values["name"]
    qtbot.waitUntil(lambda: f"{name} – APL-platser" in _group_lines(overview, {"sv": "Uppföljningar",
                                                                               "ru": "Повторные"}[language]),
                    timeout=10_000)
    shots = os.environ.get("COORDINATOR_SCREENSHOTS")
    if shots:  # offscreen screenshots for a person to look at
        main_window.grab().save(str(Path(shots) / f"overview-{language}.png"))
        main_window.show_workspace("clusters")
        main_window.grab().save(str(Path(shots) / f"clusters-{language}.png"))
