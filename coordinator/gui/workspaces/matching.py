"""The Matching workspace: offers and wishes side by side, run the match, see why, apply it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coordinator.changes import Changes, Kind
from coordinator.desk.matching import MatchOutcome
from coordinator.formatting import format_date, format_number, format_percent
from coordinator.gui.context import AppContext
from coordinator.gui.operations import run_op, run_op_in_background
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.matching_hand import HandWork
from coordinator.i18n import _, ngettext
from coordinator.enums import GENDERS, Gender, PlacementStatus

# Offers and wishes change only through imports on the command line (another process), never in the app.
RELEVANT_KINDS = (Kind.PLACEMENTS, Kind.PUPILS, Kind.ORGANISATIONS)


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """Put `rows` in `table`; the columns are fitted to their contents once, when all are in (a header that
    fits them after every cell measured up to a thousand rows each time: minutes for a region's wishes)."""
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setUpdatesEnabled(False)
    try:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
    finally:
        for c, mode in enumerate(modes):
            header.setSectionResizeMode(c, mode)
        table.setUpdatesEnabled(True)


class MatchingWorkspace(HandWork, Workspace):
    key = "matching"

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.outcome: MatchOutcome | None = None
        self._build()
        context.changes_applied.connect(self.refresh)
        self.retranslate()

    def _build(self) -> None:
        self.period_label, self.period_combo = QLabel(), QComboBox()
        self.balance_box, self.seed_label, self.seed_spin = QCheckBox(), QLabel(), QSpinBox()
        self.seed_spin.setRange(0, 999_999)
        self.run_button, self.apply_button = QPushButton(), QPushButton()
        self.apply_button.setEnabled(False)
        bar = QHBoxLayout()
        for widget in (
            self.period_label,
            self.period_combo,
            self.balance_box,
            self.seed_label,
            self.seed_spin,
            self.run_button,
            self.apply_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.period_label.setBuddy(self.period_combo)
        self.seed_label.setBuddy(self.seed_spin)
        self.offers_table, self.wishes_table = _table(6), _table(2)
        self.results_table, self.explanation = _table(6), QPlainTextEdit()
        self.explanation.setReadOnly(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("match_summary")
        inputs, results, whole = (
            QSplitter(Qt.Orientation.Horizontal),
            QSplitter(Qt.Orientation.Horizontal),
            QSplitter(Qt.Orientation.Vertical),
        )
        inputs.addWidget(self.offers_table)
        inputs.addWidget(self.wishes_table)
        results.addWidget(self.results_table)
        results.addWidget(self.explanation)
        results.setStretchFactor(0, 3)
        results.setStretchFactor(1, 2)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.summary)
        lower_layout.addLayout(self.build_hand_bar())
        lower_layout.addWidget(results, 1)
        whole.addWidget(inputs)
        whole.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(whole, 1)
        self.period_combo.currentIndexChanged.connect(self._load_inputs)
        self.run_button.clicked.connect(self.run_match)
        self.apply_button.clicked.connect(self.apply_match)
        self.results_table.itemSelectionChanged.connect(self._explain)
        self.results_table.itemSelectionChanged.connect(self.update_hand_buttons)

    def title(self) -> str:
        return _("Matching")

    def retranslate(self) -> None:
        self.period_label.setText(_("&Period:"))
        self.balance_box.setText(_("&Balance: a non-traditional wish counts one rank better"))
        self.seed_label.setText(_("&Seed:"))
        self.seed_spin.setToolTip(
            _("Breaks ties between equally good assignments; the same seed gives the same result.")
        )
        self.run_button.setText(_("&Run"))
        self.apply_button.setText(_("&Apply…"))
        self.offers_table.setHorizontalHeaderLabels(
            [
                _("Workplace"),
                _("Places"),
                _("First day"),
                _("Last day"),
                _("Programmes or sectors"),
                _("Minimum age"),
            ]
        )
        self.results_table.setHorizontalHeaderLabels(
            [_("Pupil id"), _("Class"), _("Gender"), _("Workplace"), _("Wish"), _("By hand")]
        )
        self.retranslate_hand_bar()
        for widget, name in ((self.offers_table, _("Offered places")), (self.wishes_table, _("Pupils' wishes")),
                             (self.results_table, _("Assignments")), (self.explanation, _("Why this assignment"))):
            widget.setAccessibleName(name)
        self._load_periods()

    def activated(self) -> None:
        # Offers and wishes come in through the command line: look again whenever shown, but keep a
        # result on screen while nothing it was made from has changed.
        desk = self.context.desk
        periods = (
            [(p.first_day, p.last_day, p.pupils) for p in desk.wish_periods()] if desk is not None else []
        )
        if periods != getattr(self, "_periods", None):
            self._periods = periods
            self._load_periods()

    def refresh(self, changes: Changes | None = None) -> None:
        if changes is None or any(changes.touches(kind) for kind in RELEVANT_KINDS):
            self._load_periods()

    # -- inputs ------------------------------------------------------------------------------------

    def _load_periods(self) -> None:
        desk = self.context.desk
        chosen = self.period_combo.currentData()
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for period in desk.wish_periods() if desk is not None else []:
            text = _("{first} – {last}").format(
                first=format_date(period.first_day), last=format_date(period.last_day)
            )
            self.period_combo.addItem(text, (period.first_day, period.last_day))
        if chosen is not None and self.period_combo.findData(chosen) >= 0:
            self.period_combo.setCurrentIndex(self.period_combo.findData(chosen))
        self.period_combo.blockSignals(False)
        self.run_button.setEnabled(self.period_combo.count() > 0)
        self._load_inputs()

    def _load_inputs(self) -> None:
        period, desk = self.period_combo.currentData(), self.context.desk
        offers, wishes = (
            desk.match_inputs(first_day=period[0], last_day=period[1])
            if period is not None and desk is not None
            else ([], [])
        )
        _fill(
            self.offers_table,
            [
                [
                    o.organisation,
                    format_number(o.places),
                    format_date(o.first_day),
                    format_date(o.last_day),
                    o.fits.replace(";", ", "),
                    format_number(o.minimum_age) if o.minimum_age is not None else "",
                ]
                for o in offers
            ],
        )
        width = max((len(w.wishes) for w in wishes), default=0)
        self.wishes_table.setColumnCount(2 + width)
        self.wishes_table.setHorizontalHeaderLabels(
            [_("Pupil id"), _("Class")] + [_("Wish {number}").format(number=n) for n in range(1, width + 1)]
        )
        _fill(self.wishes_table, [[str(w.pupil), w.class_name, *w.wishes] for w in wishes])
        self.outcome = None
        self.locks.clear()  # a pupil's place by hand belongs to one period
        self._show()

    # -- run and apply -----------------------------------------------------------------------------

    def _options(self) -> dict:
        first, last = self.period_combo.currentData()
        return {
            "first_day": first,
            "last_day": last,
            "balance": self.balance_box.isChecked(),
            "seed": self.seed_spin.value(),
            "locks": dict(self.locks),
        }

    def run_match(self) -> None:
        if self.period_combo.currentData() is None:
            return
        options = self._options()
        self.run_button.setEnabled(False)
        run_op_in_background(
            self.context,
            lambda desk, _progress: desk.match(**options),
            on_done=self._ran,
            on_failure=self._failed,
            parent=self,
            title=_("Matching"),
        )

    def _ran(self, outcome: MatchOutcome) -> None:
        self.run_button.setEnabled(True)
        self.outcome = outcome
        self._show()

    def _failed(self, message: str) -> None:
        self.run_button.setEnabled(True)
        QMessageBox.warning(self, _("Matching"), message)

    def apply_match(self) -> None:
        if self.outcome is None:
            return
        placed = self.outcome.result["summary"]["placed"]
        answer = QMessageBox.question(
            self,
            _("Matching"),
            ngettext(
                "Write {count} placement with the status {status}?",
                "Write {count} placements with the status {status}?",
                placed,
            ).format(count=placed, status=PlacementStatus.REQUESTED.label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        options = self._options()
        done = run_op(
            self.context,
            lambda desk: desk.apply_match(**options)[0],
            text=_("Apply the match"),
            undo=lambda desk, outcome: [desk.delete_record("placements", pid) for pid in outcome.placements],
            parent=self,
            title=_("Matching"),
        )
        if done.ok:
            self.summary.setText(
                ngettext("{count} placement written.", "{count} placements written.", placed).format(
                    count=placed
                )
            )

    # -- the result --------------------------------------------------------------------------------

    def _show(self) -> None:
        outcome = self.outcome
        self.apply_button.setEnabled(outcome is not None and outcome.result["summary"]["placed"] > 0)
        self.explanation.clear()
        self._rows = []
        if outcome is None:
            self.results_table.setRowCount(0)
            self.summary.setText(_("Choose a period and press Run."))
            self.show_hand_status()
            return
        rows = sorted(
            outcome.rows,
            key=lambda r: (r.organisation is not None, r.rank is None, r.rank or 0, r.class_name, r.pupil),
        )
        _fill(
            self.results_table,
            [
                [
                    str(r.pupil),
                    r.class_name,
                    Gender(r.gender).label,
                    r.organisation_name or "–",
                    _rank_text(r.rank, r.organisation),
                    "",
                ]
                for r in rows
            ],
        )
        self._rows = rows
        self.summary.setText(summary_text(outcome))
        self.show_locks()

    def selected_row(self):
        selected = self.results_table.selectionModel().selectedRows()
        return self._rows[selected[0].row()] if selected and selected[0].row() < len(self._rows) else None

    def show_locks(self) -> None:
        """Mark the pupils placed by hand (a new run keeps them) and say how many there are."""
        for r, row in enumerate(self._rows):
            self.results_table.item(r, 5).setText(_("locked") if row.pupil in self.locks else "")
        self.show_hand_status()

    def _explain(self) -> None:
        selected = self.results_table.selectedItems()
        if self.outcome is None or not selected:
            return
        self.explanation.setPlainText("\n".join(self._rows[selected[0].row()].explanation))


def _rank_text(rank: int | None, organisation: int | None) -> str:
    if organisation is None:
        return _("not placed")
    return _("wish {rank}").format(rank=rank) if rank is not None else _("not wished for")


def summary_text(outcome: MatchOutcome) -> str:
    """Placed, by rank, by gender and the non-traditional share, in a few lines."""
    summary = outcome.result["summary"]
    ranks = ", ".join(
        (_("not wished for") if key == "none" else _("wish {rank}").format(rank=key)) + f": {count}"
        for key, count in summary["by_rank"].items()
    )
    by_gender = []
    for gender in GENDERS:
        rows = [r for r in outcome.rows if r.gender == gender]
        if rows:
            placed = sum(1 for r in rows if r.organisation is not None)
            by_gender.append(
                _("{gender}: {placed} of {pupils}").format(
                    gender=Gender(gender).label, placed=placed, pupils=len(rows)
                )
            )
    lines = [
        ngettext(
            "{placed} of {pupils} pupil placed.", "{placed} of {pupils} pupils placed.", summary["pupils"]
        ).format(placed=summary["placed"], pupils=summary["pupils"]),
        ranks,
        "; ".join(by_gender),
        _("Non-traditional share: {with_balance} with balance, {without} without.").format(
            with_balance=format_percent(summary["non_traditional_share_with_balance"]),
            without=format_percent(summary["non_traditional_share_without_balance"]),
        ),
    ]
    return "\n".join(lines)
