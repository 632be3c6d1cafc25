"""Exact money: amounts in integer minor units of a currency, read from text as Decimal, never a float."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from babel.numbers import get_currency_precision

from coordinator.errors import UserError
from coordinator.i18n import _

CURRENCY_OF_COUNTRY = {"SE": "SEK", "PL": "PLN", "RU": "RUB"}
_SPACES = re.compile(r"[\s\u00a0\u202f']")


def precision(currency: str) -> int:
    """Digits after the decimal point of the currency (2 for SEK, PLN and RUB)."""
    return get_currency_precision(currency)


def to_decimal(minor: int, currency: str) -> Decimal:
    """Minor units as the currency's amount: 1050 öre → Decimal('10.50')."""
    return Decimal(minor).scaleb(-precision(currency))


def to_minor(amount: Decimal, currency: str) -> int:
    """An amount as minor units; refused if it has more decimals than the currency."""
    scaled = amount.scaleb(precision(currency))
    if scaled != scaled.to_integral_value():
        raise UserError(_("The amount {amount} has more decimals than the currency allows.").format(amount=amount))
    return int(scaled)


def parse_amount(text: str | int | Decimal, currency: str) -> int:
    """'1 234,50', '1234.50', '1,234.50', '100 000 000' or a Decimal → minor units; UserError for anything else."""
    if isinstance(text, bool) or isinstance(text, float):
        raise TypeError("money is never a float")
    if isinstance(text, int):
        return to_minor(Decimal(text), currency)
    if isinstance(text, Decimal):
        return to_minor(text, currency)
    cleaned = _SPACES.sub("", str(text)).removesuffix(currency).strip()
    if "," in cleaned and "." in cleaned:  # '1,234.50' or '1.234,50': the last mark is the decimal one
        decimal_mark = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        cleaned = cleaned.replace("." if decimal_mark == "," else ",", "").replace(decimal_mark, ".")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise UserError(_("“{text}” is not an amount of money.").format(text=text)) from None
    if not amount.is_finite():
        raise UserError(_("“{text}” is not an amount of money.").format(text=text))
    return to_minor(amount, currency)


def shares(amounts: list[int]) -> list[Decimal]:
    """Each amount's share of their sum as a fraction (0–1), exact to six places; zeros if the sum is 0."""
    total = sum(amounts)
    if total == 0:
        return [Decimal(0) for _amount in amounts]
    return [(Decimal(a) / Decimal(total)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)
            for a in amounts]
