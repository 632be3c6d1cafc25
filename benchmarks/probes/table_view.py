"""The pupils table of a region: time to the first rows shown, and per filter keystroke (after the debounce).

The first page is shown before every id has come (`rows_ready`); the time until the whole list is in
(the count and the scroll bar) is printed beside it as `all_ids_ms`. A 5 ms timer on the GUI thread
measures the longest the thread was blocked meanwhile (`gui_block_ms`)."""

import statistics
import sys
import time

from _window import open_window, wait_until
from PySide6.QtCore import QElapsedTimer, QTimer

app, window = open_window(sys.argv[1])
clock, beat, longest = QElapsedTimer(), QTimer(interval=5), [0]


def tick() -> None:
    longest[0] = max(longest[0], clock.restart())


beat.timeout.connect(tick)
start = time.perf_counter()
panel = window.show_workspace("pupils").panel
clock.start()  # from here: the rows load in the background, then the filter is typed
beat.start()
wait_until(app, lambda: panel.model.rowCount() > 0 and panel.model.rows_ready)
panel.model.index(0, 0).data()
window.grab()
first = (time.perf_counter() - start) * 1000.0
wait_until(app, lambda: not panel.model.loading)
all_ids = (time.perf_counter() - start) * 1000.0

per_key = []
typed = ""
for char in "anders":
    typed += char
    panel.filter.setText(typed)
    panel._filter_timer.stop()  # measure the work a keystroke starts, not the debounce wait
    start = time.perf_counter()
    panel._apply_filter()
    wait_until(app, lambda: panel.model.rows_ready and panel.model.query.text == typed)
    panel.model.index(0, 0).data()
    window.grab()
    per_key.append((time.perf_counter() - start) * 1000.0)
    wait_until(app, lambda: not panel.model.loading)
beat.stop()
window.close()
print(f"gui_block_ms={longest[0]:.1f}")
print(f"first_rows_ms={first:.1f}")
print(f"all_ids_ms={all_ids:.1f}")
print(f"keystroke_ms={statistics.median(per_key):.1f}")
print(f"keystroke_max_ms={max(per_key):.1f}")
print(f"debounce_ms={panel.FILTER_DELAY_MS}")
