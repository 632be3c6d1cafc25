"""Suppression of the outcome statistics: small counts hidden, and the cells that would give them back."""

from __future__ import annotations

import copy

from coordinator.stats.outcome_suppression import suppress_choices, suppress_destinations
from coordinator.stats.outcomes import DESTINATION_MEASURES


def _cells(girl=0, boy=0, other=0, unspecified=0):
    return {"girl": girl, "boy": boy, "other": other, "unspecified": unspecified}


def _form(choices, share):
    recorded = _cells(*(sum(c[g] for c in choices.values()) for g in ("girl", "boy", "other", "unspecified")))
    return {"form": "se_grundskola", "leavers": dict(recorded), "recorded": recorded, "choices": choices,
            "non_traditional_share": share}


def _choices():
    form = _form({"EE": _cells(girl=7, boy=3), "VO": _cells(girl=8, boy=9)}, share=(7 + 9) / 27)
    total = {k: v for k, v in copy.deepcopy(form).items() if k != "form"}
    return {"year": "2026/27", "school": None, "forms": [form], "total": total}


def test_a_lone_small_cell_takes_the_smallest_other_cell_of_its_sum_with_it():
    out = suppress_choices(_choices())
    (form,) = out["forms"]
    assert form["choices"]["EE"]["boy"] == "<5"
    # 3 + VO = 12 recorded boys: VO is hidden too, or the 3 would follow by subtraction
    assert form["choices"]["VO"]["boy"] == ".."
    assert out["total"]["choices"]["VO"]["boy"] == ".."
    assert form["recorded"]["boy"] == 12
    assert form["choices"]["EE"]["girl"] == 7


def test_a_share_that_would_give_a_small_count_back_is_withheld_and_a_shown_share_is_rounded():
    stats = _choices()
    assert suppress_choices(stats)["total"]["non_traditional_share"] == round(16 / 27, 2)
    stats["total"]["non_traditional_share"] = 3 / 27  # 3 pupils crossing: a small count in disguise
    assert suppress_choices(stats)["total"]["non_traditional_share"] is None
    assert stats["total"]["non_traditional_share"] == 3 / 27  # the input is left as it was


def test_all_unknown_destinations_stay_shown_when_large_and_no_count_one_to_four_is_shown():
    programme = {m: _cells(girl=6, boy=2) for m in DESTINATION_MEASURES}
    for measure in ("employed", "at_partner", "study", "apprenticeship", "neet", "target_training"):
        programme[measure] = _cells()
    stats = {"year": "2025/26", "school": None, "months": 6,
             "programmes": [{"programme": "Сварочное производство", **programme}],
             "total": copy.deepcopy(programme)}
    out = suppress_destinations(stats)
    assert out["total"]["unknown"]["girl"] == 6 and out["total"]["unknown"]["boy"] == "<5"
    shown = [v for row in (out["total"], out["programmes"][0]) for m in DESTINATION_MEASURES
             for v in row[m].values() if isinstance(v, int)]
    assert not [v for v in shown if 1 <= v <= 4]
