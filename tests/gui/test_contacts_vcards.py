"""The Contacts workspace exports vCards: one file, or one file per contact for Outlook."""

from __future__ import annotations

import vobject
from PySide6.QtWidgets import QFileDialog


def test_contacts_export_as_one_file_or_a_file_per_contact(qtbot, main_window, tmp_path, monkeypatch):
    workspace = main_window.show_workspace("contacts")
    messages: list[str] = []
    main_window.context.status_message.connect(messages.append)
    folder = tmp_path / "cards"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))
    workspace.per_contact.trigger()
    cards = sorted(folder.glob("*.vcf"))
    assert len(cards) > 10 and messages and str(len(cards)) in messages[-1]
    card = vobject.readOne(cards[0].read_text(encoding="utf-8"))
    assert card.uid.value and card.fn.value
    target = tmp_path / "all.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    workspace.one_file.trigger()
    assert len(list(vobject.readComponents(target.read_text(encoding="utf-8")))) == len(cards)
    assert workspace.export_button.text() == "vCards" and workspace.export_button.isVisible()
