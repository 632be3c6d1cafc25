"""Placement matching: offers and ranked wishes in, a rank-maximal, explained assignment out (re-exported).

The solver (numpy, scipy) is loaded only when `solve` is first used, so that the desk, and with it
every command and the app's start, do not pay for it.
"""

from __future__ import annotations

from typing import Any

from coordinator.matching.problem import Assignment, MatchResult, OfferIn, Problem, PupilIn

__all__ = ["Assignment", "MatchResult", "OfferIn", "Problem", "PupilIn", "solve"]


def __getattr__(name: str) -> Any:
    if name == "solve":
        from coordinator.matching.solver import solve

        return solve
    raise AttributeError(name)
