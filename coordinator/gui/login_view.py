"""What the main window offers the login: a headteacher sees their school's records and numbers, read-only.

The server refuses a headteacher's writes whatever the app does (coordinator.team.roles); this module
keeps the app from offering them: it hides the workspaces they may not use, disables the actions that
write (imports, backups, settings), makes the records read-only, and names the login in the title.
On a file, or for a coordinator, everything stays as it is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer

from coordinator.i18n import _

if TYPE_CHECKING:
    from coordinator.desk.team_desk import Login
    from coordinator.gui.workspaces.base import Workspace

MainWindow = Any  # a gui.main_window.MainWindow (not imported: it imports this module)

# What a headteacher may use: their school's classes, activities, statistics and scorecards.
HEADTEACHER_WORKSPACES = ("schools", "pupils", "study_visits", "encounters", "scorecards", "statistics")
# The window's actions that write, or reach the whole database (a new record, Ctrl+N, included).
WRITING_ACTIONS = ("actionImport", "actionBackups", "actionSettings", "actionNewRecord")


def current_login(window: MainWindow) -> Login | None:
    desk = window.context.desk
    return desk.login() if desk is not None else None


def allowed(window: MainWindow, key: str) -> bool:
    login = current_login(window)
    return login is None or not login.headteacher or key in HEADTEACHER_WORKSPACES


class _TitleKeeper(QObject):
    """Puts the window's own title back after a language change (the Designer form resets it to the .ui's)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, watched, watched._update_title)  # after the form has retranslated itself
        return False


def watch_login(window: MainWindow) -> None:
    """Fit the window to the login now, and keep its title (the login, the file) through language changes."""
    window.title_keeper = _TitleKeeper(window)
    window.installEventFilter(window.title_keeper)
    apply_login(window)


def apply_login(window: MainWindow) -> None:
    """Show the navigation and actions the login may use; move off a workspace it may not."""
    login = current_login(window)
    head = login is not None and login.headteacher
    for row, key in enumerate(window.keys):
        window.navigation.item(row).setHidden(not allowed(window, key))
    for name in WRITING_ACTIONS:
        action = getattr(window, name)
        enabled = window.installed_actions.get(name, True)
        action.setEnabled(enabled and not head)
        action.setVisible(not head)
    for workspace in window.workspaces.values():
        fit_workspace(window, workspace)
    if head and not allowed(window, window.current_key()):
        window.navigation.setCurrentRow(window.keys.index(HEADTEACHER_WORKSPACES[0]))


def fit_workspace(window: MainWindow, workspace: Workspace) -> None:
    """Make a workspace read-only for a headteacher (each workspace knows which of its parts write)."""
    login = current_login(window)
    read_only = getattr(workspace, "set_read_only", None)
    if read_only is not None:
        read_only(login is not None and login.headteacher)


def window_titles(window: MainWindow) -> tuple[str, str]:
    """The window's title and status line: the file, the login if a headteacher's, where the data is."""
    desk = window.context.desk
    where = str(desk.path.name) if desk is not None and desk.path is not None else ""
    login = current_login(window)
    who = _("Headteacher: {school}").format(school=login.school or "–") if login and login.headteacher else ""
    title = " — ".join(part for part in (who, where, _("The coordinator's desk")) if part)
    if desk is None:
        return title, ""
    return title, f"{who} · {desk.location}" if who else desk.location
