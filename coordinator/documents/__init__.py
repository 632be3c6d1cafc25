"""Printable documents (PDF) and the schedule's calendar file; re-exports the public API.

The names are loaded on first use (PEP 562), so that the command line can list the document kinds
without loading reportlab and icalendar.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "KINDS": "coordinator.documents.kinds",
    "kind_label": "coordinator.documents.kinds",
    "render_document": "coordinator.documents.render",
    "write_schedule_ics": "coordinator.documents.ics",
    "DocumentCancelled": "coordinator.documents.job",
}

__all__ = ["KINDS", "DocumentCancelled", "kind_label", "render_document", "write_schedule_ics"]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'coordinator.documents' has no attribute {name!r}")
