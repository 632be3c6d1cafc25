"""The colours of the four genders (one palette for every chart and document) and of what is overdue.

Taken from the Okabe–Ito set, which stays apart for the common kinds of colour blindness: girls
vermilion, boys blue, other reddish purple, unspecified grey. The dark variants are lighter tints
of the same hues, so that a bar still reads against a dark window (WCAG's 3:1 for graphics).
"""

from __future__ import annotations

GENDER_ORDER: tuple[str, ...] = ("girl", "boy", "other", "unspecified")

GENDER_LIGHT: dict[str, str] = {"girl": "#d55e00", "boy": "#0072b2", "other": "#a8507e", "unspecified": "#7b8794"}
GENDER_DARK: dict[str, str] = {"girl": "#f0894b", "boy": "#56b4e9", "other": "#e29bc6", "unspecified": "#b3bcc6"}

ALL_COLOUR = "#323f4b"
# What is late (an overdue action): red, 4.5:1 or more as text on a light and on a dark window (WCAG AA).
OVERDUE_LIGHT, OVERDUE_DARK = "#b3261e", "#ff8a80"  # a series of all pupils together: ink, not one of the genders' hues


def gender_colour(gender: str, *, dark: bool = False) -> str:
    """The colour (#rrggbb) of a gender's bars and marks."""
    return (GENDER_DARK if dark else GENDER_LIGHT)[gender]


def overdue_colour(*, dark: bool = False) -> str:
    return OVERDUE_DARK if dark else OVERDUE_LIGHT


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours (1 to 21)."""
    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)
