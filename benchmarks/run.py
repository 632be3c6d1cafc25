#!/usr/bin/env python3
"""Benchmarks of the coordinator's desk, each beside a baseline doing the least version of the same work.

    .venv/bin/python benchmarks/run.py                   # the region (100,000 pupils), writes BENCHMARKS.md
    .venv/bin/python benchmarks/run.py --size small --repeat 1 --out /tmp/b.md   # the CI smoke run

The demo database is built once per size, seed and schema revision and cached in benchmarks/.cache.
Every figure is the median of --repeat runs (min and max beside it); the ratio is taken against the
baseline measured in the same run, since these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "benchmarks" / ".cache"
PROBES = ROOT / "benchmarks" / "probes"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Figure:
    name: str
    unit: str
    values: list[float]
    baseline_name: str = ""
    baseline: list[float] = field(default_factory=list)
    target: str = ""
    limit_ratio: float | None = None
    limit_value: float | None = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def ratio(self) -> float | None:
        return self.median / statistics.median(self.baseline) if self.baseline else None

    @property
    def met(self) -> bool:
        ok = True
        if self.limit_ratio is not None and self.ratio is not None:
            ok &= self.ratio <= self.limit_ratio
        if self.limit_value is not None:
            ok &= self.median <= self.limit_value
        return ok


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    values = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        values.append((time.perf_counter() - start) * 1000.0)
    return values


def probe(script: str, *args: str) -> dict[str, float]:
    """Run a probe in a fresh interpreter; it prints `key=value` lines of its own measurements."""
    result = subprocess.run([sys.executable, str(PROBES / script), *args], capture_output=True, text=True,
                            timeout=900, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if result.returncode != 0:
        raise RuntimeError(f"{script} failed: {result.stderr.strip()[-2000:]}")
    out = {}
    for line in result.stdout.splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            out[key.strip()] = float(value)
    return out


def schema_revision() -> str:
    from coordinator.store import head_revision

    return head_revision()


def demo_database(size: str, seed: int) -> Path:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-se-{size}-seed{seed}-rev{schema_revision()}.sqlite"
    if not path.exists():
        from coordinator.demo import build_demo
        from coordinator.store import open_store

        tmp = path.with_suffix(".building")
        if tmp.exists():
            tmp.unlink()
        started = time.perf_counter()
        store = open_store(tmp, create=True)
        try:
            build_demo(store, profile_code="se", size=size, seed=seed)
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            store.close()
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        tmp.rename(path)
        print(f"built the {size} demo in {time.perf_counter() - started:.1f} s", flush=True)
    return path


def working_copy(db: Path, name: str) -> Path:
    target = CACHE / f"work-{name}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(db, target)
    return target


# --- the measurements -------------------------------------------------------------------------

def bench_cold_start(db: Path, repeat: int) -> Figure:
    app = [probe("start_app.py", str(db))["ms"] for _ in range(repeat)]
    bare = [probe("bare_window.py")["ms"] for _ in range(repeat)]
    return Figure("Cold start to the main window drawn", "ms", app, "bare QMainWindow shown and closed", bare,
                  "≤ 2× and < 1,500 ms", 2.0, 1500.0)


def bench_gender_stats(db: Path, repeat: int) -> Figure:
    import sqlite3

    from coordinator.services.setup import current_year_label
    from coordinator.stats import gender_statistics
    from coordinator.store import open_store

    store = open_store(db)
    with store.session() as session:
        year = current_year_label(session)
    def ours():
        with store.session() as session:
            gender_statistics(session, year=year)
    ours()  # warm the page cache for both sides alike
    app = timed(ours, repeat)
    store.close()
    conn = sqlite3.connect(db)
    sql = """
    WITH y AS (SELECT id FROM school_years WHERE label = ?),
    roster AS (
      SELECT e.pupil_id, c.grade, p.gender FROM enrolments e JOIN classes c ON c.id = e.class_id
      JOIN pupils p ON p.id = e.pupil_id WHERE e.school_year_id = (SELECT id FROM y)),
    met AS (
      SELECT vp.pupil_id FROM study_visit_participants vp JOIN study_visits v ON v.id = vp.study_visit_id
        WHERE v.school_year_id = (SELECT id FROM y) AND v.status != 'cancelled'
      UNION SELECT pl.pupil_id FROM placements pl WHERE pl.school_year_id = (SELECT id FROM y) AND pl.status != 'cancelled'
      UNION SELECT ep.pupil_id FROM encounter_participants ep JOIN encounters en ON en.id = ep.encounter_id
        WHERE en.school_year_id = (SELECT id FROM y) AND en.status != 'cancelled')
    SELECT grade, gender, COUNT(*), SUM(pupil_id IN (SELECT pupil_id FROM met)) FROM roster GROUP BY grade, gender
    """
    def baseline():
        conn.execute(sql, (year,)).fetchall()
        conn.execute("""SELECT o.sector_code, p.gender, COUNT(*) FROM placements pl JOIN pupils p ON p.id = pl.pupil_id
                        JOIN organisations o ON o.id = pl.host_id JOIN school_years y ON y.id = pl.school_year_id
                        WHERE y.label = ? AND pl.status != 'cancelled' GROUP BY o.sector_code, p.gender""",
                     (year,)).fetchall()
    baseline()
    base = timed(baseline, repeat)
    conn.close()
    return Figure("Gender statistics, one year, all schools", "ms", app, "hand-written SQL with sqlite3", base,
                  "≤ 1.5× and < 300 ms", 1.5, 300.0)


def bench_scorecard_pdf(db: Path, repeat: int) -> Figure:
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from coordinator.documents import render_document
    from coordinator.store import open_store

    store = open_store(db)
    out = CACHE / "scorecard.pdf"
    app = timed(lambda: render_document(store, "scorecard", out, language="sv"), repeat)
    store.close()
    pages = len(PdfReader(out).pages)
    style = getSampleStyleSheet()["BodyText"]
    plain = CACHE / "plain.pdf"

    def baseline():
        story = []
        for page in range(pages):
            story += [Paragraph(f"Page {page + 1}: " + "plain text " * 60, style), PageBreak()]
        SimpleDocTemplate(str(plain), pagesize=A4).build(story)
    base = timed(baseline, repeat)
    return Figure(f"Municipality scorecard PDF ({pages} pages)", "ms", app,
                  f"reportlab writing {pages} pages of plain text", base, "≤ 3×", 3.0)


def class_list_xlsx(rows: int) -> Path:
    path = CACHE / f"class-list-{rows}.xlsx"
    if path.exists():
        return path
    import random

    from openpyxl import Workbook

    rnd = random.Random(7)
    girls = ["Alva", "Elsa", "Maja", "Ebba", "Selma", "Saga", "Åsa", "Märta"]
    boys = ["Hugo", "Liam", "Elias", "Oscar", "Nils", "Björn", "Göran", "Örjan"]
    last = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Öberg", "Åström"]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Klasslista")
    sheet.append(["Förnamn", "Efternamn", "Klass", "Kön"])
    for i in range(rows):
        girl = rnd.random() < 0.5
        grade = rnd.choice("6789")
        sheet.append([rnd.choice(girls if girl else boys), f"{rnd.choice(last)}{i}",
                      f"{grade}{rnd.choice('ABCD')}", "Flicka" if girl else "Pojke"])
    book.save(path)
    return path


def bench_import(db: Path, repeat: int) -> Figure:
    from openpyxl import load_workbook

    from coordinator.store import open_store
    from coordinator.transfer import analyse_file, apply_import

    xlsx = class_list_xlsx(10_000)
    app = []
    for i in range(repeat):
        copy = working_copy(db, f"import{i}")
        store = open_store(copy)
        start = time.perf_counter()
        plan = analyse_file(xlsx, "pupils", profile="se")
        with store.session() as session:
            apply_import(session, plan, school="Benchmarkskolan", year=None)
        app.append((time.perf_counter() - start) * 1000.0)
        store.close()

    def baseline():
        book = load_workbook(xlsx, read_only=True)
        for _row in book.active.iter_rows(values_only=True):
            pass
        book.close()
    base = timed(baseline, repeat)
    return Figure("10,000-row XLSX class list import", "ms", app, "openpyxl reading the file (read-only)", base,
                  "≤ 2×", 2.0)


def bench_table(db: Path, repeat: int) -> list[Figure]:
    runs = [probe("table_view.py", str(db)) for _ in range(repeat)]
    first = Figure("Pupils table: first rows shown", "ms", [r["first_rows_ms"] for r in runs], target="< 100 ms",
                   limit_value=100.0)
    if all("all_ids_ms" in r for r in runs):
        every = statistics.median(r["all_ids_ms"] for r in runs)
        first.note = (f"the first page is shown before every id has come; all {fmt(every)} ms after opening "
                      "(the count and the scroll bar then fill in)")
    keystroke = Figure("Pupils table: per filter keystroke", "ms", [r["keystroke_ms"] for r in runs],
                       target="< 100 ms", limit_value=100.0)
    block = Figure("Pupils table: longest GUI-thread block while loading and filtering", "ms",
                   [r["gui_block_ms"] for r in runs], target="< 100 ms", limit_value=100.0)
    return [first, keystroke, block]


def bench_search(db: Path, repeat: int) -> Figure:
    from coordinator.services.search import search
    from coordinator.store import open_store

    store = open_store(db)
    texts = ["ann", "Svensson12", "zzzz", "anna sv", "5561234", "öberg", "Örjan Öberg3"]

    def slowest_query() -> None:
        with store.session() as session:
            for text in texts:
                search(session, text)

    try:
        slowest_query()  # warm the page cache
        per_query = [ms / len(texts) for ms in timed(slowest_query, repeat)]
    finally:
        store.close()
    return Figure("Global search, mean of 7 queries", "ms", per_query, target="< 50 ms", limit_value=50.0)


def bench_memory(db: Path, repeat: int) -> Figure:
    runs = [probe("visit_all.py", str(db)) for _ in range(max(1, min(repeat, 3)))]
    bare = [probe("bare_window.py")["peak_mb"] for _ in range(max(1, min(repeat, 3)))]
    return Figure("Peak memory, every workspace visited", "MB", [r["peak_mb"] for r in runs],
                  "bare QMainWindow", bare, "< 400 MB", None, 400.0)


BENCHES: dict[str, Callable[[Path, int], Figure | list[Figure]]] = {
    "start": bench_cold_start,
    "stats": bench_gender_stats,
    "scorecard": bench_scorecard_pdf,
    "import": bench_import,
    "table": bench_table,
    "search": bench_search,
    "memory": bench_memory,
}


# --- the report -------------------------------------------------------------------------------

def machine() -> list[str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True).stdout.strip()
    except OSError:
        commit = "?"
    packages = ", ".join(f"{name} {metadata.version(name)}" for name in
                         ("PySide6", "SQLAlchemy", "reportlab", "openpyxl", "Babel"))
    return [f"- CPU: {cpu}, {os.cpu_count()} cores", f"- Python {platform.python_version()} on {platform.system()}",
            f"- Packages: {packages}", f"- Commit: {commit}", f"- Date: {dt.date.today().isoformat()}"]


def fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def report(figures: list[Figure], size: str, repeat: int, failures: dict[str, str]) -> str:
    lines = [f"# Benchmarks ({size} demo, median of {repeat} runs)", "", *machine(), "",
             "| figure | median | min | max | baseline (median) | ratio | target | met |",
             "|---|---:|---:|---:|---|---:|---|---|"]
    for f in figures:
        base = f"{f.baseline_name}: {fmt(statistics.median(f.baseline))} {f.unit}" if f.baseline else "–"
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "–"
        lines.append(f"| {f.name} | {fmt(f.median)} {f.unit} | {fmt(min(f.values))} | {fmt(max(f.values))} | "
                     f"{base} | {ratio} | {f.target} | {'yes' if f.met else 'NO'} |")
    for name, error in failures.items():
        lines.append(f"| {name} | failed: {error[:120]} | | | | | | NO |")
    notes = [f"- {f.name}: {f.note}" for f in figures if f.note]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


ANALYSIS_MARK = "<!-- analysis: kept when the table above is measured again -->"


def with_analysis(table: str, out: Path) -> str:
    """The new table, followed by the written analysis of the file it replaces (below ANALYSIS_MARK)."""
    try:
        old = out.read_text(encoding="utf-8")
    except OSError:
        return table
    at = old.find(ANALYSIS_MARK)
    return table if at < 0 else table + "\n" + old[at:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=["small", "municipality", "region"], default="region")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", nargs="*", choices=sorted(BENCHES))
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    parser.add_argument("--whole-process", action="store_true",
                        help="Then measure every figure as a fresh process at the three sizes, each beside its "
                             "baseline in the same run (benchmarks/whole_process.py), into its own section.")
    args = parser.parse_args(argv)
    db = demo_database(args.size, args.seed)
    figures: list[Figure] = []
    failures: dict[str, str] = {}
    for name in args.only or list(BENCHES):
        print(f"measuring {name} …", flush=True)
        try:
            result = BENCHES[name](db, args.repeat)
        except Exception as exc:  # a broken benchmark is reported, not hidden
            failures[name] = f"{type(exc).__name__}: {exc}"
            continue
        figures.extend(result if isinstance(result, list) else [result])
    text = report(figures, args.size, args.repeat, failures)
    print(text)
    args.out.write_text(with_analysis(text, args.out), encoding="utf-8")
    if args.whole_process:
        from whole_process import main as whole_process

        whole_process(["--repeat", str(args.repeat), "--out", str(args.out)])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
