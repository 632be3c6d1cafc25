"""The first-run checklist: schools and classes, organisations, the first visit; gone once all three are done."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from coordinator.changes import Changes, Kind
from coordinator.gui.context import AppContext
from coordinator.i18n import N_, _

# (step, what it asks, its buttons: (label, workspace key or "import"))
STEPS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("classes", N_("Add your schools and their classes, or import a class list."),
     ((N_("Schools & classes"), "schools"), (N_("Import a class list…"), "import"))),
    ("organisations", N_("Add the organisations you work with, or import them from a spreadsheet."),
     ((N_("Organisations"), "organisations"), (N_("Import organisations…"), "import"))),
    ("visit", N_("Plan the first study visit."), ((N_("Study visits"), "study_visits"),)),
)
WATCHED = (Kind.SCHOOLS, Kind.CLASSES, Kind.ORGANISATIONS, Kind.STUDY_VISITS)


class FirstStepsWidget(QFrame):
    """Shown on the Overview of a database that lacks classes, organisations or a visit; each step says
    what to do, leads to the workspace (or the import) that does it, and is ticked when done."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setObjectName("first_steps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        layout = QGridLayout(self)
        layout.addWidget(self.title, 0, 0, 1, 4)
        self.marks: dict[str, QLabel] = {}
        self.texts: dict[str, QLabel] = {}
        self.buttons: dict[str, list[QPushButton]] = {}
        for row, (step, _text, actions) in enumerate(STEPS, start=1):
            self.marks[step] = QLabel(self)
            self.texts[step] = QLabel(self)
            self.texts[step].setWordWrap(True)
            layout.addWidget(self.marks[step], row, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(self.texts[step], row, 1)
            self.buttons[step] = []
            for column, (_label, target) in enumerate(actions, start=2):
                button = QPushButton(self)
                button.setObjectName(f"first_steps_{step}_{target}")
                button.clicked.connect(lambda _checked=False, t=target: self._go(t))
                layout.addWidget(button, row, column)
                self.buttons[step].append(button)
        layout.setColumnStretch(1, 1)
        context.changes_applied.connect(self.refresh)
        context.store_changed.connect(lambda: self.refresh(None))
        self.retranslate()
        self.refresh(None)

    def retranslate(self) -> None:
        self.title.setText(_("Getting started"))
        for step, text, actions in STEPS:
            self.texts[step].setText(_(text))
            for button, (label, _target) in zip(self.buttons[step], actions):
                button.setText(_(label).replace("&", "&&"))  # "Schools & classes": no mnemonic

    def refresh(self, changes: Changes | None = None) -> None:
        if changes is not None and not changes.touches(*WATCHED):
            return
        steps = self.context.desk.first_steps() if self.context.desk is not None else None
        if steps is None or steps.done:
            self.setVisible(False)
            return
        for step, _text, _actions in STEPS:
            done = bool(getattr(steps, step))
            self.marks[step].setText("✓" if done else "○")
            self.marks[step].setAccessibleName(_("Done") if done else _("To do"))
            self.texts[step].setEnabled(not done)
            for button in self.buttons[step]:
                button.setVisible(not done)
        self.setVisible(True)

    def _go(self, target: str) -> None:
        """Open the workspace (or the import) through the window that holds the checklist."""
        window = self.window()
        if target == "import" and hasattr(window, "open_import"):
            window.open_import(None)
        elif hasattr(window, "show_workspace"):
            window.show_workspace(target)
