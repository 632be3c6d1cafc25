"""A record panel whose form has the record's related records under it (organisations, pupils, teachers)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from coordinator.changes import Changes, Kind
from coordinator.gui.widgets.related_records import RelatedRecordsWidget
from coordinator.gui.workspaces.record_panel import RecordPanel

# What, when it changes, may change the list under a form.
RELATED_KINDS = (Kind.CONTACTS, Kind.OFFERS, Kind.PLACEMENTS, Kind.STUDY_VISITS, Kind.ENCOUNTERS, Kind.TRAININGS,
                 Kind.AGREEMENTS, Kind.CONTACT_LOG, Kind.ORGANISATIONS, Kind.PUPILS, Kind.TEACHERS, Kind.CHOICES,
                 Kind.DESTINATIONS)


class RelatedRecordPanel(RecordPanel):
    """The form and, under it in a splitter, what is linked to the record; both follow the selection."""

    def _build_side(self) -> QWidget:
        right = super()._build_side()
        layout = right.layout()
        scroll = layout.itemAt(0).widget()  # the form's scroll area, first in the side
        self.related_view = RelatedRecordsWidget(self.context, self.kind.key, right)
        split = QSplitter(Qt.Orientation.Vertical, right)
        split.setObjectName(f"related_split_{self.kind.key}")
        layout.removeWidget(scroll)
        split.addWidget(scroll)
        split.addWidget(self._related_side(right))
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout.insertWidget(0, split, 1)
        return right

    def _related_side(self, parent: QWidget) -> QWidget:
        """The related records; on a pupil's page with the buttons that enter choices and destinations."""
        self.outcomes = None
        if self.kind.key != "pupils":
            return self.related_view
        from coordinator.gui.workspaces.pupil_outcomes import OutcomeBar

        holder = QWidget(parent)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.related_view, 1)
        self.outcomes = OutcomeBar(self.context, self.related_view, holder)
        layout.addWidget(self.outcomes)
        return holder

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "related_view"):
            self.related_view.retranslate()
        if getattr(self, "outcomes", None) is not None:
            self.outcomes.retranslate()

    def load(self, record_id: int) -> None:
        super().load(record_id)
        self.related_view.show_record(self.form.record_id)
        self._update_outcomes()

    def new_record(self) -> None:
        super().new_record()
        self.related_view.show_record(None)
        self._update_outcomes()

    def _update_outcomes(self) -> None:
        if getattr(self, "outcomes", None) is not None:
            self.outcomes.update_buttons()

    def refresh(self, changes: Changes | None = None) -> None:
        super().refresh(changes)
        shown = self.related_view.record_id
        if changes is not None and shown is not None and shown == self.form.record_id \
                and changes.touches(*RELATED_KINDS):
            self.related_view.show_record(shown)
            self._update_outcomes()
