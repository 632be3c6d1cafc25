"""Logs and crash reports hold no personal data; protected pupils never appear by name."""

from __future__ import annotations

import logging

import pytest
from safety_people import PROTECTED
from sqlalchemy import select

from coordinator.models import Pupil
from coordinator.safety.logs import clear_protected_names, setup_logging


@pytest.fixture
def log_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    yield path
    clear_protected_names()
    setup_logging()  # back to the default folder, opened only if something is logged


def test_protected_pupil_never_reaches_the_log(people_db, log_file):
    from coordinator.store import open_store

    store = open_store(people_db)
    with store.session() as s:
        pupil = s.scalar(select(Pupil).where(Pupil.protected_identity.is_(True)))
        name = f"{pupil.first_name} {pupil.last_name}"
    store.close()
    log = logging.getLogger("coordinator.test")
    log.warning("placement letter for %s failed", name)
    try:
        raise ValueError(f"cannot place {PROTECTED[1].upper()}, mail yrsa@example.se, tel 070-765 43 21, "
                         f"pnr 20120304-5678")
    except ValueError:
        log.exception("unexpected error")
    for handler in logging.getLogger("coordinator").handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "placement letter for" in text and "ValueError" in text
    for secret in (*PROTECTED, PROTECTED[1].upper(), "yrsa@example.se", "765 43 21", "20120304-5678"):
        assert secret not in text


def test_database_errors_do_not_carry_values_into_the_log(empty_store, log_file):
    from sqlalchemy.exc import IntegrityError

    try:
        with empty_store.session() as s:
            s.add(Pupil(first_name="Unikasson", last_name=None))
    except IntegrityError:
        logging.getLogger("coordinator").exception("unexpected error")
    for handler in logging.getLogger("coordinator").handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "IntegrityError" in text
    assert "Unikasson" not in text


def test_unexpected_cli_error_goes_to_the_log_without_personal_data(people_db, tmp_path, monkeypatch, capsys):
    from coordinator.cli.main import main
    from coordinator.safety import access, logs

    monkeypatch.setenv("COORDINATOR_LOG_DIR", str(tmp_path / "crash"))
    logs.setup_logging()  # as the command line installs it, in the folder in force

    def broken(*_args, **_kwargs):
        raise RuntimeError(f"layout failed for {PROTECTED[0]} {PROTECTED[1]} <yrsa@example.se>")

    monkeypatch.setattr(access, "export_person", broken)
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(people_db), "export-person", "--pupil", "1", "--out", str(tmp_path / "x.json")])
    assert exited.value.code == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    logs.reset_logging()
    text = (tmp_path / "crash" / "coordinator.log").read_text(encoding="utf-8")
    assert "RuntimeError" in text and "Traceback" in text
    assert PROTECTED[1] not in text and "yrsa@example.se" not in text
