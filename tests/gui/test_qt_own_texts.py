"""Qt's own words (dialog buttons, a text field's context menu, shortcuts) in the chosen language."""

from __future__ import annotations

import os

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QMessageBox

# What Qt's own catalogs (qtbase) or ours say for the stock texts; the test looks for words, not blanks.
BUTTONS = {"sv": ("OK", "Avbryt"), "pl": ("OK", "Anuluj"), "ru": ("OK", "Отмена")}
SELECT_ALL = {"sv": "Markera alla", "pl": "Zaznacz wszystko", "ru": "Выделить всё"}
# Qt's Swedish catalog writes the Shift key as Swedish Windows does: "Skift".
REDO_KEYS = {"sv": "Ctrl+Skift+Z", "pl": "Ctrl+Shift+Z", "ru": "Ctrl+Shift+Z"}
UNDO = {"sv": "&Ångra", "pl": "&Cofnij", "ru": "&Отменить"}


def _words(text: str) -> str:
    return text.replace("&", "").split("\t")[0].strip()


def _save(widget, name: str) -> None:
    folder = os.environ.get("COORDINATOR_SHOTS")  # set it to look at the renders yourself
    if folder:
        widget.grab().save(os.path.join(folder, name))


@pytest.mark.parametrize("language", ["sv", "pl", "ru"])
def test_message_box_context_menu_and_edit_menu_show_words_and_full_shortcuts(qtbot, main_window, language):
    main_window.switch_language(language)

    box = QMessageBox(QMessageBox.Icon.Question, "?", "?",
                      QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, main_window)
    qtbot.addWidget(box)
    box.show()
    texts = {_words(box.button(b).text()).upper() for b in (QMessageBox.StandardButton.Ok,
                                                             QMessageBox.StandardButton.Cancel)}
    assert texts == {w.upper() for w in BUTTONS[language]}
    _save(box, f"messagebox_{language}.png")
    box.close()

    field = QLineEdit("text", main_window)
    menu = field.createStandardContextMenu()
    actions = [a for a in menu.actions() if not a.isSeparator()]
    labels = [_words(a.text()) for a in actions]
    assert all(len(label) > 2 for label in labels), labels  # never "X C V A"
    assert SELECT_ALL[language] in labels
    assert any("Ctrl+Z" in a.text() for a in actions), [a.text() for a in actions]
    menu.popup(main_window.mapToGlobal(main_window.rect().center()))
    _save(menu, f"context_menu_{language}.png")
    menu.close()

    undo, redo = main_window.actionUndo, main_window.actionRedo
    assert undo.text() == UNDO[language]
    assert len(_words(redo.text())) > 2
    native = QKeySequence.SequenceFormat.NativeText
    assert undo.shortcut().toString(native) == "Ctrl+Z"
    assert redo.shortcut().toString(native) == REDO_KEYS[language]
    main_window.menuEdit.popup(main_window.mapToGlobal(main_window.rect().topLeft()))
    _save(main_window.menuEdit, f"edit_menu_{language}.png")
    main_window.menuEdit.close()
