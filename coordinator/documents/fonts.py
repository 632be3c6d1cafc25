"""The bundled DejaVu Sans family, registered once with reportlab and embedded in every document.

Parsing the four TTF files costs about a quarter of a second, on every run of a command that writes a
document. The parsed faces are therefore kept in the cache folder (coordinator.cache), keyed by the font
files and the reportlab version, and rebuilt from there; the PDF embeds the same subsets either way.
"""

from __future__ import annotations

import copyreg
import pickle
import threading
from weakref import WeakKeyDictionary

from reportlab import Version as REPORTLAB_VERSION
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from coordinator import cache
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
        for font in load_fonts():
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True


def load_fonts() -> list[TTFont]:
    """The four faces, from the cache when it holds them for these files, else parsed (and then cached)."""
    paths = {name: resource_path(relative) for name, relative in _FILES.items()}
    key = repr((REPORTLAB_VERSION, sorted((name, p.stat().st_size, p.stat().st_mtime_ns)
                                          for name, p in paths.items())))
    cached = cache.load(_CACHE_NAME)
    if isinstance(cached, tuple) and len(cached) == 2 and cached[0] == key:
        return cached[1]
    fonts = [TTFont(name, str(path)) for name, path in paths.items()]
    cache.store(_CACHE_NAME, (key, fonts), pickler=_FontPickler)
    return fonts


_CACHE_NAME = "document-fonts.pickle"


def _scale(units_per_em: int):  # type: ignore[no-untyped-def]
    """Font units to PDF's thousandths of an em, as reportlab's parser sets it (a lambda it cannot pickle)."""
    if units_per_em == 1000:
        return lambda x: x
    factor = 1000 / units_per_em
    return lambda x: x * factor


def _rebuild_face(attributes: dict) -> TTFontFace:
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(attributes)
    face._pdfScale = _scale(face.unitsPerEm)
    return face


def _rebuild_font(attributes: dict) -> TTFont:
    font = TTFont.__new__(TTFont)
    font.__dict__.update(attributes)
    font.state = WeakKeyDictionary()  # per document: what each PDF has used of the font
    return font


class _FontPickler(pickle.Pickler):
    """Pickles parsed faces without their scale function and fonts without their per-document state."""

    dispatch_table = copyreg.dispatch_table.copy()
    dispatch_table[TTFontFace] = lambda face: (
        _rebuild_face, ({k: v for k, v in face.__dict__.items() if k != "_pdfScale"},))
    dispatch_table[TTFont] = lambda font: (
        _rebuild_font, ({k: v for k, v in font.__dict__.items() if k != "state"},))
