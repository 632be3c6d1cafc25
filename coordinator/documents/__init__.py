"""Printable documents (PDF) and the schedule's calendar file; re-exports the public API."""

from coordinator.documents.ics import write_schedule_ics
from coordinator.documents.job import DocumentCancelled
from coordinator.documents.render import KINDS, kind_label, render_document

__all__ = ["KINDS", "DocumentCancelled", "kind_label", "render_document", "write_schedule_ics"]
