"""Reading the cells of outcome files: a destination written in words, a programme as code and name."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from coordinator.i18n import _
from coordinator.enums import DestinationKind
from coordinator.transfer.values import CellError, cell_text

_DESTINATION_WORDS: dict[str, str] = {
    **dict.fromkeys(("employed", "work", "working", "job", "arbete", "arbetar", "anställd", "förvärvsarbetar",
                     "praca", "pracuje", "zatrudniony", "zatrudniona", "трудоустроен", "трудоустроена",
                     "работает", "работа", "трудоустройство"), "employed"),
    **dict.fromkeys(("study", "studies", "studying", "further study", "education", "studerar", "studier",
                     "högskola", "nauka", "uczy się", "studia", "kontynuuje naukę", "учится",
                     "продолжает обучение", "обучение", "вуз"), "study"),
    **dict.fromkeys(("apprentice", "apprenticeship", "lärling", "lärlingsanställning", "przyuczenie",
                     "nauka zawodu", "ученичество", "ученик"), "apprenticeship"),
    **dict.fromkeys(("neet", "unemployed", "arbetslös", "varken arbete eller studier", "bezrobotny",
                     "bezrobotna", "nie pracuje i nie uczy się", "безработный", "безработная",
                     "не работает и не учится", "не занят"), "neet"),
    **dict.fromkeys(("unknown", "okänd", "okänt", "nieznany", "nieznane", "brak danych", "неизвестно",
                     "нет данных"), "unknown"),
}


@cache
def _destination_lookup() -> dict[str, str]:
    from coordinator.i18n import LANGUAGES, use_language

    table = dict(_DESTINATION_WORDS)
    for member in DestinationKind:
        table.setdefault(member.value, member.value)
        for language in LANGUAGES:
            with use_language(language):
                table.setdefault(member.label.casefold(), member.value)
    return table


def parse_destination(value: Any) -> str:
    """A destination word in any of the four languages → its stored value ("employed", "neet", …)."""
    text = re.sub(r"\s+", " ", cell_text(value).casefold()).strip()
    found = _destination_lookup().get(text)
    if found is None:
        options = ", ".join(m.label for m in DestinationKind)
        raise CellError(_("“{value}” is not a destination; use one of: {options}.").format(
            value=cell_text(value), options=options))
    return found


# A national programme code: Swedish (EE, EEELT), Polish (351203) or Russian (15.02.16, 43.01.09).
_CODE = re.compile(r"^(?:[A-ZÅÄÖ]{2,5}|\d{6}|\d{2}\.\d{2}\.\d{2})$")
_CODE_AND_NAME = re.compile(r"^(\S+)\s*(?:[-–—:]\s*|\s)(.+)$")


def split_programme(text: str) -> tuple[str | None, str | None]:
    """("EE", None) from "EE"; ("351203", "technik informatyk") from "351203 technik informatyk";
    (None, "Naturvetenskapsprogrammet") from a name alone."""
    text = re.sub(r"\s+", " ", text).strip()
    if _CODE.match(text):
        return text, None
    match = _CODE_AND_NAME.match(text)
    if match and _CODE.match(match.group(1)):
        return match.group(1), match.group(2).strip() or None
    return None, text or None
