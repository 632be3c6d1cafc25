"""Printing a previewed PDF (saving a copy goes through the desk: `desk.gui_files.copy_atomic`)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from coordinator.errors import UserError
from coordinator.i18n import _


def print_pdf(pdf: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of a loaded PDF onto a printer (as images); returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(_("The printer could not be started."))
    try:
        target = printer.pageLayout().paintRectPixels(printer.resolution())
        count = pdf.pageCount()
        for page in range(count):
            if page:
                printer.newPage()
            size = pdf.pagePointSize(page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            # Rendered at no more than 200 dpi (a page at 600 dpi would take 140 MB), then scaled.
            dpi = min(printer.resolution(), 200)
            image = pdf.render(page, QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72)))
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
    finally:
        painter.end()
    return count
