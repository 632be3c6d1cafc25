"""The goal and action forms of the Action plan workspace.

Every change is a desk operation run through `gui.operations.run_op`, with its undo step in the
window's one undo history; undo and redo re-create records under their old ids so that later steps
still point at the right rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Kind
from coordinator.errors import UserError, ValidationError
from coordinator.gui.context import AppContext
from coordinator.gui.operations import created_id, run_op
from coordinator.gui.widgets.record_form import FieldRow
from coordinator.i18n import _
from coordinator.enums import ActionStatus
from coordinator.services import action_plans as plans

_EMPTY_DATE = QDate(1900, 1, 1)


# ---- forms -----------------------------------------------------------------------------------------

def _heading(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label


class _Form(QWidget):
    saved = Signal(str, int)  # kind ("goal" or "action"), id
    cancelled = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.record_id: int | None = None
        self.heading = _heading(self)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, FieldRow] = {}
        self.labels: dict[str, QLabel] = {}
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def add_row(self, name: str, editor: QWidget) -> QWidget:
        editor.setObjectName(f"field_{name}")
        row = FieldRow(editor, self)
        label = QLabel(self)
        label.setBuddy(editor)
        self.rows[name], self.labels[name] = row, label
        self.form.addRow(label, row)
        return editor

    def set_label(self, name: str, text: str) -> None:
        self.labels[name].setText(text)
        self.rows[name].editor.setAccessibleName(text.replace("&", "").rstrip(":"))

    def show_problems(self, problems: dict[str, str]) -> None:
        for name, row in self.rows.items():
            row.show_message(problems.get(name))
        first = next((self.rows[n].editor for n in problems if n in self.rows), None)
        if first is not None:
            first.setFocus()

    def retranslate(self) -> None:
        self.save_button.setText(_("&Save"))
        self.cancel_button.setText(_("Cancel"))

    def fail(self, message: str) -> None:
        """A refused save: the reason under the first field."""
        self._failed = True
        self.show_problems({next(iter(self.rows)): message})

    def save(self) -> None:
        self._failed = False
        try:
            kind, record_id = self._save()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except UserError as exc:  # the record is gone (read before the edit)
            self.fail(str(exc))
            return
        if self._failed or record_id is None:
            return
        self.show_problems({})
        self.record_id = record_id
        self.saved.emit(kind, record_id)

    def _save(self) -> tuple[str, int]:
        raise NotImplementedError


class GoalForm(_Form):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.year = ""
        self.title_edit = self.add_row("title", QLineEdit(self))
        self.description_edit = self.add_row("description", QPlainTextEdit(self))
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumHeight(90)
        self.title_edit.returnPressed.connect(self.save)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(_("New goal") if self.record_id is None else _("Goal"))
        self.set_label("title", _("&Goal:"))
        self.set_label("description", _("&Description:"))

    def load(self, year: str, goal: plans.GoalRow | None) -> None:
        self.year, self.record_id = year, goal.id if goal else None
        self.title_edit.setText(goal.title if goal else "")
        self.description_edit.setPlainText((goal.description or "") if goal else "")
        self.show_problems({})
        self.retranslate()

    def _save(self) -> tuple[str, int]:
        title, description, year = self.title_edit.text(), self.description_edit.toPlainText(), self.year
        if self.record_id is None:
            outcome = run_op(self.context, lambda desk: created_id(desk.create_goal(
                                 title=title, description=description, year=year), Kind.GOALS),
                             text=_("Add goal"), undo=lambda desk, goal_id: desk.delete_goal(goal_id),
                             redo=lambda desk, goal_id: desk.create_goal(title=title, description=description,
                                                                         year=year, goal_id=goal_id),
                             on_failure=self.fail)
            return "goal", outcome.value
        goal_id = self.record_id
        old = self.context.desk.goal(goal_id)
        run_op(self.context, lambda desk: desk.update_goal(goal_id, title=title, description=description),
               text=_("Edit goal"),
               undo=lambda desk, _r: desk.update_goal(goal_id, title=old.title, description=old.description),
               on_failure=self.fail)
        return "goal", goal_id


class ActionForm(_Form):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.title_edit = self.add_row("title", QLineEdit(self))
        self.goal_combo = self.add_row("goal", QComboBox(self))
        self.responsible_combo = self.add_row("responsible", QComboBox(self))
        # A region has thousands of contacts and teachers: typing part of a name narrows the list.
        self.responsible_combo.setEditable(True)
        self.responsible_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.responsible_combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.responsible_combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._choices: tuple[list, list, list, str] | None = None  # people, grades, activities, year
        self.due_edit = self.add_row("due_date", self._date_edit())
        self.status_combo = self.add_row("status", QComboBox(self))
        self.done_edit = self.add_row("done_on", self._date_edit())
        self.grades_list = self.add_row("target_grades", QListWidget(self))
        self.grades_list.setFlow(QListView.Flow.LeftToRight)
        self.grades_list.setWrapping(True)
        self.grades_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.grades_list.setSpacing(2)
        self.grades_list.setMaximumHeight(64)
        self.links_list = self.add_row("links", QListWidget(self))
        self.links_list.setMinimumHeight(90)
        self.notes_edit = self.add_row("notes", QPlainTextEdit(self))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(70)
        for status in ActionStatus:
            self.status_combo.addItem(status.label, status.value)
        self.title_edit.returnPressed.connect(self.save)
        self.retranslate()

    def _date_edit(self) -> QDateEdit:
        editor = QDateEdit(self)
        editor.setCalendarPopup(True)
        editor.setMinimumDate(_EMPTY_DATE)
        editor.setSpecialValueText("—")
        editor.setDate(_EMPTY_DATE)
        return editor

    def retranslate(self) -> None:
        super().retranslate()
        self.heading.setText(_("New action") if self.record_id is None else _("Action"))
        for name, text in (("title", _("&Action:")), ("goal", _("G&oal:")), ("responsible", _("&Responsible:")),
                           ("due_date", _("&Due date:")), ("status", _("S&tatus:")), ("done_on", _("Done &on:")),
                           ("target_grades", _("Target &grades:")), ("links", _("&Linked activities:")),
                           ("notes", _("&Notes:"))):
            self.set_label(name, text)
        for i, status in enumerate(ActionStatus):
            self.status_combo.setItemText(i, status.label)
        if self.responsible_combo.count():
            self.responsible_combo.setItemText(0, _("— nobody chosen —"))

    def load(self, *, year: str, goals: list[plans.GoalRow], action: plans.ActionRow | None,
             goal_id: int | None) -> None:
        """Fill the choices from the database and show `action` (None: a new action under `goal_id`)."""
        self.record_id = action.id if action else None
        if self._choices is None or self._choices[3] != year:
            desk = self.context.desk
            self._choices = (desk.responsible_people(), desk.plan_grades(), desk.linkable_activities(year=year), year)
        people, grades, activities, _year = self._choices
        self.goal_combo.clear()
        for goal in goals:
            self.goal_combo.addItem(goal.title, goal.id)
        wanted_goal = action.goal_id if action else goal_id
        self.goal_combo.setCurrentIndex(max(0, self.goal_combo.findData(wanted_goal)))
        self.responsible_combo.clear()
        self.responsible_combo.addItem(_("— nobody chosen —"), None)
        for person in people:
            self.responsible_combo.addItem(person.name, f"{person.kind}:{person.id}")
        current = None
        if action and action.responsible_contact_id:
            current = f"contact:{action.responsible_contact_id}"
        elif action and action.responsible_teacher_id:
            current = f"teacher:{action.responsible_teacher_id}"
        self.responsible_combo.setCurrentIndex(max(0, self.responsible_combo.findData(current)) if current else 0)
        self.title_edit.setText(action.title if action else "")
        self._set_date(self.due_edit, action.due_date if action else None)
        self._set_date(self.done_edit, action.done_on if action else None)
        status = action.status if action else ActionStatus.NOT_STARTED
        self.status_combo.setCurrentIndex(self.status_combo.findData(ActionStatus(status).value))
        chosen = set(action.target_grades) if action else set()
        self.grades_list.clear()
        for grade in grades + sorted(chosen - set(grades)):
            item = QListWidgetItem(grade, self.grades_list)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if grade in chosen else Qt.CheckState.Unchecked)
        linked = list(action.links) if action else []
        linked_keys = {(link.kind, link.id) for link in linked}
        self.links_list.clear()
        for activity in linked + [a for a in activities if (a.kind, a.id) not in linked_keys]:
            item = QListWidgetItem(activity.label, self.links_list)
            item.setToolTip(activity.label)
            item.setData(Qt.ItemDataRole.UserRole, f"{activity.kind}:{activity.id}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if (activity.kind, activity.id) in linked_keys
                               else Qt.CheckState.Unchecked)
        self.notes_edit.setPlainText((action.notes or "") if action else "")
        self.show_problems({})
        self.retranslate()

    def forget_choices(self) -> None:
        """People, grades or activities changed: read them again at the next load."""
        self._choices = None

    def _responsible(self) -> tuple[str, int] | None:
        text = self.responsible_combo.currentText().strip()
        index = self.responsible_combo.currentIndex()
        if index < 0 or self.responsible_combo.itemText(index) != text:  # typed rather than picked
            index = self.responsible_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if not text or index == 0:
            return None
        if index < 0:
            raise ValidationError({"responsible": _("Choose the responsible person from the list.")})
        kind, record_id = self.responsible_combo.itemData(index).split(":")
        return kind, int(record_id)

    @staticmethod
    def _set_date(editor: QDateEdit, value: dt.date | None) -> None:
        editor.setDate(QDate(value.year, value.month, value.day) if value else _EMPTY_DATE)

    @staticmethod
    def _date(editor: QDateEdit) -> dt.date | None:
        d = editor.date()
        return None if d == _EMPTY_DATE else dt.date(d.year(), d.month(), d.day())

    def values(self) -> dict[str, Any]:
        responsible = self._responsible()
        checked = [self.grades_list.item(i) for i in range(self.grades_list.count())
                   if self.grades_list.item(i).checkState() == Qt.CheckState.Checked]
        links = [self.links_list.item(i).data(Qt.ItemDataRole.UserRole).split(":")
                 for i in range(self.links_list.count())
                 if self.links_list.item(i).checkState() == Qt.CheckState.Checked]
        return {"goal_id": self.goal_combo.currentData(), "title": self.title_edit.text(),
                    "responsible_contact_id": responsible[1] if responsible and responsible[0] == "contact" else None,
                    "responsible_teacher_id": responsible[1] if responsible and responsible[0] == "teacher" else None,
                    "due_date": self._date(self.due_edit), "done_on": self._date(self.done_edit),
                    "status": ActionStatus(self.status_combo.currentData()),
                    "target_grades": [item.text() for item in checked], "links": [(kind, int(i)) for kind, i in links],
                    "notes": self.notes_edit.toPlainText()}

    def _save(self) -> tuple[str, int]:
        values = self.values()
        if values["goal_id"] is None:
            raise ValidationError({"goal": _("Add a goal first: every action belongs to a goal.")})
        if self.record_id is None:
            outcome = run_op(self.context, lambda desk: created_id(desk.create_action(**values), Kind.ACTIONS),
                             text=_("Add action"),
                             undo=lambda desk, action_id: desk.delete_action(action_id),
                             redo=lambda desk, action_id: desk.create_action(action_id=action_id, **values),
                             on_failure=self.fail)
            return "action", outcome.value
        action_id = self.record_id
        old = plans.action_values(self.context.desk.action(action_id))
        run_op(self.context, lambda desk: desk.update_action(action_id, **values), text=_("Edit action"),
               undo=lambda desk, _r: desk.update_action(action_id, **old), on_failure=self.fail)
        return "action", action_id
