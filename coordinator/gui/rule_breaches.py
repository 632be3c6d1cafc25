"""Before a confirmed placement is saved while it breaks a rule of the law: the person confirms it, or not.

Which warnings are rules of the law (hours, night work, risk assessment, age, consent) is decided by
their codes; the checks themselves come from the desk. The question is a module function so that
tests can answer it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from coordinator.i18n import _
from coordinator.services.warning_codes import MINORS_CODES, RISK_ASSESSMENT_MISSING

# Codes of the checks' warnings that are rules of the law, not planning advice (overlaps, capacity, days).
LAW_CODES = frozenset({*MINORS_CODES, RISK_ASSESSMENT_MISSING})
CONFIRMED = "confirmed"


def ask_breach(parent: QWidget, messages: list[str]) -> bool:
    """Whether to save a confirmed placement that breaks the rules listed."""
    box = QMessageBox(QMessageBox.Icon.Warning, _("The placement breaks rules of the law"),
                      _("The placement is confirmed, but:") + "\n\n" + "\n".join(f"• {m}" for m in messages),
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(_("Save it as confirmed all the same? The placement's history will note that you did."))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setObjectName("breach_question")
    return box.exec() == QMessageBox.StandardButton.Save


def confirm_breaches(parent: QWidget, values: dict[str, Any], warnings: list[tuple[str | None, str]]) -> list[str] | None:
    """The codes of the rules broken and confirmed ([] when none), or None when the person says no."""
    if values.get("status") != CONFIRMED:
        return []
    broken = [(code, message) for code, message in warnings if code in LAW_CODES]
    if not broken:
        return []
    if not ask_breach(parent, [message for _code, message in broken]):
        return None
    return sorted({code for code, _message in broken if code})
