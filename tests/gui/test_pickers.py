"""Pickers tell people apart and stay relevant: a pupil with class and school, typing filters, and a
placement's supervisor is chosen among the contacts of its workplace."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from coordinator.models import Contact


def _labels(picker) -> list[str]:
    return [picker.itemText(i) for i in range(picker.count()) if picker.itemData(i) is not None]


def test_the_supervisor_picker_offers_only_the_workplaces_contacts(qtbot, main_window, app_context):
    with app_context.store.session() as session:
        host_id, contacts = session.execute(
            select(Contact.organisation_id, func.count()).where(Contact.organisation_id.is_not(None))
            .group_by(Contact.organisation_id).order_by(func.count().desc())).first()
        everyone = session.scalar(select(func.count()).select_from(Contact))
    panel = main_window.show_workspace("placements").panels[0]
    form = panel.form
    host = form.editor("host_id")
    supervisor = form.editor("supervisor_id")
    host.set_value(host_id)
    host.value_changed.emit()
    supervisor.showPopup()
    offered = _labels(supervisor)
    supervisor.hidePopup()
    assert len(offered) == contacts < everyone
    host_name = host.currentText()
    assert all(label.endswith(f"({host_name})") for label in offered)


def test_a_pupil_picker_shows_class_and_school_and_filters_as_you_type(qtbot, main_window):
    panel = main_window.show_workspace("placements").panels[0]
    pupil = panel.form.editor("pupil_id")
    pupil.setFocus()
    qtbot.keyClicks(pupil.lineEdit(), "8A")
    qtbot.waitUntil(lambda: len(_labels(pupil)) > 0, timeout=5_000)
    labels = _labels(pupil)
    assert all("(8A, " in label for label in labels)  # "Edith Lindqvist (8A, Vasaskolan)"
    pupil.hidePopup()
    qtbot.keyClick(pupil.lineEdit(), Qt.Key.Key_Escape)
