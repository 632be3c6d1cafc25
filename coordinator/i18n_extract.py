"""Babel extractor for Qt Designer forms: every translatable <string> becomes a catalog entry."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, BinaryIO

from defusedxml import ElementTree


def extract_qt_ui(fileobj: BinaryIO, keywords: Any, comment_tags: Any, options: Any
                  ) -> Iterator[tuple[int, str, str, list[str]]]:
    tree = ElementTree.parse(fileobj)
    for element in tree.iter("string"):
        if element.get("notr") == "true" or not (element.text or "").strip():
            continue
        yield 0, "_", element.text, []
