"""Fixtures of the import/export tests: empty databases per country and helpers that write files."""

from __future__ import annotations

from pathlib import Path

import pytest

from coordinator.store import open_store


def _init_template(tmp_path_factory, profile: str) -> Path:
    from coordinator.services.setup import initialise

    path = tmp_path_factory.getbasetemp() / "templates" / f"transfer-empty-{profile}.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        store = open_store(path, create=True)
        try:
            with store.session() as session:
                initialise(session, profile_code=profile)
        finally:
            store.close()
    return path


@pytest.fixture(scope="session")
def empty_templates(tmp_path_factory):
    return {p: _init_template(tmp_path_factory, p) for p in ("se", "pl", "ru")}


@pytest.fixture
def make_store(empty_templates, tmp_path):
    """make_store('pl') → an open store on a fresh empty database of that profile."""
    import shutil

    stores = []

    def make(profile: str = "se"):
        target = tmp_path / f"{profile}-{len(stores)}.sqlite"
        shutil.copyfile(empty_templates[profile], target)
        store = open_store(target)
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()
