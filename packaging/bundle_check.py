"""`coordinator --bundle-check`: does the frozen app carry everything it loads at run time?

Only the PyInstaller bundle answers this flag (packaging/launcher.py); packaging/smoke_test.sh runs it.
Each check prints one line, ``ok`` or ``FAIL``; the exit code is the number of failures (capped at 1).
PyInstaller cannot see what is loaded by name or from data files: Qt plugins, Designer forms, catalogs,
Alembic's migration scripts, Babel's locale data, the holidays, stdnum and phonenumbers data.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

LANGUAGES = ("sv", "pl", "ru")
CHECKS: list[tuple[str, Callable[[], str]]] = []


def check(name: str):
    def register(function: Callable[[], str]) -> Callable[[], str]:
        CHECKS.append((name, function))
        return function
    return register


def _plugins(kind: str) -> set[str]:
    from PySide6.QtCore import QLibraryInfo

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / kind
    return {p.name for p in folder.iterdir()} if folder.is_dir() else set()


PLATFORM_PLUGINS = {
    "linux": ("libqxcb.so", "libqwayland.so", "libqoffscreen.so"),
    "win32": ("qwindows.dll", "qoffscreen.dll"),
    "darwin": ("libqcocoa.dylib", "libqoffscreen.dylib"),
}


@check("Qt platform plugins (the desktop's and offscreen)")
def platforms() -> str:
    found = _plugins("platforms")
    for wanted in PLATFORM_PLUGINS.get(sys.platform, ()):
        assert wanted in found, f"{wanted} missing from {sorted(found)}"
    return ", ".join(sorted(found))


@check("Qt image formats (png, jpeg, svg, ico)")
def image_formats() -> str:
    from PySide6.QtGui import QImageReader

    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    assert {"png", "jpeg", "svg", "ico"} <= formats, sorted(formats)
    return " ".join(sorted(formats))


@check("Designer forms load (QtUiTools)")
def designer_forms() -> str:
    from PySide6.QtCore import QFile
    from PySide6.QtUiTools import QUiLoader

    from coordinator.resources import data_dir

    folder = data_dir("ui", "main_window.ui")
    names = sorted(p.name for p in folder.glob("*.ui"))
    for name in names:
        file = QFile(str(folder / name))
        assert file.open(QFile.OpenModeFlag.ReadOnly), name
        widget = QUiLoader().load(file, None)
        file.close()
        assert widget is not None, name
        widget.deleteLater()
    return f"{len(names)} forms in {folder}"


@check("fonts and icons")
def resources() -> str:
    from coordinator.resources import resource_path

    for relative in ("fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf", "icons/coordinator-256.png"):
        assert resource_path(relative).stat().st_size > 1000, relative
    return str(resource_path("fonts/DejaVuSans.ttf").parent.parent)


@check("compiled catalogs (sv, pl, ru)")
def catalogs() -> str:
    from coordinator.i18n import LOCALE_DIR, _, use_language

    for language in LANGUAGES:
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "coordinator.mo").exists(), language
        with use_language(language):
            assert _("Cancelled.") != "Cancelled.", language
    with use_language("ru"):
        return _("Cancelled.")


@check("Qt's own translations (qtbase)")
def qt_translations() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in LANGUAGES:
        assert QTranslator().load(f"qtbase_{language}", folder), language
    return folder


@check("Alembic migrations")
def migrations() -> str:
    from coordinator.store import known_revisions, scripted_head

    head = scripted_head()
    assert head and head in known_revisions()
    return f"head {head}"


@check("Babel locale data")
def babel_data() -> str:
    from coordinator.formatting import format_date, format_percent

    day = dt.date(2026, 11, 24)
    texts = [format_date(day, "long", language) for language in ("en", *LANGUAGES)]
    assert texts[-1].startswith("24 ноября"), texts
    return " | ".join(texts) + " | " + format_percent(0.25, 0, "sv")


@check("public holidays (se, pl, ru)")
def public_holidays() -> str:
    import holidays

    counts = {code: len(holidays.country_holidays(code, years=2026)) for code in ("SE", "PL", "RU")}
    assert all(counts.values()), counts
    return str(counts)


@check("organisation numbers and phone numbers (stdnum, phonenumbers)")
def numbers() -> str:
    from stdnum.pl import regon
    from stdnum.ru import inn
    from stdnum.se import orgnr

    from coordinator.validation import normalise_phone

    assert orgnr.is_valid("556036-0793") and regon.is_valid("192598184") and inn.is_valid("7707083893")
    return normalise_phone("08-123 456 78", "se")


@check("class lists: an XLSX workbook read (python-calamine) as the import reads it")
def workbook_import() -> str:
    import io

    from openpyxl import Workbook

    from coordinator.transfer.workbook import read_xlsx

    book = Workbook()
    book.active.append(["Förnamn", "Efternamn", "Klass"])
    book.active.append(["Åsa", "Öberg", "8B"])
    data = io.BytesIO()
    book.save(data)
    sheet = read_xlsx(Path("check.xlsx"), data.getvalue())
    assert sheet.rows == [(2, ["Åsa", "Öberg", "8B"])], sheet.rows
    return ", ".join(sheet.headers)


@check("PDF: reportlab writes, QtPdf reads and renders, QtPrintSupport prints")
def pdf() -> str:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QPageSize, QPainter
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
    from PySide6.QtPrintSupport import QPrinter
    from reportlab.lib.rl_accel import _c_funcs
    from reportlab.pdfgen.canvas import Canvas

    from coordinator.documents.fonts import REGULAR, register_fonts

    assert "fp_str" in _c_funcs, "reportlab's accelerator (rl-accel) is missing: documents take twice as long"
    register_fonts()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        canvas = Canvas(str(source))
        canvas.setFont(REGULAR, 14)
        canvas.drawString(72, 720, "Показатели — Styrkort — Karta wyników")
        canvas.save()
        document = QPdfDocument(None)
        assert document.load(str(source)) == QPdfDocument.Error.None_, "QPdfDocument.load"
        image = document.render(0, QSizeF(document.pagePointSize(0)).toSize())
        assert not image.isNull(), "render"
        text = document.getAllText(0).text()
        assert "Показатели" in text, text
        view = QPdfView(None)
        view.setDocument(document)
        printed = Path(folder) / "printed.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(printer)
        painter.drawImage(0, 0, image)
        painter.end()
        assert printed.stat().st_size > 500, "printed"
        document.close()
        return f"{image.width()}×{image.height()} px, printed {printed.stat().st_size} bytes"


@check("charts (QtCharts)")
def charts() -> str:
    from PySide6.QtCharts import QBarSeries, QBarSet, QChart, QChartView

    chart = QChart()
    series = QBarSeries()
    bars = QBarSet("x")
    bars.append([1, 2, 3])
    series.append(bars)
    chart.addSeries(series)
    view = QChartView(chart)
    view.resize(300, 200)
    assert not view.grab().isNull()
    return "bar chart drawn"


def bundle_check() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    failures = 0
    for name, function in CHECKS:
        try:
            print(f"ok    {name}: {function()}", flush=True)
        except Exception as exc:  # noqa: BLE001 - report every check, not just the first that fails
            failures += 1
            print(f"FAIL  {name}: {type(exc).__name__}: {exc}", flush=True)
            traceback.print_exc(limit=3)
    del app
    print(f"{len(CHECKS) - failures} of {len(CHECKS)} checks passed", flush=True)
    return 1 if failures else 0
