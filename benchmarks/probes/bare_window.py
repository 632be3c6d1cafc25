"""Baseline: a bare QMainWindow shown, drawn once and closed, in a fresh interpreter."""

import sys
import time

start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 800)
window.show()
window.grab()  # make sure it is drawn
app.processEvents()
elapsed = (time.perf_counter() - start) * 1000.0
cpu = time.process_time() * 1000.0
window.close()
print(f"ms={elapsed:.1f}")
print(f"cpu_ms={cpu:.1f}")
from _window import peak_mb  # noqa: E402  (after the timing: only the reading of /proc)

print(f"peak_mb={peak_mb():.1f}")
