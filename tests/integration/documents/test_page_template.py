"""The shared page template: bundled fonts found, the municipality's logo in the header, atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from coordinator.documents import render_document
from coordinator.errors import UserError
from coordinator.resources import resource_path, resource_roots
from coordinator.services.setup import set_setting


def test_bundled_fonts_and_their_licence_are_found():
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf",
                 "LICENSE-DejaVu.txt"):
        assert resource_path(f"fonts/{name}").stat().st_size > 1000
    with pytest.raises(UserError):
        resource_path("fonts/NoSuchFont.ttf")
    assert any(root.name == "resources" for root in resource_roots())


def _images_on(page) -> int:
    xobjects = page["/Resources"].get("/XObject")
    return len(xobjects.get_object()) if xobjects else 0


def test_the_logo_setting_puts_the_logo_in_every_header(doc_store, tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("RGB", (120, 60), (30, 80, 160)).save(logo)
    with doc_store.session() as session:
        set_setting(session, "logo_path", str(logo))
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = render_document(doc_store, "certificate", out_dir / "c.pdf")
    pages = PdfReader(str(out)).pages
    assert len(pages) == 3 and all(_images_on(page) == 1 for page in pages)
    # A logo that has gone missing is left out; the document still prints.
    logo.unlink()
    out = render_document(doc_store, "certificate", out_dir / "c.pdf")
    assert all(_images_on(page) == 0 for page in PdfReader(str(out)).pages)
    assert [p.name for p in out_dir.iterdir()] == ["c.pdf"]


def test_a_long_table_repeats_its_header_on_every_page(small_db, tmp_path):
    from coordinator.store import open_store

    store = open_store(small_db)
    try:
        out = render_document(store, "schedule", Path(tmp_path / "s.pdf"), language="sv")
    finally:
        store.close()
    texts = [page.extract_text() or "" for page in PdfReader(str(out)).pages]
    listing = texts[:next(i for i, t in enumerate(texts) if "Vecka för vecka" in t)]
    assert len(listing) >= 2
    assert all("Plats och adress" in t and "Kontaktperson och telefon" in t for t in listing)
