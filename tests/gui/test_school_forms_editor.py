"""A user adds a school form in the Schools workspace; schools can then be of that form."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt

from tests.gui.test_record_workspaces import open_panel


def type_text(qtbot, editor, text: str) -> None:
    """Type as a person would; a letter Qt's test keyboard lacks (ö, ä) is entered as an input method would."""
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:
        editor.insert(text)


def test_a_user_adds_a_school_form_with_its_words(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "schools", "school_forms")
    shipped = panel.model.rowCount()
    assert shipped == 2  # the Swedish profile ships grundskola and gymnasieskola
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    typed = {"name": "Folk high school", "code": "se_folkhogskola", "short": "FH", "grades": "1, 2",
             "youngest": "18", "oldest": "25", "name_sv": "Folkhögskola", "group_sv": "kursgrupp",
             "mentor_sv": "kursledare", "placement_sv": "arbetsplatsförlagt lärande"}
    for name, text in typed.items():
        type_text(qtbot, panel.form.editor(name), text)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Created."
    qtbot.waitUntil(lambda: not panel.model.loading and panel.model.rowCount() == shipped + 1, timeout=10_000)
    if os.environ.get("COORDINATOR_SCREENSHOTS"):
        main_window.grab().save(os.path.join(os.environ["COORDINATOR_SCREENSHOTS"], "school_forms.png"))

    desk = main_window.context.desk
    record = next(r for r in (desk.record("school_forms", i) for i in desk.record_ids("school_forms"))
                  if r.values["code"] == "se_folkhogskola")
    assert record.values["grades"] == "1;2" and record.values["group_sv"] == "kursgrupp"
    assert "Folk high school" in [label for _value, label in desk.field_choices("schools", "school_type_id")]


def test_a_placement_grade_outside_the_forms_grades_is_refused_at_the_field(qtbot, main_window):
    panel = open_panel(qtbot, main_window, "schools", "school_forms")
    panel.new_record()
    for name, text in {"name": "Evening school", "code": "se_kvall", "grades": "1 2 3",
                       "placement_grades": "4"}.items():
        qtbot.keyClicks(panel.form.editor(name), text)
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "“4” is not one of this form's grades: 1, 2, 3" in panel.form.rows["placement_grades"].message.text()
