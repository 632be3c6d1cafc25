"""The records linked to the one in a form (an organisation's contacts, placements, log…), each one a key away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from coordinator.desk.related_ops import RelatedRecords
from coordinator.formatting import format_date
from coordinator.gui.context import AppContext
from coordinator.i18n import _, ngettext

TARGET = Qt.ItemDataRole.UserRole


class RelatedRecordsWidget(QWidget):
    """A heading per kind with its count, a line per record; Enter or a double-click opens the record."""

    record_chosen = Signal(str, int)  # ("placement", 12): the main window opens it in its workspace

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.kind = kind
        self.record_id: int | None = None
        self.setObjectName("related_records")
        self.summary = QLabel(self)
        self.summary.setObjectName("related_summary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("related_tree")
        self.tree.setColumnCount(2)
        self.tree.setRootIsDecorated(True)
        self.tree.setIndentation(12)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        # A long line ends in "…" with the whole of it in the tooltip; never a sideways scroll.
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tree.itemActivated.connect(self._activated)  # Enter, and a double-click
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([_("Date"), _("What")])
        self.tree.setAccessibleName(_("Related records"))
        self.tree.setToolTip(_("Double-click or press Enter to open the record."))
        self.show_record(self.record_id)

    def show_record(self, record_id: int | None) -> None:
        """List what is linked to a record (None: a new record, nothing yet)."""
        self.record_id = record_id
        self.tree.clear()
        self.summary.clear()
        self.summary.setVisible(False)
        if record_id is None or self.context.desk is None:
            return
        try:
            related = self.context.desk.related_records(self.kind, record_id)
        except Exception:  # noqa: BLE001 - the list is extra: a failure must never stop editing the record
            return
        self._fill(related)

    def _fill(self, related: RelatedRecords) -> None:
        for group in related.groups:
            heading = QTreeWidgetItem(self.tree, [_("{title}: {n}").format(title=_(group.title), n=len(group.rows))])
            heading.setFirstColumnSpanned(True)
            font = heading.font(0)
            font.setBold(True)
            heading.setFont(0, font)
            for row in group.rows:
                what = " · ".join(part for part in (row.text, row.detail) if part)
                item = QTreeWidgetItem(heading, [format_date(row.when, "short") if row.when else "", what])
                item.setData(0, TARGET, (row.kind, row.id))
                item.setToolTip(1, what)
            heading.setExpanded(bool(group.rows))
        text = self._summary_text(related)
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    @staticmethod
    def _summary_text(related: RelatedRecords) -> str:
        """An organisation's last contact and what it gave the cluster this school year."""
        lines = []
        if related.year:
            lines.append(_("Last contact: {date}").format(
                date=format_date(related.last_contact) if related.last_contact else _("none yet")))
        given = related.contribution
        if given is not None:
            lines.append(_("School year {year}: {placements}, {visits}, {encounters}, {trainings}.").format(
                year=related.year,
                placements=ngettext("{n} placement", "{n} placements", given.placements).format(n=given.placements),
                visits=ngettext("{n} study visit", "{n} study visits", given.visits).format(n=given.visits),
                encounters=ngettext("{n} encounter", "{n} encounters", given.encounters).format(n=given.encounters),
                trainings=ngettext("{n} training", "{n} trainings", given.trainings).format(n=given.trainings)))
        return "\n".join(lines)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        target = item.data(0, TARGET)
        if target:
            self.record_chosen.emit(*target)
