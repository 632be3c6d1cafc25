"""The pupils table of a region: time to the first rows shown, and per filter keystroke (after the debounce).

The first page is shown before every id has come (`rows_ready`); the time until the whole list is in
(the count and the scroll bar) is printed beside it as `all_ids_ms`."""

import statistics
import sys
import time

from _window import open_window, wait_until

app, window = open_window(sys.argv[1])
start = time.perf_counter()
panel = window.show_workspace("pupils").panel
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
window.close()
print(f"first_rows_ms={first:.1f}")
print(f"all_ids_ms={all_ids:.1f}")
print(f"keystroke_ms={statistics.median(per_key):.1f}")
print(f"keystroke_max_ms={max(per_key):.1f}")
print(f"debounce_ms={panel.FILTER_DELAY_MS}")
