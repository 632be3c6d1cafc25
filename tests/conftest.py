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
