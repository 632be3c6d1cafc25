"""A record's history: created, then changed (with the changed fields by their form labels), never values."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from coordinator.gui.context import AppContext
from coordinator.gui.dialogs.audit_dialog import AuditDialog
from coordinator.models import Gender, Pupil


def test_history_of_a_pupil_shows_creation_and_changed_fields(qtbot, empty_store, tmp_path):
    with empty_store.session() as s:
        pupil = Pupil(first_name="Åsa", last_name="Öberg", gender=Gender.GIRL)
        s.add(pupil)
        s.flush()
        pupil_id = pupil.id
    with empty_store.session() as s:
        s.get(Pupil, pupil_id).last_name = "Lind"
    context = AppContext(empty_store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    dialog = AuditDialog(context, "pupils", pupil_id)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert [r[1] for r in rows] == ["Created", "Changed"]
    assert rows[1][2] == "Last name"
    assert "First name" in rows[0][2] and "Last name" in rows[0][2]
    # The log names fields, never their values (they are personal data).
    assert not any("Lind" in cell or "Öberg" in cell for row in rows for cell in row)


def test_a_record_with_no_history_says_so(qtbot, empty_store, tmp_path):
    context = AppContext(empty_store, QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    dialog = AuditDialog(context, "pupils", 999_999)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0
    assert "Nothing has been recorded" in dialog.intro.text()
