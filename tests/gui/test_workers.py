"""The background-work helper: results, errors and cancels come back on the GUI thread."""

from __future__ import annotations

import threading

from coordinator.errors import UserError
from coordinator.gui.context import AppContext
from coordinator.gui.workers import run_task


def test_result_arrives_on_gui_thread_from_the_desk(qtbot, empty_store):
    context = AppContext(empty_store)
    got: list = []
    gui_thread = threading.get_ident()
    seen_threads: list[int] = []

    def work(desk, progress):
        seen_threads.append(threading.get_ident())
        progress.report(1, 2, "half")
        return desk.field_choices("organisations", "sector_code")

    task = run_task(context, work, on_done=lambda r: got.append((r, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert len([code for code, _label in got[0][0] if code]) == 21  # NACE sections A to U
    assert got[0][1] == gui_thread
    assert seen_threads[0] != gui_thread
    assert task.done


def test_user_error_becomes_message_and_cancel_stops(qtbot, empty_store):
    context = AppContext(empty_store)
    errors: list[str] = []

    def refuse(desk, progress):
        raise UserError("no such pupil")

    run_task(context, refuse, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == ["no such pupil"]

    started = threading.Event()
    cancelled: list[bool] = []
    done: list = []

    def long(progress):
        started.set()
        while True:
            progress.check()

    task = run_task(context, long, session=False, on_done=done.append, on_cancelled=lambda: cancelled.append(True))
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert done == []
