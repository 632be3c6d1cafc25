"""The Placements workspace: plan placements with warnings, and see who still lacks placement days."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Changes, Kind
from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.placement_list import PlacementTableModel, WarnedFilter
from coordinator.gui.workspaces.record_panel import RecordPanel
from coordinator.gui.workspaces.record_workspace import RecordWorkspace
from coordinator.i18n import N_, _, ngettext
from coordinator.services.records import kind as record_kind


class PlacementPanel(WarnedFilter, RecordPanel):
    """Warns (never blocks) about overlaps, capacity, minors' hours and a missing risk assessment.

    The number of days follows the period (its weekdays) until the person types another number.
    """

    # The checks' codes (coordinator.services.warning_codes) -> the field each is shown on.
    WARNING_FIELDS = {"placement_overlap": "start_date", "host_over_capacity": "host_id",
                      "hours_per_day": "hours_per_day", "hours_per_week": "hours_per_day", "night_work": "daily_end",
                      "under_minimum_age": "pupil_id", "guardian_consent_missing": "pupil_id",
                      "risk_assessment_missing": "risk_assessment_received", "days_short": "days"}

    model_class = PlacementTableModel

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._start_warned()
        self._retranslate_warned()
        self._auto_days: str | None = None
        for name in ("start_date", "end_date"):
            self.form.editor(name).dateChanged.connect(self._period_changed)
        self.form.editor("pupil_id").value_changed.connect(self._pupil_chosen)

    def load(self, record_id: int) -> None:
        self._auto_days = None
        super().load(record_id)

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "with_warnings"):
            self._retranslate_warned()

    def ensure_loaded(self) -> None:
        first = not self._loaded_once
        super().ensure_loaded()
        if first:
            self.run_checks()

    def refresh(self, changes: Changes | None = None) -> None:
        super().refresh(changes)
        if self._loaded_once and (changes is None or changes.touches(*self.related)):
            self.run_checks()

    def new_record(self) -> None:
        self._auto_days = None
        super().new_record()
        self._fresh = self.form.values()  # what a new placement shows before anything is typed

    def _pupil_chosen(self) -> None:
        """A new placement's pupil chosen: the class's period and the hours the law allows the pupil, in the
        fields the person has not typed into yet."""
        pupil_id = self.form.values().get("pupil_id")
        if self.form.record_id is not None or pupil_id is None or self.context.desk is None:
            return
        fresh, shown = getattr(self, "_fresh", {}), self.form.values()
        untouched = {name for name in ("start_date", "end_date", "days", "hours_per_day", "daily_start", "daily_end")
                     if shown.get(name) in (fresh.get(name), None, "")}
        proposed = {name: value for name, value in self.context.desk.placement_defaults(pupil_id).items()
                    if name in untouched}
        self.form.set_fields(proposed)
        if "days" in proposed:  # still follows the period until the person types a number
            self._auto_days = self.form.editor("days").text()

    def _period_changed(self) -> None:
        values = self.form.values()
        start, end = values.get("start_date"), values.get("end_date")
        days = self.form.editor("days")
        if not isinstance(start, dt.date) or not isinstance(end, dt.date) or end < start:
            return
        if days.text() and days.text() != self._auto_days:
            return  # typed by the person: keep it
        count = sum(1 for n in range((end - start).days + 1)
                    if (start + dt.timedelta(days=n)).weekday() < 5)
        self._auto_days = str(count)
        days.setText(self._auto_days)

    def save(self) -> bool:
        """A confirmed placement that breaks a rule of the law is saved only on the person's word (and logged)."""
        from coordinator.gui.rule_breaches import confirm_breaches

        breaches = confirm_breaches(self, self.form.values(), self.current_warnings())
        if breaches is None:
            return False
        if not super().save():
            return False
        if breaches and self.form.record_id is not None:  # logged as the fields concerned, as the history shows them
            fields = sorted({self.WARNING_FIELDS.get(code, code) for code in breaches})
            self.context.desk.note_rules_overridden(self.form.record_id, fields)
        return True

    def warnings_for(self, values: dict[str, Any]) -> list[Any]:
        needed = ("pupil_id", "host_id", "start_date", "end_date")
        if any(values.get(k) is None for k in needed) or not all(
                isinstance(values[k], dt.date) for k in ("start_date", "end_date")) or values["end_date"] < values["start_date"]:
            return []
        try:
            hours = float(values["hours_per_day"]) if values.get("hours_per_day") else None
        except ValueError:
            hours = None
        times = [v if not isinstance(v, str) else None for v in (values.get("daily_start"), values.get("daily_end"))]
        days = values.get("days")
        days = int(days) if isinstance(days, str) and days.isdigit() else None
        found = self.context.desk.placement_warnings(
            pupil_id=values["pupil_id"], host_id=values["host_id"], start_date=values["start_date"],
            end_date=values["end_date"], hours_per_day=hours, daily_start=times[0], daily_end=times[1],
            status=values.get("status") or "requested",
            risk_assessment_received=bool(values.get("risk_assessment_received")), placement_id=self.form.record_id,
            days=days)
        return list(found)


class LackingDaysWidget(QWidget):
    """Pupils of a grade who still lack the required placement days, in the current school year."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("lacking_days")
        self.grade_label = QLabel(self)
        self.grade = QComboBox(self)
        self.grade.setObjectName("grade")
        self.show_button = QPushButton(self)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("lacking_table")
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.grade_label.setBuddy(self.grade)
        top = QHBoxLayout()
        top.addWidget(self.grade_label)
        top.addWidget(self.grade)
        top.addWidget(self.show_button)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.reload)
        self.grade.activated.connect(lambda _i: self.reload())
        self._filled = False
        self.retranslate()

    def retranslate(self) -> None:
        self.grade_label.setText(_("Grade:"))
        self.grade.setAccessibleName(_("Grade"))
        self.show_button.setText(_("Show"))
        self.table.setHorizontalHeaderLabels([_("Pupil"), _("Class"), _("Placement days")])
        self.table.setAccessibleName(_("Pupils lacking placement days"))

    def fill_grades(self) -> None:
        if self.context.desk is None:
            return
        grades = self.context.desk.placement_grades()
        self.grade.clear()
        self.grade.addItems(grades)
        if grades:
            self.grade.setCurrentIndex(len(grades) - 1)
        self._filled = True

    def reload(self) -> None:
        if not self._filled:
            self.fill_grades()
        grade = self.grade.currentText()
        if not grade:
            return
        try:
            pupils = self.context.desk.pupils_lacking_placement_days(grade=grade)
        except UserError as exc:
            self.summary.setText(str(exc))
            return
        self.table.setRowCount(len(pupils))
        for row, pupil in enumerate(pupils):
            done = (_("{done} of {required}").format(done=pupil.days_done, required=pupil.days_required)
                    if pupil.days_required or not pupil.hours_required else
                    ngettext("{done} of {required} hour", "{done} of {required} hours", pupil.hours_required).format(
                        done=pupil.hours_done, required=pupil.hours_required))
            cells = (pupil.name, pupil.class_name, done)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, pupil.pupil_id)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(ngettext("{n} pupil still lacks placement days.",
                                      "{n} pupils still lack placement days.", len(pupils)).format(n=len(pupils)))


class PlacementsWorkspace(RecordWorkspace):
    key = "placements"
    title_text = N_("Placements")
    kinds = ("placements",)
    related = (Kind.PUPILS, Kind.ORGANISATIONS, Kind.CONTACTS)

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        from PySide6.QtWidgets import QTabWidget

        self.lacking = LackingDaysWidget(context, self)
        panel = self.panels[0]
        self.layout().removeWidget(panel)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(panel, "")
        self.tabs.addTab(self.lacking, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.layout().addWidget(self.tabs)
        self.retranslate()

    def _tab_changed(self, index: int) -> None:
        if index == 0:
            self.panels[0].ensure_loaded()
        else:
            self.lacking.reload()

    @property
    def panel(self) -> RecordPanel:
        return self.panels[0]

    def make_panel(self, key: str) -> RecordPanel:
        return PlacementPanel(self.context, record_kind(key), self, related=self.related)

    def retranslate(self) -> None:
        for panel in self.panels:
            panel.retranslate()
        if getattr(self, "lacking", None) is not None and self.tabs is not None:
            self.tabs.setTabText(0, _("Placements"))
            self.tabs.setTabText(1, _("Pupils lacking days"))
            self.lacking.retranslate()

    def refresh(self, changes: Changes | None = None) -> None:
        super().refresh(changes)
        if changes is None and getattr(self, "lacking", None) is not None:
            self.lacking._filled = False

    def show_record(self, kind: str, record_id: int) -> bool:
        if kind == Kind.PLACEMENTS and self.tabs is not None:
            self.tabs.setCurrentIndex(0)
        return super().show_record(kind, record_id)
