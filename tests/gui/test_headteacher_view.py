"""On a team's server the window offers a headteacher only what they may use: their school's records and
numbers read-only, the indicator comments of their school writable; a coordinator sees everything."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from sqlalchemy.engine import make_url

from coordinator.desk import Desk
from coordinator.desk.team_ops import add_server_user, init_server
from coordinator.gui.login_view import HEADTEACHER_WORKSPACES, WRITING_ACTIONS
from coordinator.models import Enrolment, Indicator, Pupil, School, SchoolClass
from coordinator.enums import Perspective
from coordinator.store import open_store

pytestmark = pytest.mark.parametrize("engine_name", ["postgresql"])  # the roles are the server's


@pytest.fixture
def team(pg_server, any_small_db):
    """The small demo set up for a team, an indicator for the first school, and its headteacher's login."""
    init_server(any_small_db, profile_code="se")
    store = open_store(any_small_db)
    with store.session() as s:
        own = s.scalars(select(School).order_by(School.id).limit(1)).one()
        s.add(Indicator(name="Our own indicator", school_id=own.id, perspective=Perspective.PUPILS))
        school = (own.id, own.name)
    store.close()
    login = f"head_{make_url(any_small_db).database}"
    add_server_user(any_small_db, login, role="headteacher", school=school[1], password=None)
    yield any_small_db, pg_server.url(make_url(any_small_db).database, user=login), school
    with pg_server.admin() as conn:
        conn.execute(f'DROP OWNED BY "{login}"')
        conn.execute(f'DROP ROLE IF EXISTS "{login}"')


@pytest.fixture
def window_on(qtbot, gui_settings):
    from coordinator.gui.app import install_translators
    from coordinator.gui.context import AppContext
    from coordinator.gui.main_window import MainWindow
    from coordinator.gui.workers import wait_for_tasks

    opened = []

    def open_window(url):
        install_translators("en")
        desk = Desk.open(url.render_as_string(hide_password=False) if not isinstance(url, str) else url)
        window = MainWindow(AppContext(desk, gui_settings))
        qtbot.addWidget(window)
        window.show()
        opened.append((window, desk))
        return window

    yield open_window
    wait_for_tasks()
    for window, desk in opened:
        window.close()
        desk.close()


def shown_keys(window) -> set[str]:
    return {key for row, key in enumerate(window.keys) if not window.navigation.item(row).isHidden()}


def loaded(qtbot, window, workspace_key: str, kind: str):
    panel = next(p for p in window.show_workspace(workspace_key).panels if p.kind.key == kind)
    panel.ensure_loaded()
    qtbot.waitUntil(lambda: not panel.model.loading, timeout=15_000)
    return panel


def own_visible_pupils(url: str, school_id: int) -> set[int]:
    store = open_store(url)
    with store.session() as s:
        ids = set(s.scalars(select(Pupil.id).join(Enrolment, Enrolment.pupil_id == Pupil.id)
                            .join(SchoolClass, SchoolClass.id == Enrolment.class_id)
                            .where(SchoolClass.school_id == school_id, Pupil.protected_identity.is_(False))))
        everyone = set(s.scalars(select(Pupil.id)))
    store.close()
    assert everyone - ids  # the demo has other schools' pupils (and protected identities) to keep away
    return ids


def test_a_headteacher_gets_their_schools_records_read_only_and_no_writing_action(qtbot, team, window_on):
    url, head_url, (school_id, school) = team
    window = window_on(head_url)
    assert f"Headteacher: {school}" in window.windowTitle()
    assert f"Headteacher: {school}" in window.statusBar().currentMessage()
    assert shown_keys(window) == set(HEADTEACHER_WORKSPACES)
    assert not any(getattr(window, name).isEnabled() for name in WRITING_ACTIONS)
    assert window.current_key() in HEADTEACHER_WORKSPACES
    window.switch_language("sv")
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)  # the form retranslates its own title
    qtbot.waitUntil(lambda: window.windowTitle().startswith(f"Rektor: {school} — "), timeout=5_000)
    window.switch_language("en")
    pupils = loaded(qtbot, window, "pupils", "pupils")
    listed = {pupils.model.id_at(row) for row in range(pupils.model.rowCount())}
    assert listed == own_visible_pupils(url, school_id)
    classes = loaded(qtbot, window, "schools", "schools")
    assert classes.model.rowCount() == 1
    for panel in (pupils, classes):
        panel.select_id(panel.model.id_at(0))
        assert not panel.form.isEnabled()
        assert not any(b.isVisible() for b in (panel.new_button, panel.delete_button, panel.save_button))
    statistics = window.show_workspace("statistics")  # computed from the tables the login may read
    qtbot.waitUntil(lambda: not statistics.busy and statistics._result is not None, timeout=15_000)
    assert "may not" not in statistics.status_label.text()


def test_a_headteacher_writes_the_comment_on_their_schools_indicator_only(qtbot, team, window_on):
    url, head_url, (school_id, school) = team
    window = window_on(head_url)
    cards = window.show_workspace("scorecards")
    qtbot.waitUntil(lambda: not cards.busy and cards.scope_combo.findText(school) >= 0, timeout=15_000)
    cards.scope_combo.setCurrentIndex(cards.scope_combo.findText(school))
    qtbot.waitUntil(lambda: not cards.busy and cards.item_for("Our own indicator") is not None, timeout=15_000)
    assert not cards.add_button.isVisible()
    shared = next(line for line in cards._result.lines if line.key)  # a computed one, on every school's card
    cards.tree.setCurrentItem(cards.item_for(shared.name))
    assert cards.comment.edit.isReadOnly() and not cards.comment.save_button.isEnabled()
    assert not cards.save_button.isVisible() and not cards.target_spin.isEnabled()
    cards.tree.setCurrentItem(cards.item_for("Our own indicator"))
    assert not cards.comment.edit.isReadOnly()
    cards.comment.edit.setPlainText("Vi jobbar på det")
    cards.comment.save_button.click()
    store = open_store(url)
    with store.session() as s:
        notes = s.scalar(select(Indicator.notes).where(Indicator.name == "Our own indicator"))
    store.close()
    assert notes == "Vi jobbar på det"


def test_a_coordinator_on_the_same_server_gets_everything(qtbot, team, window_on):
    url, _head_url, _school = team
    window = window_on(url)
    assert "Headteacher" not in window.windowTitle()
    assert shown_keys(window) == set(window.keys)
    assert all(getattr(window, name).isEnabled() for name in WRITING_ACTIONS)
    classes = loaded(qtbot, window, "schools", "schools")
    classes.select_id(classes.model.id_at(0))
    assert classes.form.isEnabled() and classes.save_button.isVisible()
    assert classes.model.rowCount() > 1
