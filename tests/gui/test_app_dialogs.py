"""First launch, settings and the screenshots command, as a person (or a reviewer) uses them."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PySide6.QtCore import Qt

from coordinator.gui.context import AppContext


def test_first_launch_creates_an_empty_database_for_the_chosen_country(qtbot, tmp_path, gui_settings):
    from coordinator.gui.dialogs.first_launch import FirstLaunchDialog

    target = tmp_path / "new.sqlite"
    dialog = FirstLaunchDialog(AppContext(None, gui_settings), suggested=str(target))
    qtbot.addWidget(dialog)
    dialog.empty.setChecked(True)
    dialog.country.setCurrentIndex(dialog.country.findData("pl"))
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert target.exists()
    assert dialog.desk.setting("profile") == "pl"
    dialog.desk.close()


def test_first_launch_refuses_a_file_that_exists(qtbot, tmp_path, gui_settings, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from coordinator.gui.dialogs.first_launch import FirstLaunchDialog

    taken = tmp_path / "taken.sqlite"
    taken.write_bytes(b"")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    dialog = FirstLaunchDialog(AppContext(None, gui_settings), suggested=str(taken))
    qtbot.addWidget(dialog)
    dialog.create()
    assert shown == ["Choose a file name that is not taken yet."]
    assert dialog.desk is None


def test_settings_save_municipality_and_switch_language(qtbot, main_window, monkeypatch):
    from coordinator.gui.dialogs.settings_dialog import SettingsDialog
    from coordinator.services.setup import get_setting

    dialog = SettingsDialog(main_window.context, main_window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Settings"
    dialog.municipality.clear()
    qtbot.keyClicks(dialog.municipality, "Hedemora kommun")
    dialog.language.setCurrentIndex(dialog.language.findData("pl"))
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: (self.accept(), 1)[1])
    monkeypatch.setattr("coordinator.gui.dialogs.settings_dialog.SettingsDialog.__init__",
                        _reuse(dialog), raising=True)
    main_window.open_settings()
    with main_window.context.store.session() as session:
        assert get_setting(session, "municipality") == "Hedemora kommun"
    assert main_window.navigation.item(1).text() == "Organizacje"
    assert main_window.menuEdit.title() == "&Edycja"


def _reuse(dialog):
    """Make `SettingsDialog(...)` in the window hand back the dialog the test filled in."""
    original_init = type(dialog).__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.municipality.setText(dialog.municipality.text())
        self.language.setCurrentIndex(dialog.language.currentIndex())
    return init


def test_screenshots_command_writes_every_workspace(qtbot, small_db, tmp_path):
    from coordinator.cli.main import cli
    from coordinator.gui.workspaces import WORKSPACES

    out = tmp_path / "shots"
    result = CliRunner().invoke(cli, ["--db", str(small_db), "--lang", "ru", "screenshots", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "изображений" in result.output
    names = {p.name for p in Path(out).glob("*.png")}
    assert {f"{key}.png" for key, _path in WORKSPACES} | {"search.png", "form.png"} <= names
    assert all((out / name).stat().st_size > 10_000 for name in names)


def test_opening_another_database_lists_it_under_open_recent(qtbot, main_window, empty_db):
    main_window.show_workspace("organisations")
    panel = main_window.workspace("organisations").panel
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10_000)
    assert panel.model.rowCount() > 0
    assert main_window.open_database(str(empty_db))
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=10_000)
    assert panel.model.rowCount() == 0  # the empty database's organisations
    recent = [a.text() for a in main_window.menuRecent.actions()]
    assert str(empty_db) in recent
    assert main_window.context.settings.value("last_database") == str(empty_db)
    assert empty_db.name in main_window.windowTitle()


def test_dropping_a_file_opens_the_import_dialog_with_it(qtbot, main_window, tmp_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    import coordinator.gui.dialogs.import_dialog as import_module

    opened: list = []
    monkeypatch.setattr(import_module.ImportDialog, "exec", lambda self: opened.append(self) or 0)
    class_list = tmp_path / "8A.csv"
    class_list.write_text("Förnamn;Efternamn\nAnna;Berg\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(class_list))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    main_window.dropEvent(event)
    assert len(opened) == 1
    assert opened[0].file_edit.text() == str(class_list)


YEAR_FILTERS = ("scorecards", "statistics", "documents", "action_plan")  # the workspaces with a year filter


def _shown_year(window, key: str) -> str:
    workspace = window.show_workspace(key)
    return workspace.year_combo.currentText() if workspace.year_combo.isVisible() else ""


def test_changing_the_school_year_in_settings_moves_every_workspace(qtbot, main_window, monkeypatch):
    from coordinator.gui.dialogs.settings_dialog import SettingsDialog

    before = {key: _shown_year(main_window, key) for key in YEAR_FILTERS}
    assert len(set(before.values())) == 1
    dialog = SettingsDialog(main_window.context, main_window)
    qtbot.addWidget(dialog)
    other = next(dialog.schoolYear.itemText(i) for i in range(dialog.schoolYear.count())
                 if dialog.schoolYear.itemText(i) != next(iter(before.values())))
    dialog.schoolYear.setCurrentIndex(dialog.schoolYear.findText(other))
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: (self.accept(), 1)[1])
    original_init = SettingsDialog.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        self.schoolYear.setCurrentIndex(self.schoolYear.findText(other))

    monkeypatch.setattr(SettingsDialog, "__init__", init)
    main_window.open_settings()
    assert main_window.workspace("action_plan").year_combo.currentText() == other  # the one shown, at once
    for key in YEAR_FILTERS:
        assert _shown_year(main_window, key) == other, key
