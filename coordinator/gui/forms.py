"""Loading Qt Designer forms (ui/*.ui) into widgets, and re-reading their texts after a language switch."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QObject
from PySide6.QtGui import QAction
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QMenu, QWidget

from coordinator.i18n import _


def ui_dir() -> Path:
    """Where the Designer forms are: the package (wheel), a PyInstaller bundle or the source tree."""
    from coordinator.resources import data_dir

    return data_dir("ui", "main_window.ui")


UI_DIR = ui_dir()


class _IntoInstanceLoader(QUiLoader):
    """Loads a Designer form into an existing window (the top-level object is `base`)."""

    def __init__(self, base: QWidget):
        super().__init__(base)
        self.base = base

    def createWidget(self, class_name, parent=None, name=""):
        if parent is None and self.base is not None:
            return self.base
        widget = super().createWidget(class_name, parent, name)
        if self.base is not None and name:
            setattr(self.base, name, widget)
        return widget


def _loader(base: QWidget) -> _IntoInstanceLoader:
    """A loader without Qt Designer's widget plugins, which a QUiLoader loads as it is made: the forms use
    none, and loading them (Qt Quick's, WebEngine's and PySide's own) took longer than a form itself."""
    paths = QCoreApplication.libraryPaths()
    QCoreApplication.setLibraryPaths([])  # where the plugins are looked for, only while the loader is made
    try:
        return _IntoInstanceLoader(base)
    finally:
        QCoreApplication.setLibraryPaths(paths)


def load_ui(name: str, base: QWidget) -> QWidget:
    """Load `ui/<name>.ui` into `base`; its named widgets become attributes of `base`."""
    loader = _loader(base)
    loader.setLanguageChangeEnabled(True)
    file = QFile(str(UI_DIR / name))
    file.open(QFile.OpenModeFlag.ReadOnly)
    try:
        loader.load(file, None)
    finally:
        file.close()
    base._ui_texts = _ui_texts(UI_DIR / name)  # type: ignore[attr-defined]
    retranslate_ui(base)
    for action in base.findChildren(QAction):
        if action.objectName():
            setattr(base, action.objectName(), action)
    for menu in base.findChildren(QMenu):
        if menu.objectName():
            setattr(base, menu.objectName(), menu)
    return base


def _ui_texts(path: Path) -> list[tuple[str, str, str]]:
    """(object name, property, source text) of every translatable string of a Designer form: the strings of
    the properties a widget or an action has itself, unless marked notr. Read with Qt's own stream reader
    (already loaded; an XML library would be imported before the window is drawn)."""
    from PySide6.QtCore import QXmlStreamReader

    file = QFile(str(path))
    file.open(QFile.OpenModeFlag.ReadOnly)
    reader = QXmlStreamReader(file)
    found: list[tuple[str, str, str]] = []
    stack: list[tuple[str, str]] = []  # (tag, name attribute) of the open elements
    try:
        while not reader.atEnd():
            token = reader.readNext()
            if token == QXmlStreamReader.TokenType.EndElement:
                stack.pop()
                continue
            if token != QXmlStreamReader.TokenType.StartElement:
                continue
            tag, attributes = reader.name(), reader.attributes()
            owner = stack[-2] if len(stack) >= 2 else ("", "")
            if tag == "string" and stack and stack[-1][0] == "property" and owner[0] in ("widget", "action"):
                translatable = attributes.value("notr") != "true"
                text = reader.readElementText()  # consumes the element's end
                if translatable and text.strip():
                    found.append((owner[1], stack[-1][1], text))
                continue
            stack.append((tag, attributes.value("name")))
    finally:
        file.close()
    return found


def retranslate_ui(base: QWidget) -> None:
    """Re-read a loaded form's texts in the language now in force (the gettext catalogs answer)."""
    for name, prop, source in getattr(base, "_ui_texts", []):
        target = base if base.objectName() == name else base.findChild(QObject, name)
        if target is not None:
            target.setProperty(prop, _(source))
