"""Every control has a name a screen reader can say, and no text is cut, in every workspace and language at 1366×768."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from tests.gui.a11y_probe import cut_texts, unnamed_controls


def _settled(qtbot, workspace) -> None:
    """The tables shown have their rows and counts, and the layouts have made room for the new texts."""
    from coordinator.gui.workspaces.record_panel import RecordPanel

    qtbot.waitUntil(lambda: not any(p.model.loading for p in workspace.findChildren(RecordPanel) if p.isVisible()),
                    timeout=10_000)
    QApplication.processEvents()
    QApplication.processEvents()


def _every_tab(qtbot, workspace):
    """Each tab of each tab widget in the workspace, in turn (yields once it is shown and loaded)."""
    _settled(qtbot, workspace)
    yield
    for tabs in workspace.findChildren(QTabWidget):
        for index in range(1, tabs.count()):
            if tabs.isVisible():
                tabs.setCurrentIndex(index)
                _settled(qtbot, workspace)
                yield
        tabs.setCurrentIndex(0)


@pytest.mark.parametrize("language", ["en", "sv", "pl", "ru"])
def test_no_control_without_a_name_and_no_text_cut(qtbot, main_window, language):
    main_window.switch_language(language)
    main_window.resize(1366, 768)
    found: set[str] = set()
    for key in main_window.keys:
        workspace = main_window.show_workspace(key)
        panel = getattr(workspace, "panel", None)
        if panel is not None:
            qtbot.waitUntil(lambda p=panel: not p.model.loading, timeout=10_000)
            panel.table.selectRow(0)  # a record in the form, its lists and pickers filled
        QApplication.processEvents()
        for _shown in _every_tab(qtbot, workspace):
            found |= {f"{key}: {line}" for line in unnamed_controls(workspace) + cut_texts(workspace)}
    found |= {f"window: {line}" for line in unnamed_controls(main_window) + cut_texts(main_window)}
    assert not found, "\n".join(sorted(found))


def test_the_probe_finds_a_nameless_field_and_a_cut_label(qtbot):
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    nameless = QLineEdit(root)
    cut = QLabel("A label far too long for the forty pixels it was given", root)
    cut.setFixedWidth(40)
    named = QLineEdit(root)
    named.setAccessibleName("Name")
    for widget in (nameless, cut, named):
        layout.addWidget(widget)
    root.show()
    assert len(unnamed_controls(root)) == 1
    assert len(cut_texts(root)) == 1
