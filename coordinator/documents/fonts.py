"""The bundled DejaVu Sans family, registered once with reportlab and embedded in every document."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from coordinator.resources import resource_path

FAMILY = "DocSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = (FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic", f"{FAMILY}-BoldItalic")
_FILES = {
    REGULAR: "fonts/DejaVuSans.ttf",
    BOLD: "fonts/DejaVuSans-Bold.ttf",
    ITALIC: "fonts/DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "fonts/DejaVuSans-BoldOblique.ttf",
}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the family (idempotent, thread-safe) so that <b> and <i> in Paragraphs find their faces."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, relative in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path(relative))))
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True
