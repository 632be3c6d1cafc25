"""The kinds of document and their translated names; light enough for the command line to load."""

from __future__ import annotations

from coordinator.errors import UserError
from coordinator.i18n import N_, _

KINDS: tuple[str, ...] = ("scorecard", "action-plan", "schedule", "letters", "gender", "certificate", "cluster")

_LABELS = {
    "scorecard": N_("Scorecard"),
    "action-plan": N_("Action plan"),
    "schedule": N_("Schedule"),
    "letters": N_("Placement letters"),
    "gender": N_("Gender statistics"),
    "certificate": N_("Certificates of thanks"),
    "cluster": N_("Cluster report"),
}


def kind_label(kind: str) -> str:
    """The translated name of a document kind, in the language in force."""
    if kind not in _LABELS:
        raise UserError(_("Unknown document “{kind}”; use one of: {kinds}.").format(kind=kind, kinds=", ".join(KINDS)))
    return _(_LABELS[kind])
