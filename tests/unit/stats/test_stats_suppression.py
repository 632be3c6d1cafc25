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
    stats = stats_of(row({"girl": 4, "boy": 5}, {"girl": 2, "boy": 5}),
                     row({"girl": 20, "boy": 20}, {"girl": 10, "boy": 10}))
    out = suppress(stats)
    g7 = out["grades"][0]
    assert g7["pupils"]["girl"] == "<5"
    assert g7["pupils"]["boy"] == 5
    assert g7["encounter_rate"]["girl"] is None
    assert g7["encounter_rate"]["boy"] == 1.0
    assert g7["encounter_rate"]["all"] is None  # 7 of 9: the 2 without one would follow
    assert g7["pupils"]["other"] == 0  # a true zero gives nothing away and stays


def test_a_rate_that_gives_a_small_count_back_is_withheld():
    # The finding: 18 "other" pupils at 0.9444 told that exactly one had no encounter.
    stats = stats_of(row({"girl": 30, "boy": 30, "other": 18}, {"girl": 15, "boy": 27, "other": 17}))
    out = suppress(stats)
    rates = out["grades"][0]["encounter_rate"]
    assert rates["other"] is None  # 17 of 18: one without
    assert rates["boy"] is None  # 27 of 30: three without
    assert rates["girl"] == 0.5
    assert out["grades"][0]["pupils"]["other"] == 18  # the count itself is no secret


def test_shown_rates_are_whole_percents():
    stats = stats_of(row({"girl": 30, "boy": 30}, {"girl": 20, "boy": 10}))
    rates = suppress(stats)["grades"][0]["encounter_rate"]
    assert rates["girl"] == 0.67 and rates["boy"] == 0.33 and rates["all"] == 0.5


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


def test_share_and_index_are_shown_when_no_small_count_follows():
    stats = stats_of(row({"girl": 40, "boy": 40}, by_sector={"C": {"girl": 10, "boy": 20}, "Q": {"girl": 20,
                                                                                                   "boy": 10}}))
    stats["grades"][0]["non_traditional_share"] = 0.5  # 30 of 60
    out = suppress(stats)["grades"][0]
    assert out["non_traditional_share"] == 0.5
    assert out["dissimilarity_index"] == 0.33
    stats["grades"][0]["placements_by_sector"]["Q"]["boy"] = 12  # 10 of 22 boys: 12 the complement, fine
    stats["grades"][0]["placements_by_sector"]["C"]["boy"] = 19
    stats["grades"][0]["placements_by_sector"]["F"]["boy"] = 2  # 2 boys in building
    assert suppress(stats)["grades"][0]["dissimilarity_index"] is None


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


def _derivable_counts(raw_row: dict, out_row: dict):
    """(count, complement) for every rate shown: rate × the true denominator, as a reader could work out."""
    for gender in (*GENDER_KEYS, "all"):
        shown = out_row["encounter_rate"][gender]
        if shown is None:
            continue
        pupils = raw_row["pupils"]
        total = sum(pupils.values()) if gender == "all" else pupils[gender]
        count = round(raw_row["encounter_rate"][gender] * total)
        assert round(count / total, 2) == shown
        yield count, total - count


@settings(max_examples=150, deadline=None)
@given(st.lists(grade_rows, min_size=1, max_size=4), st.sampled_from([5, 10]))
def test_no_small_count_follows_from_a_shown_rate(grades, threshold):
    raw = stats_of(*grades)
    out = suppress(raw, threshold=threshold)
    for raw_row, out_row in zip([*raw["grades"], raw["total"]], [*out["grades"], out["total"]]):
        for count, complement in _derivable_counts(raw_row, out_row):
            assert not 0 < count < threshold and not 0 < complement < threshold
        for gender in ("girl", "boy"):
            if out_row["dissimilarity_index"] is not None:
                cells = [c[gender] for c in raw_row["placements_by_sector"].values()]
                assert not any(0 < c < threshold or 0 < sum(cells) - c < threshold for c in cells)
