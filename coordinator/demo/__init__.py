"""Demo databases: a whole municipality (or region) with realistic names, places and patterns."""

from __future__ import annotations

from dataclasses import dataclass

from coordinator.store import Store


@dataclass(frozen=True)
class DemoSummary:
    pupils: int
    organisations: int


def build_demo(store: Store, *, profile_code: str, size: str, seed: int) -> DemoSummary:
    from coordinator.demo.builder import build

    return build(store, profile_code=profile_code, size=size, seed=seed)
