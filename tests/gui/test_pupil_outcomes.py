"""A pupil's page enters their next-step choices and destinations: listed, edited, undone, counted."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
from sqlalchemy import select

from coordinator.changes import Kind
from coordinator.gui.widgets.related_records import TARGET
from coordinator.models import Choice, Destination, Enrolment, SchoolClass


def _leaver(app_context) -> int:
    """A pupil in grade 9 this school year (a leaver whose choice the statistics count) with no choice yet."""
    year = app_context.desk.current_year()
    with app_context.store.session() as session:
        from coordinator.years import school_year_id

        return session.scalar(select(Enrolment.pupil_id).join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                              .where(SchoolClass.grade == "9", Enrolment.school_year_id == school_year_id(
                                  session, year), Enrolment.pupil_id.not_in(select(Choice.pupil_id)),
                                     Enrolment.pupil_id.not_in(select(Destination.pupil_id)))
                              .order_by(Enrolment.pupil_id).limit(1))


def _page(qtbot, main_window, pupil_id):
    workspace = main_window.show_workspace("pupils")
    workspace.show_record("pupils", pupil_id)
    panel = workspace.panel
    qtbot.waitUntil(lambda: panel.related_view.record_id == pupil_id, timeout=10_000)
    return panel


def _group(panel, title):
    tree = panel.related_view.tree
    heading = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                   if tree.topLevelItem(i).text(0).startswith(title))
    return [heading.child(i).text(1) for i in range(heading.childCount())], heading


def _type(dialog, field, text):
    editor = dialog.form.editor(field)
    assert isinstance(editor, QLineEdit)
    editor.setText(text)


def _total(desk, code):
    return sum(desk.choice_statistics(year=desk.current_year())["total"]["choices"].get(code, {}).values())


def test_a_choice_added_on_the_pupils_page_is_listed_edited_undone_and_counted(qtbot, main_window, app_context):
    desk = app_context.desk
    pupil_id = _leaver(app_context)
    before, before_te = _total(desk, "EE"), _total(desk, "TE")
    panel = _page(qtbot, main_window, pupil_id)
    bar = panel.outcomes
    assert bar.add_choice.isEnabled() and not bar.edit_button.isEnabled()

    dialog = bar.open("choices")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible(), "a choice with no programme is refused"
    assert "programme" in dialog.form.problem("programme_code").lower()

    _type(dialog, "programme_code", "EE")
    _type(dialog, "programme_name", "El- och energiprogrammet")
    _type(dialog, "school_chosen", "Teknikgymnasiet")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible(), (dialog.status.text(), {n: dialog.form.problem(n) for n in dialog.form.rows})
    qtbot.waitUntil(lambda: any("EE" in line for line in _group(panel, "Next-step choices")[0]), timeout=10_000)
    lines, heading = _group(panel, "Next-step choices")
    assert lines == ["1. EE El- och energiprogrammet · Teknikgymnasiet · " + desk.current_year()]
    assert _total(desk, "EE") == before + 1

    panel.related_view.tree.setCurrentItem(heading.child(0))
    assert bar.edit_button.isEnabled()
    bar.edit_selected()
    _type(bar.dialog, "programme_code", "TE")
    bar.dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: _group(panel, "Next-step choices")[0][0].startswith("1. TE"), timeout=10_000)
    assert (_total(desk, "TE"), _total(desk, "EE")) == (before_te + 1, before)
    _kind, choice_id = _group(panel, "Next-step choices")[1].child(0).data(0, TARGET)
    assert len(desk.history(Kind.CHOICES, choice_id)) == 2, "the audit log has its creation and its edit"

    app_context.undo_stack.undo()
    qtbot.waitUntil(lambda: _group(panel, "Next-step choices")[0][0].startswith("1. EE"), timeout=10_000)
    assert (_total(desk, "TE"), _total(desk, "EE")) == (before_te, before + 1)


def test_a_destination_added_on_the_pupils_page_is_listed_and_deleted(qtbot, main_window, app_context):
    pupil_id = _leaver(app_context)
    panel = _page(qtbot, main_window, pupil_id)
    bar = panel.outcomes
    dialog = bar.open("destinations")
    dialog.form.editor("follow_up_on").set_value(dt.date(2026, 12, 15))
    combo = dialog.form.editor("kind")
    combo.setCurrentIndex(combo.findData("employed"))
    _type(dialog, "employer_name", "Byggbolaget AB")
    _type(dialog, "exam_result", "A")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: bool(_group(panel, "Destinations")[0]), timeout=10_000)
    lines, heading = _group(panel, "Destinations")
    assert lines == ["Employed · 6 months · Byggbolaget AB · A"]

    again = bar.open("destinations")  # the same follow-up twice is refused, naming the field
    again.form.editor("follow_up_on").set_value(dt.date(2026, 12, 20))
    again.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert again.isVisible() and "Months after leaving" in again.form.problem("months_after")
    again.reject()

    panel.related_view.tree.setCurrentItem(heading.child(0))
    bar.delete_selected()
    qtbot.waitUntil(lambda: not _group(panel, "Destinations")[0], timeout=10_000)
    app_context.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(_group(panel, "Destinations")[0]), timeout=10_000)
