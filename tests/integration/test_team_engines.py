"""The same app on a PostgreSQL server: the same demo gives byte-identical statistics and the same documents."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from coordinator.cli.main import main
from coordinator.documents.kinds import KINDS


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main([str(a) for a in args])
    out, err = capsys.readouterr()
    return stop.value.code, out, err


@pytest.fixture(scope="module")
def pl_on_both(pg_server, tmp_path_factory):
    """The Polish municipality demo (seed 1) made by the command line in a file and on the server."""
    from coordinator.cli.main import main as cli

    file = tmp_path_factory.mktemp("engines") / "pl.sqlite"
    name = pg_server.fresh()
    url = pg_server.url(name).render_as_string(hide_password=False)
    for db in (file, url):
        with pytest.raises(SystemExit) as stop:
            cli(["--db", str(db), "demo", "--profile", "pl", "--size", "municipality", "--seed", "1"])
        assert stop.value.code == 0
    yield str(file), url
    pg_server.drop(name)


@pytest.mark.parametrize("command", [("stats", "gender"), ("stats", "scorecard"), ("info",)],
                         ids=["gender", "scorecard", "info"])
def test_statistics_and_counts_are_byte_identical_on_both_engines(pl_on_both, capsys, command):
    file, url = pl_on_both
    on_file = run(capsys, "--db", file, *command, "--format", "json")
    on_server = run(capsys, "--db", url, *command, "--format", "json")
    assert on_file[0] == 0, on_file[2]
    assert on_server == on_file
    assert len(on_file[1]) > 300


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_report_has_the_same_text_on_both_engines(pl_on_both, capsys, tmp_path, kind):
    texts = []
    for number, db in enumerate(pl_on_both):
        out = tmp_path / f"{kind}-{number}.pdf"
        code, _out, err = run(capsys, "--db", db, "--lang", "pl", "report", kind, "--out", out)
        assert code == 0, err
        texts.append("\n".join(page.extract_text() for page in PdfReader(out).pages))
    assert texts[0] == texts[1]
    assert len(texts[0]) > 100
