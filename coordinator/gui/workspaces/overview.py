"""The Overview: what happens this week and next, overdue actions, and the year's key numbers in charts.

Its data is read on a worker (the key numbers aggregate every enrolment of the year, which takes
a moment on a region) and shown when it arrives; colours come from the palette so that the charts
read as well in dark mode as in light.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Changes, Kind
from coordinator.formatting import format_date, format_number, format_percent, format_time
from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.overview_charts import OverviewCharts
from coordinator.gui.widgets.first_steps import FirstStepsWidget
from coordinator.gui.widgets.looks import overdue_brush
from coordinator.i18n import _, ngettext
from coordinator.enums import ActionStatus
from coordinator.services.progress import KeyNumbers, Upcoming

_KIND_ROLE = Qt.ItemDataRole.UserRole + 1
# The tables whose changes can alter what the overview shows.
RELEVANT = (Kind.STUDY_VISITS, Kind.PLACEMENTS, Kind.ENCOUNTERS, Kind.ACTIONS, Kind.GOALS, Kind.ACTION_PLANS,
            Kind.PUPILS, Kind.ENROLMENTS, Kind.CLASSES, Kind.ORGANISATIONS, Kind.CONTACTS, Kind.TEACHERS,
            Kind.SETTINGS, Kind.SCHOOL_YEARS, Kind.CONTACT_LOG)


@dataclass(frozen=True)
class OverviewData:
    soon: Upcoming
    numbers: KeyNumbers


class _NumberTile(QFrame):
    """A big number with its caption below."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–", self)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: str, caption: str) -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        self.setAccessibleName(f"{caption}: {value}")


class OverviewWorkspace(OverviewCharts, Workspace):
    key = "overview"
    record_chosen = Signal(str, int)  # e.g. ("study_visit", 12) when a line is double-clicked

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.today = dt.date.today  # replaceable in tests
        self.data: OverviewData | None = None
        self._stale = True
        self._task = None
        self._build_widgets()
        self._lay_out()
        context.changes_applied.connect(self.refresh)
        context.store_changed.connect(lambda: self.refresh(None))
        self.retranslate()

    def _build_widgets(self) -> None:
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.soon = QTreeWidget(self)
        self.soon.setObjectName("overview_soon")
        self.soon.setColumnCount(2)
        self.soon.setRootIsDecorated(True)
        self.soon.setUniformRowHeights(True)
        self.soon.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.soon.header().setStretchLastSection(True)
        self.soon.itemActivated.connect(self._activated_item)
        self.numbers_heading = QLabel(self)
        self.numbers_heading.setFont(font)
        self.tiles = [_NumberTile(self) for _ in range(5)]
        self.rate_chart = QChartView(self)
        self.rate_chart.setObjectName("chart_encounter_rate")
        self.sector_chart = QChartView(self)
        self.sector_chart.setObjectName("chart_sectors")
        for view in (self.rate_chart, self.sector_chart):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _lay_out(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.soon, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.numbers_heading)
        tiles = QGridLayout()
        for i, tile in enumerate(self.tiles):
            tiles.addWidget(tile, 0, i)
        right_layout.addLayout(tiles)
        right_layout.addWidget(self.rate_chart, 1)
        right_layout.addWidget(self.sector_chart, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("overview_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.first_steps = FirstStepsWidget(self.context, self)  # a new database's checklist, gone when done
        layout.addWidget(self.first_steps)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

    # ---- the Workspace contract -----------------------------------------------------------------
    def title(self) -> str:
        return _("Overview")

    def retranslate(self) -> None:
        self.first_steps.retranslate()
        self.soon.setHeaderLabels([_("When"), _("What")])
        self.soon.setAccessibleName(_("This week and next"))
        self.rate_chart.setAccessibleName(_("Encounter rate per grade"))
        self.sector_chart.setAccessibleName(_("Girls and boys per sector of placement"))
        self._render()
        if self.data is not None:
            self._stale = True  # sector names and holiday-free texts come translated from the services
            if self.isVisible():
                self._load()

    def refresh(self, changes: Changes | None = None) -> None:
        if changes is not None and not changes.touches(*RELEVANT):
            return
        self._stale = True
        if self.isVisible():
            self._load()

    def activated(self) -> None:
        if self._stale:
            self._load()

    # ---- loading --------------------------------------------------------------------------------
    def _load(self) -> None:
        if self.context.desk is None:
            self.data = None
            self._render()
            return
        if self._task is not None and not self._task.done:
            self._task.cancel()
        self._stale = False
        today = self.today()
        self.message.setText(_("Loading…") if self.data is None else "")

        def fetch(desk, progress) -> OverviewData:
            soon = desk.upcoming(today=today)
            progress.check()
            return OverviewData(soon, desk.overview_numbers())  # kept while the data is unchanged

        self._task = run_task(self.context, fetch, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, data: OverviewData) -> None:
        self.data = data
        self.message.setText("")
        self._render()

    def _failed(self, message: str) -> None:
        self.message.setText(message)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._render_charts()
        super().changeEvent(event)

    # ---- showing --------------------------------------------------------------------------------
    def _render(self) -> None:
        self._render_soon()
        self._render_numbers()
        self._render_charts()

    def _render_soon(self) -> None:
        self.soon.clear()
        data = self.data
        if data is None:
            self.heading.setText(_("This week and next"))
            return
        soon = data.soon
        self.heading.setText(_("This week and next: {first} – {last}").format(
            first=format_date(soon.first), last=format_date(soon.last)))
        groups = [
            (_("Study visits"), len(soon.visits), len(soon.visits), [
                ("study_visit", v.id, self._day(v.starts_at.date()) + " " + format_time(v.starts_at),
                 _("{visit}, classes {classes}").format(visit=v.title or v.host, classes=v.classes) if v.classes
                 else (v.title or v.host)) for v in soon.visits]),
            (_("Placements starting"), len(soon.placements_starting), soon.placements_starting_total, [
                ("placement", p.id, self._day(p.start_date), _("{pupil} at {host}").format(pupil=p.pupil, host=p.host))
                for p in soon.placements_starting]),
            (_("Placements ending"), len(soon.placements_ending), soon.placements_ending_total, [
                ("placement", p.id, self._day(p.end_date), _("{pupil} at {host}").format(pupil=p.pupil, host=p.host))
                for p in soon.placements_ending]),
            (_("Actions due"), len(soon.actions_due), len(soon.actions_due), [
                ("action", a.id, self._day(a.due_date), self._action_text(a)) for a in soon.actions_due]),
            (_("Overdue actions"), len(soon.actions_overdue), len(soon.actions_overdue), [
                ("action", a.id, format_date(a.due_date), self._action_text(a)) for a in soon.actions_overdue]),
            (_("Follow-ups due"), len(soon.follow_ups), len(soon.follow_ups), [
                ("organisation", f.organisation_id, format_date(f.follow_up_on),
                 " – ".join(t for t in (f.organisation, f.asked or f.promised) if t)) for f in soon.follow_ups]),
        ]
        bold = QFont(self.soon.font())
        bold.setBold(True)
        overdue_title = _("Overdue actions")
        for title, shown, total, lines in groups:
            group = QTreeWidgetItem(self.soon, [f"{title} ({format_number(total)})", ""])
            group.setFirstColumnSpanned(True)
            group.setFont(0, bold)
            for kind, record_id, when, text in lines:
                item = QTreeWidgetItem(group, [when, text])
                item.setData(0, _KIND_ROLE, (kind, record_id))
                item.setToolTip(1, text)
                if title == overdue_title:
                    item.setForeground(0, overdue_brush(self.palette()))
            if total > shown:
                QTreeWidgetItem(group, ["", ngettext("and {count} more", "and {count} more", total - shown).format(
                    count=format_number(total - shown))])
            if not lines:
                QTreeWidgetItem(group, ["", _("Nothing planned.")]).setDisabled(True)
            group.setExpanded(True)

    def _day(self, day: dt.date) -> str:
        return format_date(day, "EEE d MMM")

    def _action_text(self, action) -> str:
        status = ActionStatus(action.status).label
        if action.responsible:
            return _("{action} ({responsible}, {status})").format(action=action.title, responsible=action.responsible,
                                                                 status=status.lower())
        return _("{action} ({status})").format(action=action.title, status=status.lower())

    def _activated_item(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, _KIND_ROLE)
        if target:
            self.record_chosen.emit(*target)

    def _render_numbers(self) -> None:
        numbers = self.data.numbers if self.data is not None else None
        self.numbers_heading.setText(_("Key numbers {year}").format(year=numbers.year) if numbers
                                     else _("Key numbers"))
        values = [
            (format_number(numbers.pupils) if numbers else "–", _("pupils")),
            (format_percent(numbers.reached / numbers.pupils if numbers and numbers.pupils else None),
             _("met working life")),
            (format_number(numbers.visits) if numbers else "–", _("study visits")),
            (format_number(numbers.placements) if numbers else "–", _("placements")),
            (format_number(numbers.encounters) if numbers else "–", _("encounters")),
        ]
        for tile, (value, caption) in zip(self.tiles, values):
            tile.set(value, caption)
