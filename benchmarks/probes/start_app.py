"""Cold start as the app does it (coordinator.gui.app.run_gui): a fresh interpreter until the main window
with its navigation is drawn, then until the overview's figures are filled in.

The window is drawn first; then the file's check and the opening of the desk run in threads
(coordinator.gui.startup), and the workspaces open with the verdict. Fresh settings every run, so the window opens where a first
start does (the overview). Prints ms= (window drawn) and filled_ms= (overview figures shown), and the CPU time
at each (cpu_ms=, filled_cpu_ms=)."""

import sys
import tempfile
import time
from pathlib import Path

start = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402

from coordinator.gui.app import install_translators, make_application  # noqa: E402
from coordinator.gui.context import AppContext  # noqa: E402
from coordinator.gui.main_window import MainWindow  # noqa: E402
from coordinator.gui.startup import DeskOpener  # noqa: E402

with tempfile.TemporaryDirectory() as settings_dir:
    app = make_application()
    install_translators("sv")
    context = AppContext(None, QSettings(str(Path(settings_dir) / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    window.grab()
    app.processEvents()
    drawn = (time.perf_counter() - start) * 1000.0
    drawn_cpu = time.process_time() * 1000.0
    opener = DeskOpener(window, sys.argv[1])
    while context.desk is None or getattr(window.workspaces.get("overview"), "data", None) is None:
        app.processEvents()
        time.sleep(0.002)
    window.grab()
    filled = (time.perf_counter() - start) * 1000.0
    filled_cpu = time.process_time() * 1000.0
    window.close()
    opener.finish()
    context.desk.close()
print(f"ms={drawn:.1f}")
print(f"filled_ms={filled:.1f}")
print(f"cpu_ms={drawn_cpu:.1f}")  # this process's CPU time (every thread), for a machine shared with others
print(f"filled_cpu_ms={filled_cpu:.1f}")
