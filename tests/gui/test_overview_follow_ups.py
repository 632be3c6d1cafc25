"""The Overview lists the contact log's follow-ups due, and a line leads to the organisation."""

from __future__ import annotations

import datetime as dt

from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.overview import OverviewWorkspace
from coordinator.models import ContactChannel, Organisation

TODAY = dt.date(2026, 11, 24)


def _group(widget, prefix):
    for i in range(widget.soon.topLevelItemCount()):
        group = widget.soon.topLevelItem(i)
        if group.text(0).startswith(prefix):
            return [group.child(j) for j in range(group.childCount())]
    raise AssertionError(f"no group {prefix}")


def _has_group(widget, prefix):
    return any(widget.soon.topLevelItem(i).text(0).startswith(prefix)
               for i in range(widget.soon.topLevelItemCount()))


def test_follow_ups_due_are_on_the_overview(qtbot, empty_store):
    with empty_store.session() as s:
        host, other = Organisation(name="Verkstad AB", sector_code="C"), Organisation(name="Bygg AB")
        s.add_all([host, other])
        s.flush()
        host_id, other_id = host.id, other.id
    context = AppContext(empty_store)
    widget = OverviewWorkspace(context)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    widget.show()
    chosen = []
    widget.record_chosen.connect(lambda kind, record_id: chosen.append((kind, record_id)))
    widget.activated()
    qtbot.waitUntil(lambda: widget.data is not None)
    assert [line.text(1) for line in _group(widget, "Follow-ups due (0)")] == ["Nothing planned."]

    context.desk.log_contact(organisation_id=host_id, date=dt.date(2026, 11, 17), channel=ContactChannel.CALL,
                             asked="PRAO v. 12", follow_up_on=dt.date(2026, 11, 27))
    context.desk.log_contact(organisation_id=other_id, date=dt.date(2026, 11, 17), channel=ContactChannel.EMAIL,
                             asked="Studiebesök", follow_up_on=dt.date(2027, 1, 15))  # not yet due
    qtbot.waitUntil(lambda: _has_group(widget, "Follow-ups due (1)"))  # the logged contact is announced

    [line] = _group(widget, "Follow-ups due (1)")
    assert line.text(1) == "Verkstad AB – PRAO v. 12"
    widget.soon.itemActivated.emit(line, 0)
    assert chosen == [("organisation", host_id)]
