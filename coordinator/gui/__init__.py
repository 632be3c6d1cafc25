"""The desktop app: the only package that imports Qt."""

from coordinator.gui.none_refcount import protect_none

protect_none()  # before any Qt call: see none_refcount.py
