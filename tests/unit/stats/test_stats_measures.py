"""The pure definitions: dissimilarity index, non-traditional share, rates and status colours."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coordinator.stats import dissimilarity_index, non_traditional_share, rate, status_for

by_sector = st.dictionaries(st.sampled_from("ABCDEFGHIJKLMNOPQRSTU"), st.integers(0, 1000), max_size=21)


def test_index_by_hand():
    assert dissimilarity_index({"C": 1, "Q": 3}, {"C": 3, "F": 1}) == pytest.approx(0.75)
    assert dissimilarity_index({"C": 5}, {"C": 2}) == 0.0
    assert dissimilarity_index({"Q": 5}, {"F": 2}) == 1.0


def test_index_is_undefined_without_girls_or_boys():
    assert dissimilarity_index({}, {"C": 2}) is None
    assert dissimilarity_index({"C": 2}, {"C": 0}) is None


@given(by_sector, by_sector)
def test_index_stays_between_zero_and_one(girls, boys):
    d = dissimilarity_index(girls, boys)
    if sum(girls.values()) == 0 or sum(boys.values()) == 0:
        assert d is None
    else:
        assert 0.0 <= d <= 1.0


@given(by_sector, by_sector)
def test_swapping_girls_and_boys_leaves_the_index_unchanged(girls, boys):
    d, swapped = dissimilarity_index(girls, boys), dissimilarity_index(boys, girls)
    assert (d is None and swapped is None) or d == pytest.approx(swapped)


def test_non_traditional_share_uses_the_countrys_dominance():
    dominance = {"F": "boy", "Q": "girl", "G": None}
    cells = {"F": {"girl": 2, "boy": 5}, "Q": {"girl": 4, "boy": 1}, "G": {"girl": 3, "boy": 3}}
    assert non_traditional_share(cells, dominance, 18) == pytest.approx(3 / 18)
    assert non_traditional_share({}, dominance, 0) is None


def test_rate_without_a_denominator_is_undefined():
    assert rate(0, 0) is None
    assert rate(3, 4) == 0.75


@pytest.mark.parametrize(("value", "target", "direction", "band", "status"), [
    (1.0, 1.0, "higher", 0.1, "green"),
    (0.95, 1.0, "higher", 0.1, "amber"),
    (0.9, 1.0, "higher", 0.1, "amber"),
    (0.89, 1.0, "higher", 0.1, "red"),
    (0.3, 0.3, "lower", 0.05, "green"),
    (0.1 + 0.2, 0.3, "lower", 0.0, "green"),  # 0.30000000000000004 still meets ≤ 0.30
    (0.34, 0.3, "lower", 0.05, "amber"),
    (0.36, 0.3, "lower", 0.05, "red"),
    (5.0, 0.0, "lower", 0.0, "red"),
    (None, 1.0, "higher", 0.1, "none"),
    (0.5, None, "higher", 0.1, "none"),
])
def test_status_colours(value, target, direction, band, status):
    assert status_for(value, target, direction, band) == status
