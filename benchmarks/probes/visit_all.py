"""Peak memory with the region open and every workspace visited."""

import sys

from _window import open_window, peak_mb, wait_until

from coordinator.gui.workspaces import WORKSPACES

app, window = open_window(sys.argv[1])
for key, _target in WORKSPACES:
    workspace = window.show_workspace(key)
    panel = getattr(workspace, "panel", None)
    if panel is not None:
        wait_until(app, lambda: not panel.model.loading)
    app.processEvents()
    window.grab()
from coordinator.gui.workers import wait_for_tasks  # noqa: E402

wait_for_tasks()
app.processEvents()
window.close()
print(f"peak_mb={peak_mb():.1f}")
