"""Fixtures for the crash, damage and command-line tests of data safety."""

from __future__ import annotations

import sys
from pathlib import Path

# The named-people helper is shared with the unit tests of this part.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "unit" / "safety"))
