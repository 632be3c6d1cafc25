"""A server that cannot be reached, at open or in the middle of work: one clear line, nothing half-written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from coordinator.cli.main import main
from coordinator.desk import Desk
from coordinator.errors import UserError
from coordinator.models import Organisation
from coordinator.store import open_store


def test_a_server_that_is_not_there_is_one_line_and_exit_1(pg_server, tmp_path, capsys):
    url = f"postgresql+psycopg://coordinator@/region?host={tmp_path}"  # no server listens in tmp_path
    with pytest.raises(SystemExit) as stop:
        main(["--db", url, "info"])
    err = capsys.readouterr().err
    assert stop.value.code == 1
    assert "cannot be reached" in err and str(tmp_path) in err and "Traceback" not in err


@pytest.mark.parametrize("engine_name", ["postgresql"])
def test_a_connection_lost_mid_work_refuses_the_save_whole_and_works_again_on_reconnect(any_empty_db, pg_server):
    desk = Desk.open(any_empty_db)
    name = desk.store.url.database
    try:
        with pg_server.admin() as conn:  # the laptop leaves the network: its connections die, no new one comes
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        values = {"name": "Verkstad AB", "kind": "company"}
        with pytest.raises(UserError, match="cannot be reached"):
            desk.create_record("organisations", values)
        with pg_server.admin() as conn:
            conn.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        desk.create_record("organisations", values)  # the same edit, retried once the network is back
    finally:
        desk.close()
    store = open_store(any_empty_db)
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(Organisation)) == 1
    store.close()
