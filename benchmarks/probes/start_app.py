"""Cold start: a fresh interpreter until the main window is drawn on the given database."""

import sys
import time

start = time.perf_counter()
from _window import open_window, peak_mb  # noqa: E402

app, window = open_window(sys.argv[1])
elapsed = (time.perf_counter() - start) * 1000.0
window.close()
print(f"ms={elapsed:.1f}")
print(f"peak_mb={peak_mb():.1f}")
