"""The documents' one door: pick a kind and a scope, get a PDF written atomically."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import importlib
import os
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from coordinator.documents.job import Document, Figures, Job
from coordinator.documents.kinds import KINDS, kind_label  # noqa: F401  (re-exported)
from coordinator.documents.page import PageInfo, build_pdf
from coordinator.i18n import use_language
from coordinator.safety.own_files import refuse_own_file
from coordinator.safety.tempfiles import make_temp_beside
from coordinator.validation import cannot_write, check_output_path

if TYPE_CHECKING:  # the database layer is loaded by render_document alone: write_laid_out needs none
    from coordinator.store import Store

_MODULES = {
    "scorecard": "coordinator.documents.scorecard",
    "action-plan": "coordinator.documents.action_plan",
    "schedule": "coordinator.documents.schedule",
    "letters": "coordinator.documents.letters",
    "gender": "coordinator.documents.gender",
    "certificate": "coordinator.documents.certificate",
    "cluster": "coordinator.documents.cluster_report",
}


@contextlib.contextmanager
def atomic_target(out: Path) -> Iterator[Path]:
    """A temporary file beside `out`, renamed onto it only when the block succeeds; removed otherwise."""
    out = Path(out)
    check_output_path(out)
    try:
        tmp = make_temp_beside(out)  # private until complete: letters and schedules name pupils
    except OSError as exc:
        raise cannot_write(out, exc) from exc
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def render_document(store: Store, kind: str, out: Path, *, language: str | None = None, year: str | None = None,
                    school: str | None = None, class_name: str | None = None, teacher: str | None = None,
                    grade: str | None = None, date_from: dt.date | None = None, date_to: dt.date | None = None,
                    school_form: str | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, figures: Figures | None = None,
                    placement_ids: Collection[int] | None = None) -> Path:
    """Write one document of `kind` for the scope to `out` (PDF) and return `out`.

    Raises UserError (translated) for an unknown kind, school, class or teacher, or when the scope
    holds nothing to print; DocumentCancelled (a UserError) when `cancelled()` turns True, leaving no file.
    """
    from coordinator.documents.scope import resolve_scope
    from coordinator.settings import get_setting

    refuse_own_file(out, store.path)
    with use_language(language):
        kind_label(kind)
        module = importlib.import_module(_MODULES[kind])
        job = Job(progress, cancelled, figures)
        with store.session() as session:
            scope = resolve_scope(session, year=year, school=school, class_name=class_name, teacher=teacher,
                                  grade=grade, date_from=date_from, date_to=date_to, school_form=school_form)
            if placement_ids is not None:
                scope = dataclasses.replace(scope, placement_ids=frozenset(placement_ids))
            document = module.build(session, scope, job)
            logo_setting = get_setting(session, "logo_path")
        logo = Path(logo_setting) if logo_setting and Path(logo_setting).is_file() else None
        info = PageInfo(title=document.title, school_year=scope.year, municipality=scope.municipality,
                        logo=logo, generated=dt.date.today())
        return write_laid_out(document, info, Path(out), job)


def write_laid_out(document: Document, info: PageInfo, out: Path, job: Job, *,
                   before_showing: Callable[[], None] | None = None) -> Path:
    """Lay `document` out on the shared pages and write it to `out` atomically; return `out`.
    `before_showing` is called once the file is complete, before it takes the name `out`: an exception
    from it leaves no file."""
    job.check()
    with atomic_target(out) as tmp:
        build_pdf(tmp, document.story, info, start_landscape=document.start_landscape)
        job.check()
        if before_showing is not None:
            before_showing()
    return out
