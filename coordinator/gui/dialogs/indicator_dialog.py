"""The dialog that adds a hand-entered indicator to a scorecard: name, perspective, unit, direction, target."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from coordinator.i18n import N_, _
from coordinator.enums import Direction, Perspective

UNITS: dict[str, str] = {"percent": N_("Percent"), "ratio": N_("Ratio"), "number": N_("Number"),
                         "score": N_("Score (1–5)")}


def percent_scale(unit: str) -> float:
    """Percent indicators are held as shares (0–1) and edited as per cent."""
    return 100.0 if unit == "percent" else 1.0


class ManualIndicatorDialog(QDialog):
    """Name, perspective, unit, direction, target and amber band of a new hand-entered indicator."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Add a manual indicator"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("manual_name")
        self.perspective_combo = QComboBox()
        for perspective in Perspective:
            self.perspective_combo.addItem(perspective.label, perspective.value)
        self.unit_combo = QComboBox()
        for unit, label in UNITS.items():
            self.unit_combo.addItem(_(label), unit)
        self.direction_combo = QComboBox()
        for direction in Direction:
            self.direction_combo.addItem(direction.label, direction.value)
        self.target_spin = QDoubleSpinBox()
        self.target_spin.setRange(0, 1_000_000)
        self.amber_spin = QDoubleSpinBox()
        self.amber_spin.setRange(0, 1_000_000)
        form = QFormLayout()
        form.addRow(_("&Name:"), self.name_edit)
        form.addRow(_("&Perspective:"), self.perspective_combo)
        form.addRow(_("&Unit:"), self.unit_combo)
        form.addRow(_("&Direction:"), self.direction_combo)
        form.addRow(_("&Target:"), self.target_spin)
        form.addRow(_("&Amber band:"), self.amber_spin)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #d73027")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Add"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.name_edit.setMinimumWidth(320)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.unit_combo.currentIndexChanged.connect(self._unit_changed)
        self._unit_changed()

    def _unit_changed(self) -> None:
        suffix = " %" if self.unit_combo.currentData() == "percent" else ""
        self.target_spin.setSuffix(suffix)
        self.amber_spin.setSuffix(suffix)

    def _accept(self) -> None:
        if not self.name_edit.text().strip():
            self.error_label.setText(_("Give the indicator a name."))
            self.name_edit.setFocus()
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        scale = percent_scale(self.unit_combo.currentData())
        return {"name": self.name_edit.text().strip(), "perspective": self.perspective_combo.currentData(),
                "unit": self.unit_combo.currentData(), "direction": self.direction_combo.currentData(),
                "target": self.target_spin.value() / scale, "amber_band": self.amber_spin.value() / scale}
