"""What a record panel shows beside its form: warnings of the checks (visits, placements) and notes."""

from __future__ import annotations

from typing import Any


class PanelWarningsMixin:
    """Mixed into RecordPanel: subclasses give `warnings_for` and `notes_for`; shown under the form."""

    context: Any
    form: Any
    warnings: Any

    def warnings_for(self, values: dict[str, Any]) -> list[str]:
        return []

    def update_warnings(self) -> None:
        try:
            messages = self.warnings_for(self.form.values()) if self.context.desk is not None else []
        except Exception:  # noqa: BLE001 - a warning check must never stop editing
            messages = []
        notes = [*self.notes_for(self.form.values())] if self.context.desk is not None else []
        lines = [f"⚠ {m}" for m in messages] + notes
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))

    def notes_for(self, values: dict[str, Any]) -> list[str]:
        """Plain information shown with the warnings (e.g. who takes part)."""
        return []

