"""An error nobody caught reaches a person as one translated sentence, and the log as the full story."""

from __future__ import annotations

import logging

from coordinator.errors import UserError
from coordinator.gui.app import install_translators
from coordinator.gui.crash import handle_exception


def _raise(error):
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - the point is to hand it over whole
        return type(caught), caught, caught.__traceback__


def test_a_refused_action_shows_its_own_message(qapp):
    shown = []
    handle_exception(*_raise(UserError("Det finns ingen skola som heter Lyckeby.")),
                     show=lambda title, text: shown.append(text))
    assert shown == ["Det finns ingen skola som heter Lyckeby."]


def test_an_unexpected_error_is_logged_and_explained_without_a_traceback(qapp, caplog):
    shown = []
    install_translators("ru")
    try:
        with caplog.at_level(logging.ERROR, logger="coordinator.gui"):
            handle_exception(*_raise(ZeroDivisionError("division by zero")),
                             show=lambda title, text: shown.append(text))
    finally:
        install_translators("en")
    assert len(shown) == 1
    assert "ZeroDivisionError" in shown[0] and "Traceback" not in shown[0]
    assert "журнал" in shown[0]  # in the person's language
    assert any(record.exc_info for record in caplog.records)  # the details went to the log
