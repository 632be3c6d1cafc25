"""Demo databases: a whole municipality (or region) with realistic names, places and patterns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator.store import Store

if TYPE_CHECKING:
    from coordinator.safety.replace import Replaced


@dataclass(frozen=True)
class DemoSummary:
    pupils: int
    organisations: int


def build_demo(store: Store, *, profile_code: str, size: str, seed: int) -> DemoSummary:
    from coordinator.demo.builder import build

    return build(store, profile_code=profile_code, size=size, seed=seed)


def build_demo_file(path: Path, *, profile_code: str, size: str, seed: int) -> tuple[DemoSummary, Replaced]:
    """Build a demo database beside `path`, then put it in place; an existing file is backed up first.

    The caller holds the database lock. A kill at any moment leaves the old file or the whole demo.
    """
    from coordinator.safety.replace import replace_database
    from coordinator.store import open_store

    summaries: list[DemoSummary] = []

    def build(new: Path) -> None:
        store = open_store(new, create=True)
        try:
            summaries.append(build_demo(store, profile_code=profile_code, size=size, seed=seed))
        finally:
            store.close()

    replaced = replace_database(path, build, reason="demo")
    return summaries[0], replaced
