"""The desk's read-only views for the desktop app (filled in by the GUI side)."""


class GuiViews:
    """Read-only views the desktop app needs; owned by the GUI side."""
