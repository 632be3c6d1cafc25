"""One palette for girls, boys, other and unspecified in every chart and document, readable light and dark."""

from __future__ import annotations

import pytest

from coordinator.palette import ALL_COLOUR, GENDER_DARK, GENDER_LIGHT, GENDER_ORDER, contrast_ratio


@pytest.mark.parametrize("gender", GENDER_ORDER)
def test_each_gender_stands_out_against_a_light_and_a_dark_background(gender):
    assert contrast_ratio(GENDER_LIGHT[gender], "#ffffff") >= 3.0  # WCAG 1.4.11: graphics 3:1
    assert contrast_ratio(GENDER_DARK[gender], "#2b2b2b") >= 3.0


def test_the_documents_fill_the_genders_with_the_same_colours():
    from coordinator.documents import page

    fills = {"girl": page.GIRL_FILL, "boy": page.BOY_FILL, "other": page.OTHER_FILL, "unspecified": page.UNSPEC_FILL}
    assert {g: "#" + fill.hexval()[2:].lower() for g, fill in fills.items()} == GENDER_LIGHT
    assert "#" + page.ALL_FILL.hexval()[2:].lower() == ALL_COLOUR not in GENDER_LIGHT.values()


def test_the_genders_colours_differ_from_each_other():
    assert len(set(GENDER_LIGHT.values())) == len(set(GENDER_DARK.values())) == 4
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)


def test_overdue_red_reads_as_text_on_light_and_dark_windows():
    from coordinator.palette import OVERDUE_DARK, OVERDUE_LIGHT

    assert contrast_ratio(OVERDUE_LIGHT, "#ffffff") >= 4.5 and contrast_ratio(OVERDUE_LIGHT, "#efefef") >= 4.5
    assert contrast_ratio(OVERDUE_DARK, "#2b2b2b") >= 4.5 and contrast_ratio(OVERDUE_DARK, "#1e1e1e") >= 4.5
