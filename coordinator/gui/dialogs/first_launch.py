"""First launch (and File ▸ New database…): open the demo municipality or create an empty database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coordinator.desk import Desk
from coordinator.desk.gui_database import default_database_path
from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task
from coordinator.i18n import N_, _

COUNTRIES = (("se", N_("Sweden")), ("pl", N_("Poland")), ("ru", N_("Russia")))


class FirstLaunchDialog(QDialog):
    """Asks where the database goes and whether to fill it with the demo municipality."""

    def __init__(self, context: AppContext, suggested: str | None = None, parent: QWidget | None = None,
                 *, demo_default: bool = True):
        super().__init__(parent)
        self.context = context
        self.desk: Desk | None = None
        self.setObjectName("first_launch")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.demo = QRadioButton(self)
        self.demo.setObjectName("demo")
        self.empty = QRadioButton(self)
        self.empty.setObjectName("empty")
        (self.demo if demo_default else self.empty).setChecked(True)
        self.country = QComboBox(self)
        self.country.setObjectName("country")
        for code, name in COUNTRIES:
            self.country.addItem(_(name), code)
        self.path = QLineEdit(self)
        self.path.setObjectName("path")
        self.path.setText(suggested or str(_free_path(default_database_path())))
        self.browse = QPushButton(self)
        self.country_label = QLabel(self)
        self.country_label.setBuddy(self.country)
        self.path_label = QLabel(self)
        self.path_label.setBuddy(self.path)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        form = QFormLayout()
        form.addRow(self.country_label, self.country)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form.addRow(self.path_label, row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.demo)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self.browse.clicked.connect(self._browse)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("New database"))
        self.intro.setText(_("There is no database yet. Start with the demo municipality to look around, or "
                             "create an empty database for your country."))
        self.demo.setText(_("Open the &demo municipality"))
        self.empty.setText(_("Create an &empty database"))
        self.country_label.setText(_("&Country:"))
        self.path_label.setText(_("&File:"))
        self.browse.setText(_("C&hoose…"))
        self.country.setAccessibleName(_("Country"))
        self.path.setAccessibleName(_("Database file"))
        self.browse.setAccessibleName(_("Choose where the database file goes"))

    def _browse(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, _("New database"), self.path.text(),
                                                    _("Databases (*.sqlite *.db)"))
        if path:
            self.path.setText(path)

    def create(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        if not self.path.text().strip() or path.exists():
            QMessageBox.warning(self, _("New database"),
                                _("Choose a file name that is not taken yet."))
            return
        code = str(self.country.currentData())
        demo = self.demo.isChecked()

        def build(progress):
            return Desk.build(path, profile_code=code, demo=demo, report=lambda text: progress.report(0, 0, text))

        self.buttons.setEnabled(False)
        self.task = run_task(self.context, build, session=False, on_done=self._created, on_error=self._failed,
                             on_cancelled=lambda: self.buttons.setEnabled(True), progress_dialog=self,
                             title=_("Creating the database…"))

    def _created(self, desk: Desk) -> None:
        self.desk = desk
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        QMessageBox.warning(self, _("New database"), message)


class NewDatabaseDialog(FirstLaunchDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(context, None, parent, demo_default=False)


def _free_path(path: Path) -> Path:
    if not path.exists():
        return path
    for n in range(2, 100):
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        if not candidate.exists():
            return candidate
    raise UserError(_("Choose a file name that is not taken yet."))
