"""Cold start: a fresh interpreter until the main window is drawn on the given database.

With fresh settings every run, so the window opens where a first start does (the overview), not on
whichever workspace another probe left behind."""

import sys
import tempfile
import time
from pathlib import Path

start = time.perf_counter()
from _window import open_window, peak_mb  # noqa: E402

with tempfile.TemporaryDirectory() as settings_dir:
    app, window = open_window(sys.argv[1], str(Path(settings_dir) / "settings.ini"))
    elapsed = (time.perf_counter() - start) * 1000.0
    window.close()
print(f"ms={elapsed:.1f}")
print(f"peak_mb={peak_mb():.1f}")
