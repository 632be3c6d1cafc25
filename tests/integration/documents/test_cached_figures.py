"""What documents reuse between runs: parsed fonts and computed figures, never stale ones."""

from __future__ import annotations

import pytest

from coordinator.desk import Desk


def test_fonts_read_back_from_the_cache_embed_the_same_glyphs_as_freshly_parsed_ones(tmp_path, monkeypatch):
    from coordinator.documents import fonts

    monkeypatch.setenv("COORDINATOR_CACHE_DIR", str(tmp_path))
    parsed = fonts.load_fonts()
    assert (tmp_path / "document-fonts.pickle").exists()
    cached = fonts.load_fonts()
    text = "Åsa Öberg · Zażółć gęślą jaźń · Съешь же ещё этих мягких булок"
    subset = [ord(c) for c in text]
    for fresh, kept in zip(parsed, cached, strict=True):
        assert kept is not fresh and kept.fontName == fresh.fontName
        assert kept.stringWidth(text, 10) == fresh.stringWidth(text, 10)
        assert kept.face.makeSubset(subset) == fresh.face.makeSubset(subset)


def test_the_scorecard_is_kept_while_nothing_changes_and_follows_an_edit_at_once(small_db, monkeypatch):
    import coordinator.stats as stats

    desk = Desk.open(small_db)
    try:
        first = desk.scorecard()
        with monkeypatch.context() as patched:
            patched.setattr(stats, "compute_scorecard", lambda *a, **k: pytest.fail("computed again"))
            assert desk.scorecard() == first
        line = next(line for line in first.lines if not line.manual)
        desk.update_indicator(line.indicator_id, target=0.123)
        changed = next(x for x in desk.scorecard().lines if x.indicator_id == line.indicator_id)
        assert changed.target == 0.123
    finally:
        desk.close()


def test_the_scorecard_is_computed_again_in_another_language(small_db):
    from coordinator.i18n import use_language

    desk = Desk.open(small_db)
    try:
        with use_language("en"):
            english = desk.scorecard()
        with use_language("ru"):
            russian = desk.scorecard()
        assert [line.name for line in english.lines] != [line.name for line in russian.lines]
    finally:
        desk.close()
