"""Gender statistics per grade, pinned on hand-computed data (docs/STATISTICS.md)."""

from __future__ import annotations

import pytest
from stats_world import Y1, Y2

from coordinator.errors import NotFoundError
from coordinator.services.setup import current_year_label, ensure_school_year
from coordinator.stats import gender_statistics


def grade(stats, label):
    return next(g for g in stats["grades"] if g["grade"] == label)


def test_encounter_rate_counts_visits_placements_encounters_but_not_cancelled_ones(world):
    school = world.school("Norra skolan")
    c8 = world.klass(school, "8")
    girls = world.pupils(c8, "girl", 4)
    boys = world.pupils(c8, "boy", 4)
    host = world.org("C")
    world.placement(girls[0], host)
    world.visit(host, pupils=[girls[1]])
    world.encounter(pupils=[boys[0]])
    world.placement(boys[1], host, status="cancelled")
    world.visit(host, pupils=[boys[2]], status="cancelled")
    world.encounter(pupils=[boys[3]], status="cancelled")
    world.placement(girls[2], host, year=Y2)  # another school year does not count

    stats = gender_statistics(world.s, year=Y1, school="Norra skolan")

    row = grade(stats, "8")
    assert row["pupils"] == {"girl": 4, "boy": 4, "other": 0, "unspecified": 0}
    assert row["encounter_rate"] == {"girl": 0.5, "boy": 0.25, "other": None, "unspecified": None, "all": 3 / 8}
    assert row["placements"] == 1
    assert stats["total"]["encounter_rate"]["all"] == 3 / 8
    assert stats["year"] == Y1 and stats["school"] == "Norra skolan"


def test_grades_follow_the_school_type_and_an_empty_grade_has_no_rates(world):
    school = world.school("Norra skolan")
    world.pupils(world.klass(school, "9"), "girl", 2)
    world.pupils(world.klass(school, "F"), "boy", 1)

    stats = gender_statistics(world.s, year=Y1, school="Norra skolan")

    assert [g["grade"] for g in stats["grades"]] == ["F", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
    empty = grade(stats, "5")
    assert empty["pupils"] == {"girl": 0, "boy": 0, "other": 0, "unspecified": 0}
    assert set(empty["encounter_rate"].values()) == {None}
    assert empty["placements"] == 0
    assert empty["non_traditional_share"] is None and empty["dissimilarity_index"] is None
    assert stats["total"]["pupils"] == {"girl": 2, "boy": 1, "other": 0, "unspecified": 0}
    assert stats["total"]["encounter_rate"]["all"] == 0.0


def test_all_schools_list_compulsory_grades_first_and_prefix_upper_secondary_ones(world):
    world.pupils(world.klass(world.school("Norra skolan"), "9"), "girl", 1)
    world.pupils(world.klass(world.school("Gymnasiet", "se_gymnasium"), "1"), "boy", 3)

    stats = gender_statistics(world.s, year=Y1)

    labels = [g["grade"] for g in stats["grades"]]
    assert labels == ["F", "1", "2", "3", "4", "5", "6", "7", "8", "9", "Gy 1", "Gy 2", "Gy 3"]
    assert grade(stats, "Gy 1")["pupils"]["boy"] == 3
    assert grade(stats, "1")["pupils"]["boy"] == 0
    assert stats["school"] is None
    # One school alone keeps its plain labels.
    assert [g["grade"] for g in gender_statistics(world.s, year=Y1, school="Gymnasiet")["grades"]] == ["1", "2", "3"]


def test_one_school_leaves_out_the_others(world):
    north, south = world.school("Norra skolan"), world.school("Södra skolan")
    world.pupils(world.klass(north, "8"), "girl", 3)
    world.pupils(world.klass(south, "8"), "girl", 7)
    assert grade(gender_statistics(world.s, year=Y1, school="Södra skolan"), "8")["pupils"]["girl"] == 7
    assert grade(gender_statistics(world.s, year=Y1), "8")["pupils"]["girl"] == 10


def test_unknown_school_and_year_are_refused(world):
    with pytest.raises(NotFoundError, match="Ingen|no school"):
        gender_statistics(world.s, year=Y1, school="Nowhere")
    with pytest.raises(NotFoundError, match="2019/20"):
        gender_statistics(world.s, year="2019/20")


def test_dissimilarity_and_non_traditional_share_by_hand(world):
    # Girls: 1 in manufacturing (C, male-dominated in Sweden), 3 in health (Q, female-dominated).
    # Boys: 3 in C, 1 in construction (F). D = ½(|1/4−3/4| + |3/4−0| + |0−1/4|) = 0.75.
    # Non-traditional: the girl in C; no boy in Q → 1 of 8.
    c8 = world.klass(world.school("Norra skolan"), "8")
    manufacturing, health, construction = world.org("C"), world.org("Q"), world.org("F")
    girls = world.pupils(c8, "girl", 4)
    boys = world.pupils(c8, "boy", 4)
    world.placement(girls[0], manufacturing)
    for g in girls[1:]:
        world.placement(g, health)
    for b in boys[:3]:
        world.placement(b, manufacturing)
    world.placement(boys[3], construction)

    row = grade(gender_statistics(world.s, year=Y1), "8")

    assert row["dissimilarity_index"] == pytest.approx(0.75)
    assert row["non_traditional_share"] == pytest.approx(1 / 8)
    assert row["placements"] == 8
    assert row["placements_by_sector"] == {
        "C": {"girl": 1, "boy": 3, "other": 0, "unspecified": 0},
        "F": {"girl": 0, "boy": 1, "other": 0, "unspecified": 0},
        "Q": {"girl": 3, "boy": 0, "other": 0, "unspecified": 0},
    }


def test_everything_in_one_sector_gives_index_zero(world):
    c9 = world.klass(world.school("Norra skolan"), "9")
    host = world.org("G")  # retail, balanced in Sweden: nobody's placement is non-traditional
    for pupil in world.pupils(c9, "girl", 2) + world.pupils(c9, "boy", 3):
        world.placement(pupil, host)
    row = grade(gender_statistics(world.s, year=Y1), "9")
    assert row["dissimilarity_index"] == 0.0
    assert row["non_traditional_share"] == 0.0


def test_fully_separated_sectors_give_index_one(world):
    c9 = world.klass(world.school("Norra skolan"), "9")
    care, building = world.org("Q"), world.org("F")
    world.placement(world.pupil(c9, "girl"), care)
    world.placement(world.pupil(c9, "boy"), building)
    row = grade(gender_statistics(world.s, year=Y1), "9")
    assert row["dissimilarity_index"] == 1.0
    assert row["non_traditional_share"] == 0.0


@pytest.mark.parametrize("present", ["girl", "boy"])
def test_no_boys_or_no_girls_leaves_the_index_undefined(world, present):
    c8 = world.klass(world.school("Norra skolan"), "8")
    building = world.org("F")
    for pupil in world.pupils(c8, present, 2):
        world.placement(pupil, building)
    row = grade(gender_statistics(world.s, year=Y1), "8")
    assert row["dissimilarity_index"] is None
    # Girls in construction are non-traditional; boys there are not.
    assert row["non_traditional_share"] == (1.0 if present == "girl" else 0.0)
    absent = "boy" if present == "girl" else "girl"
    assert row["encounter_rate"][absent] is None
    assert row["encounter_rate"][present] == 1.0


def test_only_other_and_unspecified_pupils(world):
    c8 = world.klass(world.school("Norra skolan"), "8")
    other = world.pupils(c8, "other", 2)
    unspecified = world.pupils(c8, "unspecified", 3)
    host = world.org("F")
    world.placement(other[0], host)
    world.encounter(pupils=[unspecified[0]])

    row = grade(gender_statistics(world.s, year=Y1), "8")

    assert row["pupils"] == {"girl": 0, "boy": 0, "other": 2, "unspecified": 3}
    assert row["encounter_rate"] == {"girl": None, "boy": None, "other": 0.5, "unspecified": 1 / 3, "all": 0.4}
    assert row["placements"] == 1
    assert row["placements_by_sector"]["F"] == {"girl": 0, "boy": 0, "other": 1, "unspecified": 0}
    assert row["non_traditional_share"] is None  # no placement of a girl or a boy
    assert row["dissimilarity_index"] is None


def test_a_pupil_with_two_placements_counts_twice_as_placements_and_once_as_a_pupil(world):
    c9 = world.klass(world.school("Norra skolan"), "9")
    girl = world.pupil(c9, "girl")
    boy = world.pupil(c9, "boy")
    world.placement(girl, world.org("F"))
    world.placement(girl, world.org("Q"))
    world.placement(boy, world.org("F"))

    row = grade(gender_statistics(world.s, year=Y1), "9")

    assert row["placements"] == 3
    assert row["encounter_rate"]["girl"] == 1.0
    assert row["pupils"]["girl"] == 1
    # Girls ½ F, ½ Q; boys all F: D = ½(|½−1| + |½−0|) = ½. The girl's F placement is non-traditional.
    assert row["dissimilarity_index"] == pytest.approx(0.5)
    assert row["non_traditional_share"] == pytest.approx(1 / 3)


def test_a_host_without_sector_counts_as_a_placement_but_in_no_sector(world):
    c8 = world.klass(world.school("Norra skolan"), "8")
    girl = world.pupil(c8, "girl")
    world.placement(girl, world.org(None))
    world.placement(world.pupil(c8, "girl"), world.org("F"))
    row = grade(gender_statistics(world.s, year=Y1), "8")
    assert row["placements"] == 2
    assert list(row["placements_by_sector"]) == ["F"]
    assert row["non_traditional_share"] == 0.5


def test_json_keys_are_the_contract(world):
    world.pupil(world.klass(world.school("Norra skolan"), "8"), "girl")
    stats = gender_statistics(world.s, year=Y1)
    assert set(stats) == {"year", "school", "grades", "total"}
    keys = {"pupils", "encounter_rate", "placements", "placements_by_sector", "non_traditional_share",
            "dissimilarity_index"}
    assert set(stats["total"]) == keys
    assert all(set(g) == keys | {"grade"} for g in stats["grades"])


def test_a_grade_missing_from_the_school_type_comes_last(world):
    school = world.school("Norra skolan")
    world.pupils(world.klass(school, "8"), "girl", 1)
    world.pupils(world.klass(school, "Särsk"), "boy", 2)
    stats = gender_statistics(world.s, year=Y1, school="Norra skolan")
    assert [g["grade"] for g in stats["grades"]][-2:] == ["9", "Särsk"]
    assert grade(stats, "Särsk")["pupils"]["boy"] == 2
    assert stats["total"]["pupils"]["boy"] == 2


def test_the_year_defaults_to_the_current_one(world):
    current = current_year_label(world.s)
    world.years[current] = ensure_school_year(world.s, current)
    world.pupils(world.klass(world.school("Norra skolan"), "8", year=current), "girl", 3, year=current)
    stats = gender_statistics(world.s, year=None)
    assert stats["year"] == current
    assert stats["total"]["pupils"]["girl"] == 3
