"""A workspace made of record panels: one kind, or several in tabs (schools, classes, teachers)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from coordinator.changes import Changes, Kind
from coordinator.gui.context import AppContext
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.record_panel import RecordPanel
from coordinator.i18n import _
from coordinator.services.records import kind as record_kind


class RecordWorkspace(Workspace):
    """Subclasses set `key`, `title_text` (N_) and `kinds`; `panel_class` for custom panels."""

    title_text = ""
    kinds: tuple[str, ...] = ()
    related: tuple[Kind, ...] = ()
    record_chosen = Signal(str, int)  # a related record opened from a form: the main window shows it

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.panels: list[RecordPanel] = [self.make_panel(key) for key in self.kinds]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs: QTabWidget | None = None
        if len(self.panels) == 1:
            layout.addWidget(self.panels[0])
        else:
            self.tabs = QTabWidget(self)
            for panel in self.panels:
                self.tabs.addTab(panel, "")
            self._tab = 0
            self.tabs.currentChanged.connect(self._tab_changed)
            layout.addWidget(self.tabs)
        context.changes_applied.connect(self.refresh)
        self.retranslate()

    def _tab_changed(self, index: int) -> None:
        """Another tab: the one left is saved or given up first (or the person stays on it)."""
        assert self.tabs is not None
        if 0 <= self._tab < len(self.panels) and index != self._tab and not self.panels[self._tab].settle():
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(self._tab)
            self.tabs.blockSignals(False)
            return
        self._tab = index
        if index < len(self.panels):
            self.panels[index].ensure_loaded()

    def settle(self) -> bool:
        return all(panel.settle() for panel in self.panels)

    def panel_of(self, kind: str) -> RecordPanel | None:
        """The panel of a kind of record, brought forward and loaded (None: not in this workspace)."""
        for i, panel in enumerate(self.panels):
            if panel.kind.key == kind:
                if self.tabs is not None:
                    self.tabs.setCurrentIndex(i)
                panel.ensure_loaded()
                return panel
        return None

    def make_panel(self, key: str) -> RecordPanel:
        from coordinator.desk.related_ops import RELATED_PAGES
        from coordinator.gui.workspaces.related_panel import RelatedRecordPanel

        cls = RelatedRecordPanel if key in RELATED_PAGES else RecordPanel
        panel = cls(self.context, record_kind(key), self, related=self.related)
        if isinstance(panel, RelatedRecordPanel):
            panel.related_view.record_chosen.connect(self.record_chosen)
        return panel

    @property
    def panel(self) -> RecordPanel:
        return self.panels[self.tabs.currentIndex()] if self.tabs is not None else self.panels[0]

    def title(self) -> str:
        return _(self.title_text)

    def retranslate(self) -> None:
        for i, panel in enumerate(self.panels):
            panel.retranslate()
            if self.tabs is not None:
                self.tabs.setTabText(i, _(panel.kind.title))

    def refresh(self, changes: Changes | None = None) -> None:
        for panel in self.panels:
            panel.refresh(changes)

    def activated(self) -> None:
        self.panel.ensure_loaded()

    def set_read_only(self, read_only: bool) -> None:
        """A headteacher's view: the records shown, nothing offered that writes, nor the history (it names users)."""
        for panel in self.panels:
            for button in (panel.new_button, panel.delete_button, panel.save_button, panel.revert_button,
                           panel.history_button):
                button.setVisible(not read_only)
            panel.save_button.setEnabled(not read_only)  # and its Ctrl+S with it
            panel.form.setEnabled(not read_only)

    def show_record(self, kind: str, record_id: int) -> bool:
        """Bring a record into view (used by the global search); False if this workspace lacks the kind."""
        panel = self.panel_of(kind)
        if panel is None:
            return False
        panel.select_id(record_id)
        return True
