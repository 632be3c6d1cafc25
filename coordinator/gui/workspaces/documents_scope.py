"""The Documents workspace's scope form: document, year, school, grade, class, teacher, dates, language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QLabel

from coordinator.desk.documents_ops import DOCUMENT_KINDS, DocumentScope, document_label
from coordinator.gui.workspaces.scope_choices import (
    ScopeChoices,
    fill_years,
    load_grades,
    load_school_scope,
    load_scope_choices,
)
from coordinator.i18n import _

# Each language named in itself, as language menus do.
LANGUAGE_NAMES = (("en", "English"), ("sv", "Svenska"), ("pl", "Polski"), ("ru", "Русский"))
# Which scope fields each document uses; the others are disabled so nobody expects them to matter.
SCOPE_FIELDS: dict[str, frozenset[str]] = {
    "scorecard": frozenset({"school"}),
    "action-plan": frozenset({"school"}),
    "schedule": frozenset({"school", "grade", "class", "teacher", "dates"}),
    "letters": frozenset({"school", "grade", "class", "dates"}),
    "gender": frozenset({"school"}),
    "certificate": frozenset({"school"}),
}


class DocumentScopeForm:
    """What a document covers, as a form; mixed into the Documents workspace (which holds `context`)."""

    _choices: ScopeChoices

    def _build_scope_form(self) -> QFormLayout:
        self._choices = ScopeChoices()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("documents_kind")
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("documents_year")
        self.school_combo = QComboBox()
        self.school_combo.setObjectName("documents_school")
        self.grade_combo = QComboBox()
        self.grade_combo.setObjectName("documents_grade")
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("documents_class")
        self.teacher_combo = QComboBox()
        self.teacher_combo.setObjectName("documents_teacher")
        self.dates_box = QCheckBox()
        self.dates_box.setObjectName("documents_dates")
        self.from_edit = QDateEdit()
        self.from_edit.setCalendarPopup(True)
        self.to_edit = QDateEdit()
        self.to_edit.setCalendarPopup(True)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("documents_language")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        for combo in (self.school_combo, self.class_combo, self.teacher_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(26)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.kind_combo)
        self.form.addRow(QLabel(), self.year_combo)
        self.form.addRow(QLabel(), self.school_combo)
        self.form.addRow(QLabel(), self.grade_combo)
        self.form.addRow(QLabel(), self.class_combo)
        self.form.addRow(QLabel(), self.teacher_combo)
        self.form.addRow(self.dates_box)
        self.form.addRow(QLabel(), self.from_edit)
        self.form.addRow(QLabel(), self.to_edit)
        self.form.addRow(QLabel(), self.language_combo)
        return self.form

    def _retranslate_scope(self) -> None:
        labels = {self.kind_combo: _("&Document:"), self.year_combo: _("School &year:"),
                  self.school_combo: _("&School:"), self.grade_combo: _("&Grade:"), self.class_combo: _("&Class:"),
                  self.teacher_combo: _("&Teacher:"), self.from_edit: _("&From:"), self.to_edit: _("T&o:"),
                  self.language_combo: _("&Language:")}
        for widget, text in labels.items():
            label = self.form.labelForField(widget)
            label.setText(text)
            label.setBuddy(widget)
        self.dates_box.setText(_("Only a date &range"))
        kind = self.kind_combo.currentData()
        self.kind_combo.blockSignals(True)
        self.kind_combo.clear()
        for code in DOCUMENT_KINDS:
            self.kind_combo.addItem(document_label(code), code)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        self.kind_combo.blockSignals(False)
        if self.school_combo.count():
            self.school_combo.setItemText(0, _("All schools (municipality)"))
        if self.grade_combo.count():
            self.grade_combo.setItemText(0, _("All grades"))
        if self.class_combo.count():
            self.class_combo.setItemText(0, _("All classes"))
        if self.teacher_combo.count():
            self.teacher_combo.setItemText(0, _("Any teacher"))

    def reload(self) -> None:
        self._loaded = True
        if self.context.desk is None:
            return
        year = self.year_combo.currentData()
        self._choices = load_scope_choices(self.context.desk, year)
        fill_years(self.year_combo, self._choices.years, self._choices.current_year)
        school = self.school_combo.currentData()
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(_("All schools (municipality)"), None)
        for name in self._choices.schools:
            self.school_combo.addItem(name, name)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(school)))
        self.school_combo.blockSignals(False)
        self._fill_dates()
        self._school_changed()

    def _fill_dates(self) -> None:
        start = self._choices.year_start or dt.date.today()
        end = self._choices.year_end or dt.date.today()
        for edit in (self.from_edit, self.to_edit):
            edit.setDateRange(QDate(start.year, start.month, start.day), QDate(end.year, end.month, end.day))
        today = dt.date.today()
        first = today if start <= today <= end else start
        self.from_edit.setDate(QDate(first.year, first.month, first.day))
        last = min(end, first + dt.timedelta(days=30))
        self.to_edit.setDate(QDate(last.year, last.month, last.day))

    def _year_changed(self) -> None:
        if self._loaded:
            self.reload()

    def _school_changed(self) -> None:
        school = self.school_combo.currentData()
        klass, teacher = self.class_combo.currentData(), self.teacher_combo.currentData()
        classes: list[str] = []
        teachers: list[str] = []
        if school is not None and self.context.desk is not None:
            classes, teachers = load_school_scope(self.context.desk, self.year_combo.currentData(), school)
        grade = self.grade_combo.currentData()
        self.grade_combo.clear()
        self.grade_combo.addItem(_("All grades"), None)
        if self.context.desk is not None:
            for label in load_grades(self.context.desk, self.year_combo.currentData(), school):
                self.grade_combo.addItem(label, label)
        self.grade_combo.setCurrentIndex(max(0, self.grade_combo.findData(grade)))
        self.class_combo.clear()
        self.class_combo.addItem(_("All classes"), None)
        for name in classes:
            self.class_combo.addItem(name, (school, name))
        self.class_combo.setCurrentIndex(max(0, self.class_combo.findData(klass)))
        self.teacher_combo.clear()
        self.teacher_combo.addItem(_("Any teacher"), None)
        for name in teachers:
            self.teacher_combo.addItem(name, (school, name))
        self.teacher_combo.setCurrentIndex(max(0, self.teacher_combo.findData(teacher)))
        self._kind_changed()

    def _kind_changed(self) -> None:
        used = SCOPE_FIELDS.get(self.kind_combo.currentData(), frozenset())
        # A class or a teacher is chosen within a school (a region has thousands of each).
        has_school = self.school_combo.currentData() is not None
        for name, widget in (("school", self.school_combo), ("grade", self.grade_combo), ("class", self.class_combo),
                             ("teacher", self.teacher_combo), ("dates", self.dates_box)):
            enabled = name in used and (has_school or name not in ("class", "teacher"))
            widget.setEnabled(enabled)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setEnabled(enabled)
        dates = "dates" in used and self.dates_box.isChecked()
        for widget in (self.from_edit, self.to_edit):
            widget.setEnabled(dates)
            self.form.labelForField(widget).setEnabled(dates)
        self.ics_button.setEnabled(self.current_pdf is not None and self._rendered_kind == "schedule")

    def scope_arguments(self) -> dict:
        """The render_document keywords the form stands for."""
        kind = self.kind_combo.currentData()
        used = SCOPE_FIELDS.get(kind, frozenset())
        school = self.school_combo.currentData() if "school" in used else None
        klass = self.class_combo.currentData() if "class" in used else None
        grade = self.grade_combo.currentData() if "grade" in used and klass is None else None
        teacher = self.teacher_combo.currentData() if "teacher" in used else None
        if klass is not None:
            school = klass[0]
        date_from = date_to = None
        if "dates" in used and self.dates_box.isChecked():
            date_from = self.from_edit.date().toPython()
            date_to = self.to_edit.date().toPython()
        return {"language": self.language_combo.currentData(), "year": self.year_combo.currentData(),
                "school": school, "class_name": klass[1] if klass else None,
                "teacher": teacher[1] if teacher else None, "grade": grade, "date_from": date_from,
                "date_to": date_to}

    def document_scope(self) -> tuple[DocumentScope, str]:
        """The scope the form stands for, and the language chosen for the document."""
        arguments = dict(self.scope_arguments())
        language = arguments.pop("language")
        return DocumentScope(**arguments), language
