"""The Action plan workspace: goals and actions of a school year, and what each grade experiences.

The plan tab is a tree of goals and their actions beside a form that edits the one selected; the
grade-by-grade tab shows visits, placements, encounters and actions per grade in school-type order
(read on a worker, as it aggregates the year's activities).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Changes, Kind
from coordinator.formatting import format_date, format_number
from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task
from coordinator.gui.operations import run_op
from coordinator.gui.workspaces.action_plan_forms import ActionForm, GoalForm
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.scope_choices import fill_years
from coordinator.gui.widgets.looks import overdue_brush
from coordinator.i18n import _, ngettext
from coordinator.services import action_plans as plans
from coordinator.services.progress import GradeRow

_ID = Qt.ItemDataRole.UserRole + 1
PLAN_TABLES = (Kind.ACTION_PLANS, Kind.GOALS, Kind.ACTIONS, Kind.ACTION_ACTIVITIES, Kind.CONTACTS, Kind.TEACHERS)
ACTIVITY_TABLES = (Kind.STUDY_VISITS, Kind.PLACEMENTS, Kind.ENCOUNTERS, Kind.TRAININGS, Kind.MEETINGS, Kind.CLASSES,
                   Kind.ENROLMENTS, Kind.PUPILS, Kind.SCHOOL_YEARS)


class ActionPlanWorkspace(Workspace):
    key = "action_plan"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.today = dt.date.today
        self.year = ""
        self.plan: plans.PlanView | None = None
        self.progression: list[GradeRow] | None = None
        self._plan_stale = self._progression_stale = True
        self._task = None

        bar = self._build_bar()
        self._build_plan()
        self._build_progression()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("action_plan_tabs")
        self.tabs.addTab(self.splitter, "")
        self.tabs.addTab(self.grades, "")
        self.tabs.currentChanged.connect(lambda _i: self._load_visible())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence.StandardKey.Delete, self.tree, self.delete_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        context.changes_applied.connect(self.refresh)
        context.store_changed.connect(lambda: self.refresh(None))
        self.retranslate()

    def _build_bar(self) -> QHBoxLayout:
        """The school year, the New goal / New action / Delete buttons and a notice line."""
        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year")
        self.year_label.setBuddy(self.year_combo)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.new_goal_button = QPushButton(self)
        self.new_goal_button.setObjectName("new_goal")
        self.new_goal_button.clicked.connect(self.new_goal)
        self.new_action_button = QPushButton(self)
        self.new_action_button.setObjectName("new_action")
        self.new_action_button.clicked.connect(self.new_action)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        bar = QHBoxLayout()
        bar.addWidget(self.year_label)
        bar.addWidget(self.year_combo)
        bar.addSpacing(12)
        for button in (self.new_goal_button, self.new_action_button, self.delete_button):
            bar.addWidget(button)
        bar.addWidget(self.notice, 1)
        return bar

    def _build_plan(self) -> None:
        """The goals and their actions in a tree, the chosen one's form beside it."""
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("plan_tree")
        self.tree.setColumnCount(6)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Titles matter most: the other columns get modest widths the person can widen.
        for column, width in ((1, 130), (2, 0), (3, 0), (4, 64), (5, 120)):
            if width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(column, width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._selected)
        self.goal_form = GoalForm(self.context, self)
        self.action_form = ActionForm(self.context, self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.forms = QStackedWidget(self)
        for widget in (self.hint, self.goal_form, self.action_form):
            self.forms.addWidget(widget)
        for form in (self.goal_form, self.action_form):
            form.saved.connect(self._saved)
            form.cancelled.connect(self._form_cancelled)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("action_plan_splitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.forms)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([740, 500])
        self.tree.header().setMinimumSectionSize(60)

    def _build_progression(self) -> None:
        """The grade-by-grade progression table (its own tab)."""
        self.grades = QTableWidget(self)
        self.grades.setObjectName("progression_table")
        self.grades.setColumnCount(6)
        self.grades.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grades.setWordWrap(True)
        self.grades.verticalHeader().setVisible(False)
        self.grades.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in (0, 1):
            self.grades.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    # ---- the Workspace contract -----------------------------------------------------------------
    def title(self) -> str:
        return _("Action plan")

    def retranslate(self) -> None:
        self.year_label.setText(_("School &year:"))
        self.year_combo.setAccessibleName(_("School year"))
        self.new_goal_button.setText(_("New &goal"))
        self.new_action_button.setText(_("New &action"))
        self.delete_button.setText(_("&Delete"))
        self.tree.setHeaderLabels([_("Goal / action"), _("Responsible"), _("Due"), _("Status"), _("Grades"),
                                   _("Linked activities")])
        self.tree.setAccessibleName(_("Goals and actions"))
        self.grades.setHorizontalHeaderLabels([_("Grade"), _("Pupils"), _("Study visits"), _("Placements"),
                                               _("Encounters"), _("Actions")])
        self.grades.setAccessibleName(_("Grade by grade"))
        self.tabs.setTabText(0, _("Goals and actions"))
        self.tabs.setTabText(1, _("Grade by grade"))
        self.hint.setText(_("Choose a goal or an action to edit it, or add a new goal."))
        self.goal_form.retranslate()
        self.action_form.retranslate()
        self._fill_tree()
        self._progression_stale = True  # its lines are translated by the service
        if self.isVisible():
            self._load_visible()

    def refresh(self, changes: Changes | None = None) -> None:
        if changes is None:
            self._plan_stale = self._progression_stale = True
        if changes is None or changes.touches(Kind.SCHOOL_YEARS, Kind.SETTINGS):
            self._fill_years()  # a new year, or another year in force (Settings)
        if changes is None or changes.touches(Kind.CONTACTS, Kind.TEACHERS, Kind.ORGANISATIONS, *ACTIVITY_TABLES):
            self.action_form.forget_choices()
        if changes is not None:
            if changes.touches(*PLAN_TABLES):
                self._plan_stale = self._progression_stale = True
            if changes.touches(*ACTIVITY_TABLES):
                self._progression_stale = True
        if self.isVisible():
            self._load_visible()

    def activated(self) -> None:
        if self.year_combo.count() == 0:
            self._fill_years()
        self._load_visible()

    # ---- loading --------------------------------------------------------------------------------
    def _fill_years(self) -> None:
        if self.context.desk is None:
            return
        desk = self.context.desk
        years, current = desk.school_years(), desk.current_year()
        fill_years(self.year_combo, years, current)
        if self.year_combo.currentText() != self.year:
            self.year = self.year_combo.currentText()
            self._plan_stale = self._progression_stale = True

    def _year_chosen(self, _index: int) -> None:
        self.year = self.year_combo.currentText()
        self._plan_stale = self._progression_stale = True
        self._load_visible()

    def _load_visible(self) -> None:
        if self.context.desk is None or not self.year:
            return
        if self.tabs.currentIndex() == 0 and self._plan_stale:
            self._load_plan()
        elif self.tabs.currentIndex() == 1 and self._progression_stale:
            self._load_progression()

    def _load_plan(self, select: tuple[str, int] | None = None) -> None:
        self._plan_stale = False
        current = select or self._current()
        self.plan = self.context.desk.plan(year=self.year)
        # A refresh keeps the form as it is (the person may be typing); a save shows the saved record.
        self._fill_tree(current, quiet=select is None)

    def _load_progression(self) -> None:
        self._progression_stale = False
        if self._task is not None and not self._task.done:
            self._task.cancel()
        year, desk = self.year, self.context.desk
        self.notice.setText(_("Loading…"))
        self._task = run_task(self.context, lambda _progress: desk.grade_progression(year), session=False,
                              on_done=self._progression_loaded, on_error=self.notice.setText)

    def _progression_loaded(self, rows: list[GradeRow]) -> None:
        self.progression = rows
        self.notice.setText("")
        self._fill_grades()

    # ---- showing --------------------------------------------------------------------------------
    def _current(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return item.data(0, _ID) if item is not None else None

    def _fill_tree(self, select: tuple[str, int] | None = None, quiet: bool = False) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        chosen: QTreeWidgetItem | None = None
        today = self.today()
        for goal in self.plan.goals if self.plan else ():
            goal_item = QTreeWidgetItem(self.tree, [goal.title, "", "", "", "", ""])
            goal_item.setData(0, _ID, ("goal", goal.id))
            goal_item.setFont(0, bold)
            goal_item.setFirstColumnSpanned(True)  # a goal's title has the whole width
            goal_item.setToolTip(0, goal.description or goal.title)
            for action in goal.actions:
                status = action.status.label
                links = ngettext("{count} activity", "{count} activities", len(action.links)).format(
                    count=format_number(len(action.links))) if action.links else ""
                item = QTreeWidgetItem(goal_item, [action.title, action.responsible, format_date(action.due_date),
                                                   status, ", ".join(action.target_grades), links])
                item.setData(0, _ID, ("action", action.id))
                item.setToolTip(0, action.title)
                item.setToolTip(5, "\n".join(link.label for link in action.links))
                if action.overdue(today):  # marked on the date, so the status column stays narrow
                    item.setForeground(2, overdue_brush(self.palette()))
                    item.setFont(2, bold)
                    item.setToolTip(2, _("{status}, overdue").format(status=status))
                if select == ("action", action.id):
                    chosen = item
            goal_item.setExpanded(True)
            if select == ("goal", goal.id):
                chosen = goal_item
        if chosen is not None and quiet:
            self.tree.setCurrentItem(chosen)
        self.tree.blockSignals(False)
        if chosen is not None and not quiet:
            self.tree.setCurrentItem(chosen)
        elif self.forms.currentWidget() is not self.hint and self._editing_missing():
            self.forms.setCurrentWidget(self.hint)
        self.new_goal_button.setEnabled(self.context.desk is not None)
        self.new_action_button.setEnabled(bool(self.plan and self.plan.goals))
        self.delete_button.setEnabled(self.tree.currentItem() is not None)

    def _editing_missing(self) -> bool:
        form = self.forms.currentWidget()
        return getattr(form, "record_id", None) is not None

    def _fill_grades(self) -> None:
        rows = self.progression or []
        self.grades.setRowCount(len(rows))
        for r, row in enumerate(rows):
            placements = ngettext("{count} placement, {days} days", "{count} placements, {days} days",
                                  row.placements).format(count=format_number(row.placements),
                                                         days=format_number(row.placement_days)) if row.placements else ""
            cells = [row.label, format_number(row.pupils), "\n".join(row.visits), placements,
                     "\n".join(row.encounters), "\n".join(row.actions)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c < 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignTop | (Qt.AlignmentFlag.AlignRight if c == 1
                                                                       else Qt.AlignmentFlag.AlignLeft))
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.grades.setItem(r, c, item)
        self.grades.resizeRowsToContents()

    def _selected(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        self.delete_button.setEnabled(item is not None)
        target = item.data(0, _ID) if item is not None else None
        if target is None or self.plan is None:
            self.forms.setCurrentWidget(self.hint)
            return
        kind, record_id = target
        if kind == "goal":
            goal = next((g for g in self.plan.goals if g.id == record_id), None)
            self.goal_form.load(self.year, goal)
            self.forms.setCurrentWidget(self.goal_form)
        else:
            action = next((a for g in self.plan.goals for a in g.actions if a.id == record_id), None)
            self.action_form.load(year=self.year, goals=list(self.plan.goals), action=action, goal_id=None)
            self.forms.setCurrentWidget(self.action_form)

    # ---- commands -------------------------------------------------------------------------------
    def new_goal(self) -> None:
        if self.context.desk is None:
            return
        self.tabs.setCurrentIndex(0)
        self.tree.setCurrentItem(None)
        self.goal_form.load(self.year, None)
        self.forms.setCurrentWidget(self.goal_form)
        self.goal_form.title_edit.setFocus()

    def new_action(self) -> None:
        if not (self.plan and self.plan.goals):
            self.notice.setText(_("Add a goal first: every action belongs to a goal."))
            return
        self.tabs.setCurrentIndex(0)
        current = self._current()
        goal_id = self.plan.goals[0].id
        if current and current[0] == "goal":
            goal_id = current[1]
        elif current:
            goal_id = next((g.id for g in self.plan.goals for a in g.actions if a.id == current[1]), goal_id)
        self.tree.setCurrentItem(None)
        self.action_form.load(year=self.year, goals=list(self.plan.goals), action=None, goal_id=goal_id)
        self.forms.setCurrentWidget(self.action_form)
        self.action_form.title_edit.setFocus()

    def delete_selected(self) -> None:
        target = self._current()
        if target is None or self.plan is None:
            return
        kind, record_id = target
        year = self.year
        if kind == "goal":
            goal = next(g for g in self.plan.goals if g.id == record_id)
            outcome = run_op(self.context, lambda desk: desk.delete_goal(record_id), text=_("Delete goal"),
                             undo=lambda desk, _r: desk.restore_goal(goal, year=year),
                             on_failure=self.notice.setText)
            done = _("Goal “{title}” deleted; Ctrl+Z brings it back.").format(title=goal.title)
        else:
            action = next(a for g in self.plan.goals for a in g.actions if a.id == record_id)
            values = plans.action_values(action)
            outcome = run_op(self.context, lambda desk: desk.delete_action(record_id), text=_("Delete action"),
                             undo=lambda desk, _r: desk.create_action(action_id=record_id, **values),
                             on_failure=self.notice.setText)
            done = _("Action “{title}” deleted; Ctrl+Z brings it back.").format(title=action.title)
        if not outcome.ok:
            return
        self.notice.setText(done)
        self.forms.setCurrentWidget(self.hint)

    def _saved(self, kind: str, record_id: int) -> None:
        self.notice.setText(_("Saved."))
        self._load_plan(select=(kind, record_id))

    def _form_cancelled(self) -> None:
        self._selected(self.tree.currentItem())
