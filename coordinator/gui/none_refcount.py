"""Keeps Python 3.11 alive under PySide6 6.12, whose void methods return None without a reference.

Every call from Python of a Qt method that returns nothing (`QLabel.setText`, `QWidget.hide`,
`QComboBox.addItem`, …) takes one reference from `None` that it never gave. With the whole app
imported `None` holds about 40,000 references, so after some 40,000 such calls — minutes of real
use, or one loop that fills a list — CPython aborts with "none_dealloc: deallocating None".
Python 3.12 made `None` immortal (PEP 683), which hides the bug; on 3.11 we give `None` a reference
count no session can use up. It is never freed anyway, so this changes nothing else.
"""

from __future__ import annotations

import sys

_RESERVE = 1 << 40


def protect_none() -> None:
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt is the first field of every object
    if count.value < _RESERVE:
        count.value += _RESERVE
