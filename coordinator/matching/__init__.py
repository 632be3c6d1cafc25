"""Placement matching: offers and ranked wishes in, a rank-maximal, explained assignment out (re-exported)."""

from coordinator.matching.problem import OfferIn, Problem, PupilIn
from coordinator.matching.solver import Assignment, MatchResult, solve

__all__ = ["Assignment", "MatchResult", "OfferIn", "Problem", "PupilIn", "solve"]
