"""What a record panel shows beside its form: the checks' warnings on the fields they concern, and notes.

A warning of a known code (the checks' codes, see coordinator.services.checks) is shown on its
field: a mark and the message under it, the message on hover, in the window's status bar and in
the field's accessible description. Warnings of other codes, and notes, are shown under the form.
"""

from __future__ import annotations

from typing import Any

from coordinator.i18n import ngettext


def _code_and_message(warning: Any) -> tuple[str | None, str]:
    return (None, warning) if isinstance(warning, str) else (getattr(warning, "code", None), warning.message)


class PanelWarningsMixin:
    """Mixed into RecordPanel: subclasses give `warnings_for`, `notes_for` and `WARNING_FIELDS`."""

    WARNING_FIELDS: dict[str, str] = {}  # a warning's code -> the field it is shown on
    context: Any
    form: Any
    warnings: Any
    status: Any

    def warnings_for(self, values: dict[str, Any]) -> list[Any]:
        """The checks' warnings (objects with `code` and `message`, or plain messages)."""
        return []

    def _query_with(self, query: Any) -> Any:
        """The list's query with the panel's own filters added (the placements' "with warnings")."""
        return query

    def notes_for(self, values: dict[str, Any]) -> list[str]:
        """Plain information shown with the warnings (e.g. who takes part)."""
        return []

    def current_warnings(self) -> list[tuple[str | None, str]]:
        """(code, message) of what the checks find in the form as it is now."""
        if self.context.desk is None:
            return []
        try:
            return [_code_and_message(w) for w in self.warnings_for(self.form.values())]
        except Exception:  # noqa: BLE001 - a warning check must never stop editing
            return []

    def update_warnings(self) -> None:
        found = self.current_warnings()
        on_fields: dict[str, list[str]] = {}
        elsewhere: list[str] = []
        for code, message in found:
            field = self.WARNING_FIELDS.get(code or "")
            if field in self.form.rows:
                on_fields.setdefault(field, []).append(message)
            else:
                elsewhere.append(message)
        for name, row in self.form.rows.items():
            row.show_warning("\n".join(on_fields.get(name, [])))
        notes = [*self.notes_for(self.form.values())] if self.context.desk is not None else []
        lines = [f"⚠ {m}" for m in elsewhere] + notes
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        if found:
            self.status.setText(ngettext("{n} warning: see the marked field.", "{n} warnings: see the marked fields.",
                                         len(found)).format(n=len(found)))
