"""The user guide: Help → User guide (F1) opens it in the app's language at the workspace the user is in.

The guide's text is one HTML file per language (resources/help/guide.<lang>.html), with an anchor per
workspace. Its keyboard section is made from the window's own actions when the guide opens, so that it
lists exactly the shortcuts the app has.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QTextBrowser, QVBoxLayout, QWidget

from coordinator.i18n import N_, _, get_language
from coordinator.resources import resource_path

SHORTCUTS_MARK = "<!-- shortcuts -->"
# Keys that are not actions of the window's menus: (what they do, N_; the key).
OTHER_KEYS: tuple[tuple[str, str], ...] = (
    (N_("Save the form"), "Ctrl+S"),
    (N_("Open the chosen record of a list"), "Enter"),
    (N_("Go from the filter to the list and the form"), "Tab"),
)


def guide_html(language: str, shortcuts: list[tuple[str, str]]) -> str:
    """The guide in `language` (English when there is none), its keyboard section filled in."""
    from html import escape  # when the guide is first opened, not before the window is drawn

    try:
        text = resource_path(f"help/guide.{language}.html").read_text(encoding="utf-8")
    except Exception:  # noqa: BLE001 - a language without a guide gets the English one
        text = resource_path("help/guide.en.html").read_text(encoding="utf-8")
    rows = "".join(f"<tr><td style='padding-right:16px'><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>"
                   for what, keys in shortcuts)
    return text.replace(SHORTCUTS_MARK, f"<table>{rows}</table>")


def window_shortcuts(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) of every action of the window with a shortcut, then the keys of forms and lists."""
    found: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()
        if keys and what and what not in found:
            found[what] = keys
    rows = sorted(found.items(), key=lambda item: item[1])
    rows += [(_(what), QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText))
             for what, keys in OTHER_KEYS]
    return rows


class HelpDialog(QDialog):
    """The guide in a browser that follows its internal links; `show_section` scrolls to a workspace."""

    def __init__(self, window: QWidget, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setObjectName("help_dialog")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("help_browser")
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 620)
        self.window_of_app = window
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("User guide"))
        self.browser.setAccessibleName(_("User guide"))
        self.browser.setHtml(guide_html(get_language(), window_shortcuts(self.window_of_app)))

    def show_section(self, section: str) -> None:
        self.browser.scrollToAnchor(section)


def install_help(window: QMainWindow) -> QAction:
    """Add Help → User guide (F1) before About; it opens the guide at the current workspace."""
    action = QAction(window)
    action.setObjectName("actionGuide")
    action.setShortcut(QKeySequence.StandardKey.HelpContents)
    menu = getattr(window, "menuHelp", None)
    about = getattr(window, "actionAbout", None)
    if menu is not None and about is not None:
        menu.insertAction(about, action)
    elif menu is not None:
        menu.addAction(action)
    else:
        window.addAction(action)

    def open_guide() -> None:
        dialog = getattr(window, "help_dialog", None)
        if dialog is None:
            dialog = window.help_dialog = HelpDialog(window)  # type: ignore[attr-defined]
        else:
            dialog.retranslate()  # the language, or the shortcuts, may have changed
        current = getattr(window, "current_key", None)
        dialog.show()
        dialog.raise_()
        dialog.show_section(current() if callable(current) else "")

    action.triggered.connect(open_guide)
    return action


def retranslate_help(action: QAction) -> None:
    action.setText(_("&User guide"))
    action.setStatusTip(_("The guide to this workspace and the keyboard"))
