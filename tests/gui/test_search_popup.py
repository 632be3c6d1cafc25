"""The Ctrl+K search popup driven from the keyboard alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from coordinator.gui.context import AppContext
from coordinator.gui.search_popup import SearchPopup
from coordinator.i18n import set_language
from coordinator.models import Contact, Organisation, Pupil


@pytest.fixture
def popup(qtbot, empty_store):
    with empty_store.session() as s:
        org = Organisation(name="Verkstad AB", org_number="556677-8899")
        s.add(org)
        s.flush()
        s.add_all([Contact(organisation_id=org.id, first_name="Lena", last_name="Verk", phone="070-111 22 33"),
                   Pupil(first_name="Anna", last_name="Svensson")])
    context = AppContext(empty_store)
    widget = SearchPopup(context)
    qtbot.addWidget(widget)
    return widget, context


def test_type_down_enter_opens_the_second_hit(qtbot, popup, empty_store):
    widget, _ = popup
    widget.open_over()
    qtbot.keyClicks(widget.field, "verk")
    qtbot.waitUntil(lambda: widget.results.count() == 2)
    hits = widget.hits()
    assert [h.kind for h in hits] == ["organisation", "contact"]
    qtbot.keyClick(widget.field, Qt.Key.Key_Down)
    with qtbot.waitSignal(widget.record_chosen) as chosen:
        qtbot.keyClick(widget.field, Qt.Key.Key_Return)
    assert chosen.args == ["contact", hits[1].id]
    assert not widget.isVisible()


def test_enter_before_the_pause_still_finds_by_number(qtbot, popup):
    widget, _ = popup
    qtbot.keyClicks(widget.field, "5566778899")
    with qtbot.waitSignal(widget.record_chosen) as chosen:
        qtbot.keyClick(widget.field, Qt.Key.Key_Enter)
    assert chosen.args[0] == "organisation"


def test_nothing_found_is_said_and_escape_closes(qtbot, popup):
    widget, _ = popup
    qtbot.keyClicks(widget.field, "zzz")
    qtbot.waitUntil(lambda: "zzz" in widget.status.text())
    assert widget.results.count() == 0
    qtbot.keyClick(widget.field, Qt.Key.Key_Up)  # nothing to move to: no error
    qtbot.keyClick(widget.field, Qt.Key.Key_Escape)
    assert not widget.isVisible()


def test_texts_follow_the_language(qtbot, popup):
    widget, context = popup
    set_language("sv")
    context.language_changed.emit("sv")
    assert widget.field.placeholderText() != "Search names, organisation numbers, phones…"
