"""What a record panel does so that no edit is lost: the unsaved question and the draft of its form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer

from coordinator.desk.drafts import DraftStore
from coordinator.i18n import _


class PanelSafetyMixin:
    """Mixed into RecordPanel: keeps a draft of an edited form, asks before edits are thrown away."""

    DRAFT_DELAY_MS = 800
    context: Any
    kind: Any
    form: Any
    table: Any
    model: Any

    def _start_drafts(self) -> None:
        self._draft_written = False
        self._draft_timer = QTimer(self, singleShot=True, interval=self.DRAFT_DELAY_MS)  # type: ignore[call-overload]
        self._draft_timer.timeout.connect(self.keep_draft)
        self.form.edited.connect(self._draft_timer.start)

    def _draft_store(self) -> DraftStore | None:
        desk = self.context.desk
        return DraftStore(desk.path) if desk is not None and desk.path is not None else None

    def is_dirty(self) -> bool:
        return self.context.desk is not None and self.form.is_dirty()

    def keep_draft(self) -> None:
        """Write the form's values as a draft while it has changes; drop the draft when it has none."""
        store = self._draft_store()
        if store is None:
            return
        if self.is_dirty():
            store.save(self.kind.key, self.form.record_id, self.form.values())
            self._draft_written = True
        elif self._draft_written:
            self.forget_draft()

    def forget_draft(self) -> None:
        self._draft_timer.stop()
        store = self._draft_store()
        if store is not None:
            store.discard(self.kind.key)
        self._draft_written = False

    def settle(self) -> bool:
        """True when the form may be left (nothing unsaved, or saved or discarded on the person's word)."""
        from coordinator.gui.unsaved import settle

        return settle(self)  # type: ignore[arg-type]

    def discard_edits(self) -> None:
        self.forget_draft()
        self.revert()  # type: ignore[attr-defined]

    def cancel_edit(self) -> None:
        """Esc in the form: the edits are given up (no question: that is what Esc asks for)."""
        if self.is_dirty():
            self.discard_edits()
            self.status.setText(_("Changes given up."))  # type: ignore[attr-defined]

    def focus_form(self) -> None:
        """Enter on a row, or a new record: the cursor in the form's first field."""
        editors = [row.editor for row in self.form.rows.values()]
        if editors:
            first = getattr(editors[0], "picker", editors[0])
            first.setFocus(Qt.FocusReason.TabFocusReason)

    def _keep_selection(self) -> None:
        """Show the form's own record selected again (after the person chose to keep editing it)."""
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        row = self.model.row_of(self.form.record_id) if self.form.record_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            selection.setCurrentIndex(self.model.index(row, 0), selection.SelectionFlag.NoUpdate)
        else:
            self.table.clearSelection()
        selection.blockSignals(False)
