"""The main window: navigation list, workspaces loaded on first show, menus, settings and language switch."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coordinator import __version__
from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.gui.store_guard import StoreGuard
from coordinator.gui.dialogs.help_dialog import install_help, retranslate_help
from coordinator.gui.forms import load_ui, retranslate_ui
from coordinator.gui.login_view import allowed, apply_login, fit_workspace, watch_login, window_titles
from coordinator.gui.navigation_looks import NavigationLooks
from coordinator.gui.keyboard import install_window_keys
from coordinator.gui.lazy_parts import find_class, installed, tune_interpreter
from coordinator.gui.recent import recent_databases, remember_database
from coordinator.gui.translator import install_translators
from coordinator.gui import unsaved
from coordinator.gui.workspaces import WORKSPACES
from coordinator.gui.workspaces.base import Workspace
from coordinator.gui.workspaces.placeholder import TITLES, BrokenWorkspace, PlaceholderWorkspace
from coordinator.i18n import _, get_language

if TYPE_CHECKING:
    from coordinator.desk import Desk

log = logging.getLogger(__name__)


# Which workspace shows a record kind named by the global search.
SEARCH_KINDS: dict[str, tuple[str, str]] = {
    "organisation": ("organisations", "organisations"), "contact": ("contacts", "contacts"),
    "pupil": ("pupils", "pupils"), "teacher": ("schools", "teachers"), "class": ("schools", "classes"),
    # What the overview's lines lead to.
    "study_visit": ("study_visits", "study_visits"), "placement": ("placements", "placements"),
    "action": ("action_plan", "actions"),
    # What an organisation's, a pupil's or a teacher's related records lead to.
    "encounter": ("encounters", "encounters"), "training": ("trainings_meetings", "trainings"),
    "agreement": ("clusters", "agreements"), "contact_log": ("clusters", "contact_log"),
    "offer": ("matching", "offers"),
}


class MainWindow(QMainWindow):
    """Owns the navigation and the workspaces; everything else is reached through the AppContext."""

    navigation: QListWidget
    stack: QStackedWidget
    mainSplitter: QSplitter

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.guard = StoreGuard(context, self)
        if context.desk is not None:
            self.guard.hold(context.desk)  # UserError (naming the holder) when another app has it
        load_ui("main_window.ui", self)
        self.setAcceptDrops(True)
        self.workspaces: dict[str, Workspace] = {}
        self.keys = [key for key, _path in WORKSPACES]
        for key in self.keys:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.navigation.addItem(item)
            holder = QWidget()
            holder.setObjectName(f"holder_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.stack.addWidget(holder)
        self.navigation_looks = NavigationLooks(self.navigation, self.keys)  # icons and group headings
        self.mainSplitter.setStretchFactor(1, 1)
        self.navigation.currentRowChanged.connect(self._navigate)
        self._connect_actions()
        self.actionGuide = install_help(self)  # Help → User guide, F1 at the current workspace
        self.context.store_changed.connect(self._store_changed)
        self.context.status_message.connect(self._show_message)
        self.search_popup = None
        self.stack.setEnabled(context.desk is not None)  # nothing to edit until the file's verdict is in
        self.retranslate()
        watch_login(self)  # what the login may use (enables the installed actions); the title it gets
        drafts = unsaved.pending_drafts(context.desk)  # read before a workspace's empty form replaces them
        self._restore_state()
        unsaved.offer_later(self, drafts)
        if context.desk is not None:  # else a second after the opener brings it (coordinator.gui.startup)
            QTimer.singleShot(1000, tune_interpreter)

    # ---- actions ------------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        stack = self.context.undo_stack
        self.actionUndo.triggered.connect(stack.undo)
        self.actionRedo.triggered.connect(stack.redo)
        self.actionUndo.setEnabled(False)
        self.actionRedo.setEnabled(False)
        # Slots of the window (not of the actions) so that they go away with it; the stack outlives it.
        stack.canUndoChanged.connect(self._can_undo_changed)
        stack.canRedoChanged.connect(self._can_redo_changed)
        stack.undoTextChanged.connect(self._undo_text_changed)
        stack.redoTextChanged.connect(self._redo_text_changed)
        self.actionQuit.triggered.connect(self.close)
        self.actionFind.triggered.connect(self.open_search)
        self.actionSettings.triggered.connect(self.open_settings)
        self.actionAbout.triggered.connect(self.show_about)
        self.actionOpen.triggered.connect(self.open_database_dialog)
        self.actionNew.triggered.connect(self.new_database_dialog)
        self.actionImport.triggered.connect(lambda: self.open_import(None))
        self.actionBackups.triggered.connect(self.open_backups)
        install_window_keys(self)  # Ctrl+N a new record, Ctrl+1…9 the workspaces, Ctrl+Y redo
        # Whether the modules are installed, without importing them before the window is drawn.
        self.installed_actions = {"actionImport": installed("coordinator.gui.dialogs.import_dialog"),
                                  "actionBackups": installed("coordinator.gui.dialogs.backups_dialog")}
        self.actionFind.setEnabled(installed("coordinator.gui.search_popup"))

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _can_undo_changed(self, can: bool) -> None:
        self.actionUndo.setEnabled(can)

    def _can_redo_changed(self, can: bool) -> None:
        self.actionRedo.setEnabled(can)

    def _undo_text_changed(self, text: str) -> None:
        self.actionUndo.setStatusTip(text)

    def _redo_text_changed(self, text: str) -> None:
        self.actionRedo.setStatusTip(text)

    # ---- workspaces ---------------------------------------------------------------------------
    def workspace(self, key: str) -> Workspace:
        """The workspace of `key`, built on first use (a placeholder if its module is missing)."""
        if key in self.workspaces:
            return self.workspaces[key]
        path = dict(WORKSPACES)[key]
        index = self.keys.index(key)
        holder = self.stack.widget(index)
        try:
            cls = find_class(path)
            workspace = cls(self.context, holder) if cls is not None else PlaceholderWorkspace(
                self.context, key, parent=holder)
        except Exception as exc:  # a bug, not a missing feature: said as an error, the traceback logged
            log.exception("workspace %s failed to start", key)
            workspace = BrokenWorkspace(self.context, key, exc, parent=holder)
            self.statusBar().showMessage(workspace.label.text(), 8000)
        holder.layout().addWidget(workspace)
        self.workspaces[key] = workspace
        fit_workspace(self, workspace)  # read-only for a headteacher
        chosen = getattr(workspace, "record_chosen", None)  # the overview's "go to this visit" and the like
        if chosen is not None:
            chosen.connect(self.show_record)
        return workspace

    def show_workspace(self, key: str) -> Workspace:
        self.navigation.setCurrentRow(self.keys.index(key))
        return self.workspace(key)

    def current_key(self) -> str:
        return self.keys[max(self.navigation.currentRow(), 0)]

    def _navigate(self, row: int) -> None:
        if row < 0:
            return
        if not unsaved.may_leave_workspace(self, row):
            return
        key = self.keys[row]
        if self.context.desk is None:  # drawn before the file's verdict: workspaces come with the database
            self.stack.setCurrentIndex(row)
            self.context.settings.setValue("workspace", key)
            return
        workspace = self.workspace(key)
        self.stack.setCurrentIndex(row)
        self.context.settings.setValue("workspace", key)
        try:
            workspace.activated()
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 8000)

    def show_record(self, kind: str, record_id: int) -> None:
        """Open the workspace that holds a record (found by the search, or chosen on the overview)."""
        target = SEARCH_KINDS.get(kind)
        if target is None or not allowed(self, target[0]):
            return
        workspace = self.show_workspace(target[0])
        show = getattr(workspace, "show_record", None)
        if show is not None:
            show(target[1], record_id)

    # ---- language -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        retranslate_ui(self)
        for row, key in enumerate(self.keys):
            item = self.navigation.item(row)
            workspace = self.workspaces.get(key)
            item.setText(workspace.title() if workspace is not None else _(TITLES[key]))
        self.navigation_looks.retranslate()
        retranslate_help(self.actionGuide)
        for workspace in self.workspaces.values():
            workspace.retranslate()
        if self.search_popup is not None and hasattr(self.search_popup, "retranslate"):
            self.search_popup.retranslate()
        self._update_title()
        self._fill_recent()
        self.navigation.setMinimumWidth(self.navigation.sizeHintForColumn(0) + 24)

    def _update_title(self) -> None:
        title, status = window_titles(self)  # the file, and "Headteacher: <school>" for a headteacher
        self.setWindowTitle(title)
        if status:
            self.statusBar().showMessage(status)

    def switch_language(self, language: str) -> None:
        """Switch the whole window to another language at once, without a restart."""
        install_translators(language)
        self.retranslate()
        self.context.settings.setValue("language", get_language())
        self.context.language_changed.emit(get_language())

    # ---- databases ----------------------------------------------------------------------------
    def set_desk(self, desk: Desk | None) -> None:
        """Make `desk` the open database. Its lock must be held already (see open_database)."""
        old = self.context.desk
        if old is not None and old is not desk:
            self.guard.release()
        self.context.open(desk)
        self.context.undo_stack.clear()
        if old is not None and old is not desk:
            old.close()
        if desk is not None and desk.path is not None:
            remember_database(self.context.settings, str(desk.path))
        drafts = unsaved.pending_drafts(desk) if desk is not old else []  # before the workspaces' empty forms
        self.context.store_changed.emit()
        unsaved.offer_later(self, drafts)

    def settle(self) -> bool:
        """True when every open form may be left (nothing unsaved, or the person said save or discard)."""
        return all(workspace.settle() for workspace in self.workspaces.values())

    def _store_changed(self) -> None:
        self.stack.setEnabled(self.context.desk is not None)
        apply_login(self)
        for workspace in self.workspaces.values():
            workspace.retranslate()
            workspace.refresh(None)
        if self.workspaces or self.context.desk is not None:
            self._navigate(self.navigation.currentRow())
        self._update_title()
        self._fill_recent()

    def open_database(self, path: str) -> bool:
        from coordinator.desk import Desk

        if not self.settle():
            return False
        try:
            desk = Desk.open(path)
        except UserError as exc:
            QMessageBox.warning(self, _("Open database"), str(exc))
            return False
        try:
            self.guard.hold(desk)
        except UserError as exc:
            desk.close()
            QMessageBox.warning(self, _("Open database"), str(exc))
            return False
        self.set_desk(desk)
        return True

    def open_database_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self.settle():
            return
        path, _filter = QFileDialog.getOpenFileName(self, _("Open database"), "",
                                                    _("Databases (*.sqlite *.db);;All files (*)"))
        if path:
            self.open_database(path)

    def new_database_dialog(self) -> None:
        from coordinator.gui.dialogs.first_launch import NewDatabaseDialog

        if not self.settle():
            return
        dialog = NewDatabaseDialog(self.context, self)
        if dialog.exec() and dialog.desk is not None:
            self.set_desk(dialog.desk)

    def _fill_recent(self) -> None:
        menu: QMenu = self.menuRecent
        menu.clear()
        for path in recent_databases(self.context.settings):
            action = menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_database(p))
        menu.setEnabled(bool(menu.actions()))

    # ---- dialogs ------------------------------------------------------------------------------
    def open_search(self) -> None:
        cls = find_class("coordinator.gui.search_popup:SearchPopup")
        if cls is None or self.context.desk is None:
            return
        if self.search_popup is None:
            self.search_popup = cls(self.context, self)
            self.search_popup.record_chosen.connect(self.show_record)
        self.search_popup.open_over(self)

    def open_settings(self) -> None:
        from coordinator.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.context, self)
        if dialog.exec() and dialog.chosen_language() != get_language():
            self.switch_language(dialog.chosen_language())

    def open_import(self, path: str | None) -> None:
        cls = find_class("coordinator.gui.dialogs.import_dialog:ImportDialog")
        if cls is None or self.context.desk is None:
            return
        dialog = cls(self.context, path, self)
        dialog.exec()

    def open_backups(self) -> None:
        cls = find_class("coordinator.gui.dialogs.backups_dialog:BackupsDialog")
        if cls is None or self.context.desk is None:
            return
        dialog = cls(self.context, self)
        dialog.exec()

    def show_about(self) -> None:
        QMessageBox.about(self, _("About"), _("The coordinator's desk {version}\n\nSchools and working life, "
                                               "planned and measured.").format(version=__version__))

    # ---- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.actionImport.isEnabled():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.open_import(urls[0])

    # ---- state --------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.mainSplitter.restoreState(splitter)
        else:
            self.mainSplitter.setSizes([200, 1080])
        key = settings.value("workspace", "overview")
        self.navigation.setCurrentRow(self.keys.index(key) if key in self.keys else 0)

    def closeEvent(self, event) -> None:
        if not self.settle():
            event.ignore()  # Cancel: the window stays, with the edits
            return
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.mainSplitter.saveState())
        settings.sync()
        from coordinator.gui.workers import wait_for_tasks

        wait_for_tasks(10_000)
        self.guard.release()
        super().closeEvent(event)


__all__ = ["MainWindow"]
