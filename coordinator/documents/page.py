"""The one page template every document shares: A4, header, numbered footer, styles and tables."""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape as _escape_html
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from coordinator.documents.fonts import BOLD, REGULAR, register_fonts
from coordinator.formatting import format_date, format_school_year
from coordinator.i18n import _
from coordinator.palette import ALL_COLOUR, GENDER_LIGHT

MARGIN = 18 * mm
HEADER = 20 * mm
FOOTER = 14 * mm
PORTRAIT = A4
LANDSCAPE = landscape(A4)
PORTRAIT_WIDTH = PORTRAIT[0] - 2 * MARGIN
LANDSCAPE_WIDTH = LANDSCAPE[0] - 2 * MARGIN

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
RULE = colors.HexColor("#9aa5b1")
HEAD_FILL = colors.HexColor("#e4e7eb")
ZEBRA = colors.HexColor("#f5f7fa")
GIRL_FILL = colors.HexColor(GENDER_LIGHT["girl"])  # one palette for the genders in every chart (palette.py)
BOY_FILL = colors.HexColor(GENDER_LIGHT["boy"])
OTHER_FILL = colors.HexColor(GENDER_LIGHT["other"])
UNSPEC_FILL = colors.HexColor(GENDER_LIGHT["unspecified"])
ALL_FILL = colors.HexColor(ALL_COLOUR)


def esc(text: object) -> str:
    """Text from the database made safe for a Paragraph's mini-markup."""
    return _escape_html("" if text is None else str(text), quote=False)  # &, < and > (xml.sax would load urllib)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_num: ParagraphStyle
    big: ParagraphStyle
    centre: ParagraphStyle


def styles() -> Styles:
    """The shared paragraph styles (built once: a batch of letters asks for them on every page)."""
    register_fonts()
    return _styles()


@functools.cache
def _styles() -> Styles:
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13.5, textColor=INK, spaceAfter=4)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, textColor=MUTED),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=17, leading=21, spaceAfter=8),
        h2=ParagraphStyle("h2", parent=body, fontName=BOLD, fontSize=12.5, leading=16, spaceBefore=10,
                          spaceAfter=5, keepWithNext=1),
        h3=ParagraphStyle("h3", parent=body, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6,
                          spaceAfter=3, keepWithNext=1),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0),
        cell_head=ParagraphStyle("cell_head", parent=body, fontName=BOLD, fontSize=8.5, leading=10.5,
                                 spaceAfter=0),
        cell_num=ParagraphStyle("cell_num", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0,
                                alignment=TA_RIGHT),
        big=ParagraphStyle("big", parent=body, fontName=BOLD, fontSize=22, leading=28, alignment=TA_CENTER,
                           spaceAfter=12),
        centre=ParagraphStyle("centre", parent=body, fontSize=12, leading=17, alignment=TA_CENTER),
    )


class LaidParagraph(Paragraph):
    """A Paragraph that keeps its lines for each width it was wrapped to, shared with its copies.

    A table wraps each cell twice (to measure, then to draw) and reportlab breaks the lines anew each
    time; the lines depend on the width alone, so a second wrap at the same width reuses the first.
    Copies (copy.copy) share what was laid out: a text every letter repeats is broken into lines once.
    Drawing only reads the lines; splitting changes them, so a paragraph split over two pages first
    takes a private copy of its text and lines.
    """

    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._widths: dict[float, tuple] = {}

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab's names
        laid = self._widths.get(availWidth)
        if laid is None:
            size = super().wrap(availWidth, availHeight)
            self._widths[availWidth] = (size, self.blPara, self._wrapWidths)
            return size
        size, self.blPara, self._wrapWidths = laid
        self.width, self.height = size
        return size

    def split(self, availWidth, availHeight):  # noqa: N803
        self.frags = copy.deepcopy(self.frags)
        self._widths = {}
        self.__dict__.pop("blPara", None)
        return super().split(availWidth, availHeight)


_PLAIN_FRAG: WeakKeyDictionary[ParagraphStyle, object] = WeakKeyDictionary()


def plain_paragraph(text: object, style: ParagraphStyle) -> LaidParagraph:
    """A paragraph of plain text (a name, a date), the same as LaidParagraph(esc(text), style).

    reportlab parses every paragraph's text as markup, a tenth of a millisecond each, a second for a
    municipality's letters. A text without markup, of one line and single spaces, parses into one
    fragment that differs from any other such text's only in its text: it is made from the style's.
    """
    text = esc(text)
    if not text or "&" in text or cleanBlockQuotedText(text) != text:
        return LaidParagraph(text, style)
    frag = _PLAIN_FRAG.get(style)
    if frag is None:
        frag = _PLAIN_FRAG[style] = LaidParagraph("x", style).frags[0]
    return LaidParagraph(text, style, frags=[frag.clone(text=text, link=[], us_lines=[])])


@dataclass(frozen=True)
class PageInfo:
    """What the header and footer of every page show."""

    title: str
    school_year: str
    municipality: str
    logo: Path | None
    generated: dt.date


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class _PageWords:
    """The header's and footer's words, formatted once per document rather than on every page."""

    def __init__(self, info: PageInfo) -> None:
        self.info = info
        self.school_year = _("School year {year}").format(year=format_school_year(info.school_year)) \
            if info.school_year else ""
        self.generated = _("Generated {date}").format(date=format_date(info.generated, "long"))
        self._fitted: dict[tuple, str] = {}

    def fit(self, text: str, font: str, size: float, width: float) -> str:
        key = (text, font, size, width)
        if key not in self._fitted:
            self._fitted[key] = _fit(text, font, size, width)
        return self._fitted[key]


def _draw_header(canvas: Canvas, words: _PageWords) -> None:
    info = words.info
    width, height = canvas._pagesize
    top = height - MARGIN + 4 * mm
    canvas.saveState()
    x = MARGIN
    if info.logo is not None:
        try:
            canvas.drawImage(str(info.logo), MARGIN, top - 11 * mm, width=22 * mm, height=11 * mm,
                             preserveAspectRatio=True, anchor="sw", mask="auto")
            x = MARGIN + 24 * mm
        except Exception:  # noqa: BLE001 - a broken logo file must not stop a document
            x = MARGIN
    half = (width - 2 * MARGIN) / 2
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 11)
    canvas.drawString(x, top - 5 * mm, words.fit(info.municipality, BOLD, 11, half - (x - MARGIN)))
    canvas.setFont(BOLD, 10)
    canvas.drawRightString(width - MARGIN, top - 5 * mm, words.fit(info.title, BOLD, 10, half))
    canvas.setFont(REGULAR, 8.5)
    canvas.setFillColor(MUTED)
    if words.school_year:
        canvas.drawRightString(width - MARGIN, top - 9.5 * mm, words.school_year)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, top - 12.5 * mm, width - MARGIN, top - 12.5 * mm)
    canvas.restoreState()


def _draw_footer(canvas: Canvas, words: _PageWords, page: int, pages: int) -> None:
    width, _height = canvas._pagesize
    y = MARGIN - 8 * mm
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, y + 4 * mm, width - MARGIN, y + 4 * mm)
    canvas.setFont(REGULAR, 8)
    canvas.setFillColor(MUTED)
    canvas.drawString(MARGIN, y, words.generated)
    canvas.drawRightString(width - MARGIN, y, _("Page {page} of {pages}").format(page=page, pages=pages))
    canvas.restoreState()


def _numbered_canvas(words: _PageWords) -> type[Canvas]:
    """A canvas that holds every page until the end, so each footer can say 'Page n of N' in one pass."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_footer(self, words, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


class Mark(Flowable):
    """An invisible flowable that calls back when laid out: progress and cancellation during a long build."""

    def __init__(self, callback: Callable[[], None]):
        super().__init__()
        self._callback = callback

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self._callback()


def to_landscape() -> list[Flowable]:
    return [NextPageTemplate("landscape"), PageBreak()]


def to_portrait() -> list[Flowable]:
    return [NextPageTemplate("portrait"), PageBreak()]


def build_pdf(target: Path, story: list[Flowable], info: PageInfo, *, start_landscape: bool = False) -> None:
    """Lay the story out on A4 pages with the shared header and footer and write the PDF to `target`."""
    register_fonts()
    words = _PageWords(info)

    def on_page(canvas: Canvas, _doc) -> None:
        _draw_header(canvas, words)

    def template(name: str, size: tuple[float, float]) -> PageTemplate:
        frame = Frame(MARGIN, MARGIN, size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - HEADER + 6 * mm,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=name)
        return PageTemplate(id=name, frames=[frame], onPage=on_page, pagesize=size)

    templates = [template("portrait", PORTRAIT), template("landscape", LANDSCAPE)]
    if start_landscape:
        templates.reverse()
    doc = BaseDocTemplate(str(target), pagesize=templates[0].pagesize, pageTemplates=templates,
                          leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN + HEADER,
                          bottomMargin=MARGIN, title=info.title, author=info.municipality,
                          subject=info.school_year, creator="The coordinator's desk",
                          initialFontName=REGULAR, initialFontSize=10)  # else pages name Helvetica
    doc.build(story, canvasmaker=_numbered_canvas(words))


def data_table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float], *,
               total_width: float = PORTRAIT_WIDTH, numeric: Sequence[int] = (), zebra: bool = True,
               extra: Sequence[tuple] = ()) -> Table:
    """A table whose header row repeats on every page it spans; strings become wrapping Paragraphs.

    `widths` are fractions of `total_width`; `numeric` lists the columns aligned right.
    """
    st = styles()
    numeric_set = set(numeric)

    head_num = ParagraphStyle("cell_head_num", parent=st.cell_head, alignment=TA_RIGHT)

    def cell(value: object, column: int, head: bool = False) -> object:
        if isinstance(value, (Flowable, list)):
            return value
        if head:
            style = head_num if column in numeric_set else st.cell_head
        else:
            style = st.cell_num if column in numeric_set else st.cell
        return plain_paragraph(value, style)

    data = [[cell(value, i, True) for i, value in enumerate(header)]]
    data += [[cell(value, i) for i, value in enumerate(row)] for row in rows]
    table = Table(data, colWidths=[w * total_width for w in widths], repeatRows=1, splitByRow=1)
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra and len(data) > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
    commands.extend(extra)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), *commands]))
    return table


def key_value_table(pairs: Sequence[tuple[object, object]], *, total_width: float = PORTRAIT_WIDTH,
                    label_share: float = 0.3) -> Table:
    """Label/value lines (a letter's 'Where', 'When', …) laid out as a borderless two-column table.

    A label or value that is a flowable already is placed as it is; a string becomes a paragraph.
    """
    st = styles()
    def cell(value: object, style: ParagraphStyle) -> object:
        return value if isinstance(value, (Flowable, list)) else plain_paragraph(value, style)

    data = [[cell(label, st.cell_head), cell(value, st.body)] for label, value in pairs]
    table = Table(data, colWidths=[label_share * total_width, (1 - label_share) * total_width])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), 
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
    ]))
    return table
