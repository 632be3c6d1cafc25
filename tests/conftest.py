"""Shared fixtures: fresh databases from templates, the language reset after each test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from coordinator.i18n import set_language
from coordinator.store import Store, open_store


@pytest.fixture(scope="session", autouse=True)
def _private_state_folder(tmp_path_factory):
    """The app's state (the record of cleanly closed files, the folders of recent exports, the locks by
    device and inode) goes to a test folder, never the user's own; subprocesses inherit it."""
    folder = tmp_path_factory.mktemp("state")
    previous = os.environ.get("COORDINATOR_STATE_DIR")
    os.environ["COORDINATOR_STATE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("COORDINATOR_STATE_DIR", None)
    else:
        os.environ["COORDINATOR_STATE_DIR"] = previous


@pytest.fixture(autouse=True)
def _english_by_default():
    set_language("en")
    yield
    set_language("en")


def _template(tmp_path_factory: pytest.TempPathFactory, name: str, build) -> Path:
    path = tmp_path_factory.getbasetemp() / "templates" / f"{name}.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        store = open_store(path, create=True)
        try:
            build(store)
        finally:
            store.close()
    return path


def _copy_template(template: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copyfile(template, target)
    return target


@pytest.fixture(scope="session")
def empty_se_template(tmp_path_factory) -> Path:
    from coordinator.services.setup import initialise

    def build(store: Store) -> None:
        with store.session() as session:
            initialise(session, profile_code="se")

    return _template(tmp_path_factory, "empty-se", build)


@pytest.fixture
def empty_db(empty_se_template, tmp_path) -> Path:
    """A fresh, empty Swedish database file."""
    return _copy_template(empty_se_template, tmp_path, "empty.sqlite")


@pytest.fixture
def empty_store(empty_db):
    store = open_store(empty_db)
    yield store
    store.close()


def _demo_template(tmp_path_factory, profile_code: str, size: str) -> Path:
    from coordinator.demo import build_demo

    return _template(tmp_path_factory, f"demo-{profile_code}-{size}",
                     lambda store: build_demo(store, profile_code=profile_code, size=size, seed=1))


@pytest.fixture(scope="session")
def small_se_template(tmp_path_factory) -> Path:
    return _demo_template(tmp_path_factory, "se", "small")


@pytest.fixture
def small_db(small_se_template, tmp_path) -> Path:
    """A fresh copy of the small Swedish demo (about 200 pupils)."""
    return _copy_template(small_se_template, tmp_path, "small.sqlite")


@pytest.fixture
def small_store(small_db):
    store = open_store(small_db)
    yield store
    store.close()


@pytest.fixture(scope="session")
def demo_template():
    """Build (once per test session) the demo of a profile and size; returns its template path."""
    cache: dict[tuple[str, str], Path] = {}

    def get(tmp_path_factory, profile_code: str, size: str) -> Path:
        key = (profile_code, size)
        if key not in cache:
            cache[key] = _demo_template(tmp_path_factory, profile_code, size)
        return cache[key]

    return get


# ---- Both engines: SQLite files and a real PostgreSQL server (tests/pg_support.py) ----

ENGINES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server for the whole session, started from the pgserver wheel and stopped after."""
    from pg_support import running_server

    with running_server() as server:
        yield server


def _pg_database(pg_server, template: str, build):
    from coordinator.store import open_store as _open

    def fill(url) -> None:
        store = _open(url, create=True)
        try:
            build(store)
        finally:
            store.close()

    name = pg_server.fresh(pg_server.template(template, fill))
    return name


def _initialise_se(store: Store) -> None:
    from coordinator.services.setup import initialise

    with store.session() as session:
        initialise(session, profile_code="se")


@pytest.fixture(params=ENGINES)
def engine_name(request) -> str:
    """Each database-facing test that asks for it runs once on SQLite and once on PostgreSQL."""
    return request.param


@pytest.fixture
def any_empty_db(engine_name, request):
    """An empty Swedish database on the test's engine: a file path or a server URL (as text)."""
    if engine_name == "sqlite":
        yield request.getfixturevalue("empty_db")
        return
    server = request.getfixturevalue("pg_server")
    name = _pg_database(server, "tmpl_empty_se", _initialise_se)
    yield server.url(name).render_as_string(hide_password=False)
    server.drop(name)


@pytest.fixture
def any_empty_store(any_empty_db):
    store = open_store(any_empty_db)
    yield store
    store.close()


@pytest.fixture
def any_small_db(engine_name, request):
    """The small Swedish demo on the test's engine: a file path or a server URL (as text)."""
    if engine_name == "sqlite":
        yield request.getfixturevalue("small_db")
        return
    from coordinator.demo import build_demo

    server = request.getfixturevalue("pg_server")
    name = _pg_database(server, "tmpl_small_se",
                        lambda store: build_demo(store, profile_code="se", size="small", seed=1))
    yield server.url(name).render_as_string(hide_password=False)
    server.drop(name)


@pytest.fixture
def any_small_store(any_small_db):
    store = open_store(any_small_db)
    yield store
    store.close()
