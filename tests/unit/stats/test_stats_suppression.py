"""Small-number suppression, primary and complementary, on hand-made and generated statistics."""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from coordinator.stats import SECONDARY_MARK, suppress
from coordinator.stats.measures import GENDER_KEYS, dissimilarity_index, rate

SECTORS = ("C", "F", "Q")


def row(pupils: dict[str, int], active: dict[str, int] | None = None,
        by_sector: dict[str, dict[str, int]] | None = None) -> dict:
    pupils = {g: pupils.get(g, 0) for g in GENDER_KEYS}
    active = {g: (active or {}).get(g, 0) for g in GENDER_KEYS}
    by_sector = {s: {g: (by_sector or {}).get(s, {}).get(g, 0) for g in GENDER_KEYS} for s in SECTORS}
    encounter = {g: rate(active[g], pupils[g]) for g in GENDER_KEYS}
    encounter["all"] = rate(sum(active.values()), sum(pupils.values()))
    return {
        "pupils": pupils, "encounter_rate": encounter,
        "placements": sum(sum(c.values()) for c in by_sector.values()),
        "placements_by_sector": by_sector, "non_traditional_share": 0.1,
        "dissimilarity_index": dissimilarity_index({s: c["girl"] for s, c in by_sector.items()},
                                                   {s: c["boy"] for s, c in by_sector.items()}),
    }


def stats_of(*grades: dict) -> dict:
    total_pupils = {g: sum(r["pupils"][g] for r in grades) for g in GENDER_KEYS}
    by_sector = {s: {g: sum(r["placements_by_sector"][s][g] for r in grades) for g in GENDER_KEYS}
                 for s in SECTORS}
    total = row(total_pupils, by_sector=by_sector)
    return {"year": "2025/26", "school": None,
            "grades": [{"grade": str(i + 7), **r} for i, r in enumerate(grades)], "total": total}


def test_four_is_hidden_five_is_shown_and_rates_follow():
    stats = stats_of(row({"girl": 4, "boy": 5}, {"girl": 2, "boy": 3}),
                     row({"girl": 20, "boy": 20}, {"girl": 10, "boy": 10}))
    out = suppress(stats)
    g7 = out["grades"][0]
    assert g7["pupils"]["girl"] == "<5"
    assert g7["pupils"]["boy"] == 5
    assert g7["encounter_rate"]["girl"] is None
    assert g7["encounter_rate"]["boy"] == 0.6
    assert g7["encounter_rate"]["all"] == 5 / 9
    assert g7["pupils"]["other"] == 0  # a true zero gives nothing away and stays


def test_a_lone_hidden_cell_in_a_column_takes_the_next_smallest_with_it():
    # Girls: 3 in grade 7, 12 in grade 8, 40 in grade 9, total 55. 55 − 12 − 40 would give the 3 away.
    stats = stats_of(row({"girl": 3, "boy": 30}), row({"girl": 12, "boy": 30}), row({"girl": 40, "boy": 30}))
    out = suppress(stats)
    girls = [g["pupils"]["girl"] for g in out["grades"]]
    assert girls == ["<5", SECONDARY_MARK, 40]
    assert out["total"]["pupils"]["girl"] == 55
    # The protecting cell's rate is withheld too, so it cannot be narrowed down.
    assert out["grades"][1]["encounter_rate"]["girl"] is None
    # Boys had nothing to hide.
    assert [g["pupils"]["boy"] for g in out["grades"]] == [30, 30, 30]


def test_two_hidden_cells_in_a_column_need_no_third():
    stats = stats_of(row({"other": 2}), row({"other": 3}), row({"other": 9}))
    out = suppress(stats)
    assert [g["pupils"]["other"] for g in out["grades"]] == ["<5", "<5", 9]
    assert out["total"]["pupils"]["other"] == 14


def test_sector_cells_are_protected_within_a_grade_and_across_grades():
    placements = {"C": {"girl": 2, "boy": 8}, "F": {"boy": 9}, "Q": {"girl": 7}}
    stats = stats_of(row({"girl": 10, "boy": 10}, by_sector=placements),
                     row({"girl": 10, "boy": 10}, by_sector={"C": {"girl": 6, "boy": 6}}))
    out = suppress(stats)
    g7 = out["grades"][0]["placements_by_sector"]
    assert g7["C"]["girl"] == "<5"
    hidden = [v for cells in g7.values() for v in cells.values() if isinstance(v, str)]
    assert len(hidden) >= 2
    # Across grades: girls in C are 2 + 6 = 8 in total, so grade 8's 6 must not stay alone beside it.
    assert out["grades"][1]["placements_by_sector"]["C"]["girl"] == SECONDARY_MARK


def test_index_and_share_are_withheld_on_few_girls_or_boys():
    stats = stats_of(row({"girl": 10, "boy": 10}, by_sector={"C": {"girl": 4, "boy": 6}, "F": {"boy": 6}}))
    out = suppress(stats)
    assert out["grades"][0]["dissimilarity_index"] is None
    assert out["grades"][0]["non_traditional_share"] == 0.1  # built on 16 placements


def test_threshold_ten_for_publication_and_the_input_is_left_alone():
    stats = stats_of(row({"girl": 7, "boy": 12}), row({"girl": 30, "boy": 10}))
    before = copy.deepcopy(stats)
    out = suppress(stats, threshold=10)
    assert out["grades"][0]["pupils"]["girl"] == "<10"
    assert out["grades"][0]["encounter_rate"]["girl"] is None
    assert stats == before


counts = st.integers(min_value=0, max_value=30)
gender_counts = st.fixed_dictionaries({g: counts for g in GENDER_KEYS})
sector_counts = st.fixed_dictionaries({s: gender_counts for s in SECTORS})
grade_rows = st.builds(lambda p, a, s: row(p, {g: min(a[g], p[g]) for g in GENDER_KEYS}, s),
                       gender_counts, gender_counts, sector_counts)


def _all_counts(out: dict):
    for r in [*out["grades"], out["total"]]:
        yield from r["pupils"].values()
        yield r["placements"]
        for cells in r["placements_by_sector"].values():
            yield from cells.values()


@settings(max_examples=150, deadline=None)
@given(st.lists(grade_rows, min_size=1, max_size=4), st.sampled_from([5, 10]))
def test_suppressed_output_never_shows_a_small_count(grades, threshold):
    out = suppress(stats_of(*grades), threshold=threshold)
    for value in _all_counts(out):
        assert not (isinstance(value, int) and 0 < value < threshold)
    for r in [*out["grades"], out["total"]]:
        for gender in GENDER_KEYS:
            if r["encounter_rate"][gender] is not None:
                assert isinstance(r["pupils"][gender], int) and r["pupils"][gender] >= threshold


@settings(max_examples=150, deadline=None)
@given(st.lists(grade_rows, min_size=2, max_size=4))
def test_no_column_keeps_exactly_one_hidden_cell(grades):
    out = suppress(stats_of(*grades))
    for gender in GENDER_KEYS:
        column = [r["pupils"][gender] for r in [*out["grades"], out["total"]]]
        assert sum(isinstance(v, str) for v in column) != 1


@settings(max_examples=100, deadline=None)
@given(st.lists(grade_rows, min_size=1, max_size=3))
def test_no_grade_keeps_exactly_one_hidden_sector_cell_beside_its_placements(grades):
    out = suppress(stats_of(*grades))
    for r in [*out["grades"], out["total"]]:
        cells = [v for c in r["placements_by_sector"].values() for v in c.values()] + [r["placements"]]
        assert sum(isinstance(v, str) for v in cells) != 1
