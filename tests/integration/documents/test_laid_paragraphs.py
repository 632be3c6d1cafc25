"""Paragraphs laid out once and reused (a batch of letters) print exactly what a fresh paragraph prints."""

from __future__ import annotations

import copy
import datetime as dt

from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph, Spacer

from coordinator.documents.page import LaidParagraph, PageInfo, build_pdf, esc, plain_paragraph, styles

_INFO = PageInfo(title="Letters", school_year="2026/27", municipality="Hedemora kommun", logo=None,
                 generated=dt.date(2026, 11, 29))


def _pages(path) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def _streams(path) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(str(path)).pages]


def test_a_plain_text_prints_as_a_parsed_one_whatever_its_characters(tmp_path):
    texts = ["Åsa Öberg & Söner <AB>", "Иванов  Иван", "  leading and trailing  ", "no\u00a0break", "x", "",
             "two\nlines", "10 maj 2027 – 21 maj 2027 (10 dagar)"]
    st = styles()
    fresh, plain = [], []
    for text in texts:
        fresh += [Paragraph(esc(text), st.body), PageBreak()]
        plain += [plain_paragraph(text, st.body), PageBreak()]
    build_pdf(tmp_path / "fresh.pdf", fresh, _INFO)
    build_pdf(tmp_path / "plain.pdf", plain, _INFO)
    assert _streams(tmp_path / "plain.pdf") == _streams(tmp_path / "fresh.pdf")
    assert "Åsa Öberg & Söner <AB>" in _pages(tmp_path / "plain.pdf")[0]


def test_copies_of_a_paragraph_split_over_a_page_each_print_as_a_fresh_one(tmp_path):
    st = styles()
    # Lines of several fragments (a line break here), the kind whose split rewrites its words.
    words = "<br/>".join(" ".join(f"word{i}" for i in range(start, start + 40)) for start in range(0, 400, 40))
    shared = LaidParagraph(words, st.body)
    copies: list = []
    fresh: list = []
    for _ in range(3):
        # Most of a page first, so that each paragraph breaks over into the next page.
        copies += [Spacer(1, 640), copy.copy(shared), PageBreak()]
        fresh += [Spacer(1, 640), Paragraph(words, st.body), PageBreak()]
    build_pdf(tmp_path / "copies.pdf", copies, _INFO)
    build_pdf(tmp_path / "fresh.pdf", fresh, _INFO)
    assert len(_streams(tmp_path / "copies.pdf")) == 6
    assert _streams(tmp_path / "copies.pdf") == _streams(tmp_path / "fresh.pdf")
    text = " ".join(_pages(tmp_path / "copies.pdf"))
    assert all(text.count(f"word{i} ") == 3 for i in (0, 1, 57, 200, 398))
