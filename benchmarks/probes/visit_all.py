"""Peak memory with the region open and every workspace visited."""

import resource
import sys

from _window import open_window, wait_until

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
print(f"peak_mb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}")
