"""The Action plan workspace driven as a person would: goals, actions, validation, undo, progression.

Typed texts are ASCII: QTest can only synthesise key presses for ASCII characters.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.action_plan import ActionPlanWorkspace
from coordinator.models import Action, Contact, Goal, Organisation, School, SchoolClass, StudyVisit
from coordinator.services.setup import school_type_for, school_year_id


@pytest.fixture
def workspace(qtbot, empty_store):
    with empty_store.session() as s:
        year = school_year_id(s, "2026/27")
        school = School(name="Norra skolan", school_type_id=school_type_for(s, compulsory=True).id)
        host = Organisation(name="Verkstad AB")
        s.add_all([school, host, Contact(first_name="Lena", last_name="Öberg")])
        s.flush()
        klass = SchoolClass(school_id=school.id, school_year_id=year, grade="8", name="8A")
        visit = StudyVisit(school_year_id=year, host_id=host.id, title="Robotverkstan",
                           starts_at=dt.datetime(2026, 11, 26, 9, 30))
        visit.classes = [klass]
        s.add(visit)
    context = AppContext(empty_store)
    widget = ActionPlanWorkspace(context)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.activated()
    return widget, context, empty_store


def tree_texts(widget):
    out = []
    for i in range(widget.tree.topLevelItemCount()):
        goal = widget.tree.topLevelItem(i)
        out.append((goal.text(0), [(goal.child(j).text(0), goal.child(j).text(4)) for j in range(goal.childCount())]))
    return out


def add_goal(qtbot, widget, title):
    qtbot.mouseClick(widget.new_goal_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.goal_form.title_edit, title)
    qtbot.mouseClick(widget.goal_form.save_button, Qt.MouseButton.LeftButton)


def test_create_goal_and_action_through_the_form(qtbot, workspace):
    widget, _context, store = workspace
    assert not widget.new_action_button.isEnabled()
    add_goal(qtbot, widget, "More meetings with working life")
    assert tree_texts(widget) == [("More meetings with working life", [])]
    qtbot.mouseClick(widget.new_action_button, Qt.MouseButton.LeftButton)
    form = widget.action_form
    assert widget.forms.currentWidget() is form
    qtbot.keyClicks(form.title_edit, "Book a study visit for grade 8")
    form.responsible_combo.setCurrentIndex(form.responsible_combo.findText("Lena Öberg"))
    grade_8 = form.grades_list.findItems("8", Qt.MatchFlag.MatchExactly)[0]
    grade_8.setCheckState(Qt.CheckState.Checked)
    form.links_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert tree_texts(widget) == [("More meetings with working life", [("Book a study visit for grade 8", "8")])]
    action_item = widget.tree.topLevelItem(0).child(0)
    assert action_item.text(1) == "Lena Öberg" and action_item.text(5) == "1 activity"
    with store.session() as s:
        assert s.query(Action).one().target_grades == "8"


def test_validation_shows_at_the_field(qtbot, workspace):
    widget, _, store = workspace
    qtbot.mouseClick(widget.new_goal_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.goal_form.save_button, Qt.MouseButton.LeftButton)
    message = widget.goal_form.rows["title"].message
    assert message.isVisible() and message.text() == "A goal needs a title."
    add_goal(qtbot, widget, "Goal")
    qtbot.mouseClick(widget.new_action_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.action_form.save_button, Qt.MouseButton.LeftButton)
    assert widget.action_form.rows["title"].message.text() == "An action needs a title."
    qtbot.keyClicks(widget.action_form.title_edit, "Call the employers")
    widget.action_form.responsible_combo.setEditText("")
    qtbot.keyClicks(widget.action_form.responsible_combo.lineEdit(), "Nobody Known")
    qtbot.mouseClick(widget.action_form.save_button, Qt.MouseButton.LeftButton)
    assert widget.action_form.rows["responsible"].message.text() == "Choose the responsible person from the list."
    assert not widget.action_form.rows["title"].message.isVisible()
    with store.session() as s:
        assert s.query(Action).count() == 0


def test_edit_delete_undo_redo(qtbot, workspace):
    widget, context, store = workspace
    add_goal(qtbot, widget, "Goal")
    qtbot.mouseClick(widget.new_action_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.action_form.title_edit, "First")
    qtbot.mouseClick(widget.action_form.save_button, Qt.MouseButton.LeftButton)
    widget.tree.setCurrentItem(widget.tree.topLevelItem(0).child(0))
    widget.action_form.title_edit.clear()
    qtbot.keyClicks(widget.action_form.title_edit, "Changed")
    qtbot.mouseClick(widget.action_form.save_button, Qt.MouseButton.LeftButton)
    assert tree_texts(widget) == [("Goal", [("Changed", "")])]
    widget.tree.setCurrentItem(widget.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(widget.delete_button, Qt.MouseButton.LeftButton)
    assert tree_texts(widget) == [("Goal", [])]
    context.undo_stack.undo()
    assert tree_texts(widget) == [("Goal", [("Changed", "")])]
    context.undo_stack.undo()
    assert tree_texts(widget) == [("Goal", [("First", "")])]
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert tree_texts(widget) == [("Goal", [])]
    # Deleting the goal takes its actions; undo brings both back.
    context.undo_stack.undo()
    widget.tree.setCurrentItem(widget.tree.topLevelItem(0))
    qtbot.mouseClick(widget.delete_button, Qt.MouseButton.LeftButton)
    assert tree_texts(widget) == []
    context.undo_stack.undo()
    assert tree_texts(widget) == [("Goal", [("Changed", "")])]
    with store.session() as s:
        assert s.query(Goal).count() == 1


def test_grade_by_grade_progression(qtbot, workspace):
    widget, _, _ = workspace
    add_goal(qtbot, widget, "Goal")
    qtbot.mouseClick(widget.new_action_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(widget.action_form.title_edit, "Placement preparation")
    widget.action_form.grades_list.findItems("9", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(widget.action_form.save_button, Qt.MouseButton.LeftButton)
    widget.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: widget.grades.rowCount() > 0)
    rows = {widget.grades.item(r, 0).text(): r for r in range(widget.grades.rowCount())}
    assert list(rows)[:3] == ["F", "1", "2"]
    assert widget.grades.item(rows["8"], 2).text() == "Robotverkstan"
    assert widget.grades.item(rows["9"], 5).text() == "Placement preparation"


def test_an_action_plan_step_that_cannot_be_undone_is_said_not_dropped_silently(qtbot, workspace):
    widget, context, _store = workspace
    add_goal(qtbot, widget, "Goal")
    told: list[str] = []
    context.status_message.connect(told.append)
    context.desk.delete_goal(widget.plan.goals[0].id)  # removed meanwhile (another window, the command line)
    assert tree_texts(widget) == []
    context.undo_stack.undo()  # undoing "Add goal" finds no goal to remove
    assert told == ["The goal no longer exists."]
    assert not context.undo_stack.canUndo()


def test_an_overdue_action_is_red_and_a_long_goal_title_has_the_whole_row(qtbot, empty_store):
    from coordinator.models import ActionPlan
    from coordinator.palette import OVERDUE_LIGHT

    long_goal = "Every pupil of grades 7 to 9 meets at least three employers of different sectors each year"
    with empty_store.session() as s:
        plan = ActionPlan(school_year_id=school_year_id(s, "2026/27"), title="Plan")
        s.add(plan)
        s.flush()
        goal = Goal(plan_id=plan.id, title=long_goal)
        s.add(goal)
        s.flush()
        s.add(Action(goal_id=goal.id, title="Late action", due_date=dt.date(2026, 9, 1)))
    widget = ActionPlanWorkspace(AppContext(empty_store))
    qtbot.addWidget(widget)
    widget.today = lambda: dt.date(2026, 10, 1)
    widget.resize(1366, 700)
    widget.show()
    widget.activated()
    goal_item = widget.tree.topLevelItem(0)
    assert goal_item.text(0) == long_goal and goal_item.isFirstColumnSpanned()
    late = goal_item.child(0)
    assert late.foreground(2).color().name() == OVERDUE_LIGHT
