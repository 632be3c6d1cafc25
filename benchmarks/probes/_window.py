"""Shared by the GUI probes: open the main window on a database, offscreen, and wait for work to finish."""

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def peak_mb() -> float:
    """This process's own peak resident memory (VmHWM). Not ru_maxrss: Linux carries that over from
    the parent through fork and exec, so a probe started by a big runner would report the runner's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def open_window(db: str, settings_file: str | None = None):
    """The main window on `db`; its settings (last workspace, geometry) in `settings_file`, by default
    an .ini beside the database that the probes share."""
    from PySide6.QtCore import QSettings

    from coordinator.gui.app import install_translators, make_application
    from coordinator.gui.context import AppContext
    from coordinator.gui.main_window import MainWindow
    from coordinator.store import open_store

    app = make_application()
    settings = QSettings(settings_file or str(Path(db).with_suffix(".ini")), QSettings.Format.IniFormat)
    install_translators("sv")
    context = AppContext(open_store(db), settings)
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    window.grab()
    app.processEvents()
    return app, window


def wait_until(app, predicate, timeout_s: float = 120.0) -> float:
    start = time.perf_counter()
    while not predicate():
        app.processEvents()
        if time.perf_counter() - start > timeout_s:
            raise TimeoutError("the window did not finish its work in time")
        time.sleep(0.001)
    return (time.perf_counter() - start) * 1000.0
