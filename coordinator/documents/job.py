"""What a document module hands back (its story) and how a long build reports progress or stops."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from coordinator.documents.page import Mark
from coordinator.errors import UserError
from coordinator.i18n import _
from coordinator.stats.figures import Figures


class DocumentCancelled(UserError):
    """The person cancelled a batch; no file was written."""

    def __init__(self) -> None:
        super().__init__(_("The document was cancelled; no file was written."))


@dataclass
class Document:
    """A document ready to lay out: its title (header and PDF metadata) and its flowables."""

    title: str
    story: list[Flowable] = field(default_factory=list)
    start_landscape: bool = False


class Job:
    """Progress and cancellation for one rendering; both are optional callbacks from the caller."""

    def __init__(self, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, figures: Figures | None = None):
        self._progress = progress
        self._cancelled = cancelled
        self.figures = figures or Figures()

    def check(self) -> None:
        """Raise DocumentCancelled if the person asked to stop."""
        if self._cancelled is not None and self._cancelled():
            raise DocumentCancelled()

    def report(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(done, total)

    def mark(self, done: int, total: int) -> Mark:
        """A flowable that reports `done` of `total` (and checks for cancel) when the layout reaches it."""

        def reached() -> None:
            self.check()
            self.report(done, total)

        return Mark(reached)
