"""Made-up but well-formed identifiers for the demo: organisation numbers, phone numbers, e-mail addresses.

Organisation numbers carry correct check digits (Swedish Luhn, Polish NIP mod 11, Russian INN),
so they pass the same validation as numbers a coordinator types.
"""

from __future__ import annotations

import random
import re
import unicodedata

_CYRILLIC = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}
_SPECIAL = {"ł": "l", "ø": "o", "æ": "ae", "ß": "ss"}


def ascii_slug(text: str, sep: str = "") -> str:
    """Lower-case ASCII letters and digits only, for e-mail addresses and web domains."""
    out = []
    for ch in text.lower():
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch])
        elif ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        else:
            out.append(ch)
    plain = unicodedata.normalize("NFKD", "".join(out)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", sep, plain).strip(sep)


def _luhn_digit(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def swedish_orgnr(rng: random.Random, prefix: str = "556") -> str:
    """NNNNNN-NNNN with a Luhn check digit; the third digit is 2 or more, as for legal persons."""
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(9 - len(prefix)))
    digits = body + str(_luhn_digit(body))
    return f"{digits[:6]}-{digits[6:]}"


_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def polish_nip(rng: random.Random, prefix: str = "886") -> str:
    """A NIP (tax office prefix, then digits) whose mod-11 check digit is not 10, written NNN-NNN-NN-NN."""
    while True:
        body = prefix + "".join(str(rng.randrange(10)) for _ in range(9 - len(prefix)))
        check = sum(int(d) * w for d, w in zip(body, _NIP_WEIGHTS)) % 11
        if check != 10:
            digits = body + str(check)
            return f"{digits[:3]}-{digits[3:6]}-{digits[6:8]}-{digits[8:]}"


_INN_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)


def russian_inn(rng: random.Random, prefix: str = "5920") -> str:
    """A 10-digit INN of a legal entity (region and tax office prefix, then digits, then the check)."""
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(9 - len(prefix)))
    check = sum(int(d) * w for d, w in zip(body, _INN_WEIGHTS)) % 11 % 10
    return body + str(check)


def org_number(rng: random.Random, country: str, prefix: str | None = None) -> str:
    if country == "SE":
        return swedish_orgnr(rng, prefix or "556")
    if country == "PL":
        return polish_nip(rng, prefix or "886")
    return russian_inn(rng, prefix or "5920")


def _digits(rng: random.Random, n: int) -> str:
    """n digits, the first not a zero."""
    return str(rng.randrange(10 ** (n - 1), 10**n))


def phone(rng: random.Random, country: str, *, mobile: bool, area: str = "") -> str:
    """A phone number written the way people in the country write it."""
    if country == "SE":
        if mobile:
            d = _digits(rng, 7)
            return f"07{rng.choice('0236')}-{d[:3]} {d[3:5]} {d[5:]}"
        d = _digits(rng, 6)
        return f"{area or '0225'}-{d[:2]} {d[2:4]} {d[4:]}"
    if country == "PL":
        if mobile:
            d = _digits(rng, 6)
            return f"{rng.choice(('501', '512', '601', '609', '662', '698', '728', '784'))} {d[:3]} {d[3:]}"
        d = _digits(rng, 7)
        return f"+48 {area or '74'} {d[:3]} {d[3:5]} {d[5:]}"
    if mobile:
        d = _digits(rng, 7)
        return f"+7 9{rng.choice(('12', '19', '02', '08', '50'))} {d[:3]}-{d[3:5]}-{d[5:]}"
    d = _digits(rng, 5)
    return f"+7 ({area or '34241'}) {d[0]}-{d[1:3]}-{d[3:]}"
