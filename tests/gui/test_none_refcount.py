"""Many Qt calls that return nothing must not wear out None's reference count.

PySide6 6.12.0 took a reference from None on every such call without giving one, and Python 3.11
aborted after some tens of thousands of calls; pyproject.toml excludes that release. This test
catches the fault should another release bring it back."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtWidgets import QApplication, QComboBox, QLabel
app = QApplication([])
label, combo = QLabel(), QComboBox()
for i in range(60_000):
    label.setText("x")
    combo.addItem(str(i))
print("survived", combo.count())
"""


def test_sixty_thousand_void_calls_do_not_abort_python():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", SCRIPT], check=False, capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert "survived 60000" in done.stdout
