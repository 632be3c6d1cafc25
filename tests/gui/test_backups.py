"""File → Backups…: the list of backups and restoring one, as the coordinator sees it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from coordinator.gui.context import AppContext
from coordinator.gui.dialogs.backups_dialog import BackupsDialog
from coordinator.safety.backups import create_backup, list_backups
from coordinator.services.setup import get_setting, set_setting
from coordinator.store import open_store


@pytest.fixture
def context(empty_db, tmp_path):
    store = open_store(empty_db)
    ctx = AppContext(store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield ctx
    ctx.store.close()


def test_backups_listed_newest_first_with_reason_and_size(qtbot, context, empty_db):
    create_backup(empty_db, "before-import")
    create_backup(empty_db, "manual")
    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.table.item(0, 1).text() == "Made by hand"
    assert dialog.table.item(1, 1).text() == "Before an import"
    assert dialog.table.item(0, 2).text().endswith("kB")
    assert not dialog.restore_button.isEnabled()


def test_back_up_now_adds_a_row(qtbot, context, empty_db):
    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    assert len(list_backups(empty_db)) == 1


def test_restore_after_confirmation_brings_back_the_old_state(qtbot, context, empty_db, monkeypatch):
    with context.store.session() as s:
        set_setting(s, "municipality", "Före")
    create_backup(empty_db, "manual")
    with context.store.session() as s:
        set_setting(s, "municipality", "Efter")
    reopened: list = []
    context.store_changed.connect(lambda: reopened.append(True))
    asked: list[str] = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return answer.reply

    monkeypatch.setattr(QMessageBox, "question", answer)
    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    when = dialog.table.item(0, 0).text()

    answer.reply = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    with context.store.session() as s:
        assert get_setting(s, "municipality") == "Efter"
    assert not reopened

    answer.reply = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and when in asked[1]
    assert reopened == [True]
    with context.store.session() as s:
        assert get_setting(s, "municipality") == "Före"
    assert "restored" in dialog.status.text()


def test_a_backup_that_fails_its_check_is_not_restored(qtbot, context, empty_db, monkeypatch):
    with context.store.session() as s:
        set_setting(s, "municipality", "Kvar")
    backup = create_backup(empty_db, "manual")
    backup.write_bytes(b"not a database at all" * 100)  # damaged after it was made
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "cannot be restored" in dialog.status.text()
    assert context.store is not None
    with context.store.session() as s:
        assert get_setting(s, "municipality") == "Kvar"


def test_restoring_a_backup_from_before_an_erasure_erases_again_and_says_so(qtbot, context, empty_db,
                                                                             monkeypatch):
    from sqlalchemy import select

    from coordinator.models import Gender, Pupil
    from coordinator.safety.erasure import erase_person

    with context.store.session() as s:
        pupil = Pupil(first_name="Xanthippa", last_name="Quillfeather", gender=Gender.GIRL)
        s.add(pupil)
    erase_person(context.store, kind="pupil", record_id=pupil.id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = BackupsDialog(context)
    qtbot.addWidget(dialog)
    assert [b.reason for b in list_backups(empty_db)] == ["before-erasure"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "1 erasure made since the backup was applied again." in dialog.status.text()
    with context.store.session() as s:
        assert s.scalar(select(Pupil.id).where(Pupil.last_name == "Quillfeather")) is None
