"""The comment on a scorecard's chosen indicator: what a headteacher or the coordinator says about it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from coordinator.desk.team_desk import IndicatorComment
from coordinator.gui.context import AppContext
from coordinator.gui.operations import run_op
from coordinator.i18n import _


class IndicatorCommentBox(QWidget):
    """A text and Save comment, editable where the login may write the comment (a headteacher: their school's)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._comments: dict[int, IndicatorComment] = {}
        self._indicator_id: int | None = None
        self.label = QLabel()
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("scorecard_comment")
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(120)
        self.label.setBuddy(self.edit)
        self.save_button = QPushButton()
        self.save_button.setObjectName("scorecard_save_comment")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.edit, self.save_button):
            layout.addWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(_("C&omment:"))
        self.edit.setAccessibleName(_("Comment on the indicator"))
        self.save_button.setText(_("Save &comment"))

    def reload(self) -> None:
        """Read the comments again (after the scorecard was computed, or a change was announced)."""
        desk = self.context.desk
        self._comments = desk.indicator_comments() if desk is not None else {}
        self.show_indicator(self._indicator_id)

    def show_indicator(self, indicator_id: int | None) -> None:
        self._indicator_id = indicator_id
        comment = self._comments.get(indicator_id) if indicator_id is not None else None
        self.edit.setPlainText(comment.notes if comment is not None else "")
        writable = comment is not None and comment.writable
        self.edit.setReadOnly(not writable)
        self.save_button.setEnabled(writable)

    def save(self) -> None:
        indicator_id, notes = self._indicator_id, self.edit.toPlainText()
        if indicator_id is None:
            return
        outcome = run_op(self.context, lambda desk: desk.comment_indicator(indicator_id, notes), parent=self,
                         title=_("Scorecards"))
        if outcome.ok:
            self.reload()
