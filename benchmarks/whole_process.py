"""Whole-process figures, each a fresh process as a person starts it, beside its baseline in the same run.

    .venv/bin/python benchmarks/whole_process.py --sizes small municipality region --repeat 7

Every figure is measured at each size (the demo databases of run.py), on a working copy that was last
closed cleanly (the usual case: the quick check on open). Runs of the app and of its baseline alternate,
so that both see the same load on a shared machine; the load average is printed with the table.
The section between its markers in BENCHMARKS.md is replaced (first written below run.py's analysis mark,
which run.py keeps); the rest of the file is kept.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from run import CACHE, PROBES, class_list_xlsx, demo_database  # noqa: E402

PY = sys.executable
START, END = "<!-- whole-process: written by benchmarks/whole_process.py -->", "<!-- /whole-process -->"


@dataclass
class Row:
    figure: str
    size: str
    values: list[float]  # wall-clock ms
    cpu: list[float]  # CPU ms of the process (user + system, every thread)
    goal: str
    limit_ms: float | None = None
    limit_ratio: float | None = None
    baseline_name: str = ""
    baseline: list[float] = field(default_factory=list)
    baseline_cpu: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def ratio(self) -> float | None:
        return self.median / statistics.median(self.baseline) if self.baseline else None

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)

    @property
    def met(self) -> bool:
        """Absolute goals are judged on the CPU time when the machine is shared (the wall time then waits
        for a core), ratios on the wall time of runs alternating with their baseline."""
        ok = self.limit_ms is None or min(self.median, self.cpu_median) <= self.limit_ms
        return ok and (self.limit_ratio is None or self.ratio is None or self.ratio <= self.limit_ratio)


def timed_process(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall-clock and CPU milliseconds of one run of `argv` to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, timeout=600, env=env or _env())
    elapsed = (time.perf_counter() - start) * 1000.0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{argv[2:6]} failed: {result.stderr.strip()[-1500:]}")
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000.0
    return elapsed, cpu


def probe(script: str, *args: str) -> dict[str, float]:
    result = subprocess.run([PY, str(PROBES / script), *args], capture_output=True, text=True, timeout=600,
                            env=_env())
    if result.returncode != 0:
        raise RuntimeError(f"{script} failed: {result.stderr.strip()[-1500:]}")
    return {k.strip(): float(v) for k, v in (line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)}


def _env(**extra: str) -> dict[str, str]:
    """As a person runs the app: compiled modules are written and reused (a shell or CI may say otherwise)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COORDINATOR_LANG="sv")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


Timed = tuple[float, float]


def alternate(repeat: int, ours: Callable[[], Timed], base: Callable[[], Timed] | None = None) -> list[list[float]]:
    """Wall and CPU lists of `ours`, then of `base` (empty without one), run in turns."""
    runs: list[list[float]] = [[], [], [], []]
    for _ in range(repeat):
        wall, cpu = ours()
        runs[0].append(wall)
        runs[1].append(cpu)
        if base is not None:
            wall, cpu = base()
            runs[2].append(wall)
            runs[3].append(cpu)
    return runs


def coordinator(db: Path, *args: str, env: dict[str, str] | None = None) -> Timed:
    return timed_process([PY, "-m", "coordinator", "--db", str(db), *args], env)


def clean_copy(db: Path, name: str, state: Path) -> Path:
    """A copy of the demo, opened and closed once by the app so that its next open is the usual quick one."""
    target = CACHE / f"whole-{name}.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(db, target)
    coordinator(target, "info", env=_env(COORDINATOR_STATE_DIR=str(state)))
    return target


def scorecard_workbook(db: Path) -> Path:
    """The comparable status quo: the scorecard as a 7-sheet workbook, for LibreOffice to print."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    from coordinator.desk import Desk

    out = CACHE / f"scorecard-7-sheets-{db.stem}.xlsx"
    with Desk.open(db) as desk:
        card = desk.scorecard()
        stats = desk.gender_statistics(suppressed=True)
    book = Workbook()
    book.remove(book.active)
    for title in ("Sammanfattning", "Elever", "Arbetsliv", "Personal", "Process", "Kön per årskurs", "Trend"):
        sheet = book.create_sheet(title)
        sheet.append(["Indikator", "Mål", "I år", "Förra året", "Status"])
        for cell in sheet[1]:
            cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDE3EA")
        for line in card.lines:
            sheet.append([line.name, line.target, line.value, line.last_year, line.status])
        for grade in stats.get("grades", [])[:12]:
            sheet.append([str(grade.get("grade", "")), grade.get("pupils", {}).get("total") if isinstance(
                grade.get("pupils"), dict) else None])
        sheet.column_dimensions["A"].width = 48
    book.save(out)
    return out


def libreoffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def measure_size(size: str, repeat: int) -> list[Row]:
    db = demo_database(size, 1)
    state = Path(tempfile.mkdtemp(prefix="bench-state-"))
    env = _env(COORDINATOR_STATE_DIR=str(state))
    work = clean_copy(db, size, state)
    rows = window_rows(size, work, repeat, state)
    rows += document_rows(size, db, work, repeat, state)
    rows += command_rows(size, work, repeat, env)
    shutil.rmtree(state, ignore_errors=True)
    return rows


def window_rows(size: str, work: Path, repeat: int, state: Path) -> list[Row]:
    os.environ["COORDINATOR_STATE_DIR"] = str(state)  # the probes read the clean-close register there
    runs, bare = [], []
    probe("start_app.py", str(work))  # its modules compiled once, as on a person's second start
    probe("bare_window.py")
    for _ in range(repeat):
        runs.append(probe("start_app.py", str(work)))
        bare.append(probe("bare_window.py"))
    del os.environ["COORDINATOR_STATE_DIR"]
    limit = {"municipality": 800.0, "region": 1200.0}.get(size)
    return [Row("Main window with its navigation drawn", size, [r["ms"] for r in runs], [r["cpu_ms"] for r in runs],
                "≤ 2× bare window", None, 2.0, "bare PySide6 QMainWindow drawn", [r["ms"] for r in bare],
                [r["cpu_ms"] for r in bare]),
            Row("Overview figures filled in", size, [r["filled_ms"] for r in runs],
                [r["filled_cpu_ms"] for r in runs], f"< {limit:,.0f} ms" if limit else "–", limit)]


def document_rows(size: str, db: Path, work: Path, repeat: int, state: Path) -> list[Row]:
    cache = state / "cache"
    env = _env(COORDINATOR_STATE_DIR=str(state))
    out = CACHE / f"whole-{size}.pdf"

    def cold() -> Timed:
        shutil.rmtree(cache, ignore_errors=True)
        return coordinator(work, "report", "scorecard", "--out", str(out), env=env)

    def warm() -> Timed:
        return coordinator(work, "report", "scorecard", "--out", str(out), env=env)

    office = libreoffice()
    base = None
    base_name = "LibreOffice not installed"
    if office:
        book = scorecard_workbook(db)
        target = Path(tempfile.mkdtemp(prefix="bench-office-"))
        profile = f"-env:UserInstallation=file://{target / 'profile'}"

        def base() -> Timed:
            return timed_process([office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(target),
                                  str(book)])
        base()  # its first start writes the profile
        base_name = "LibreOffice headless: 7-sheet scorecard workbook to PDF"
    limit = 1000.0 if size == "region" else 800.0
    cold_runs = alternate(repeat, cold)
    warm()  # the cache filled by the run before
    warm_runs = alternate(repeat, warm, base)

    def letters() -> Timed:
        return coordinator(work, "report", "letters", "--grade", "8", "--out", str(CACHE / f"letters-{size}.pdf"),
                           env=env)
    letters()  # the fonts kept, as from the second document on
    letter_runs = alternate(repeat if size != "region" else min(repeat, 3), letters)
    return [Row("Scorecard PDF, `coordinator report scorecard` (figures and fonts cached)", size, *warm_runs[:2],
                f"< {limit:,.0f} ms", limit, None, base_name, *warm_runs[2:]),
            Row("Scorecard PDF, first run (nothing cached)", size, *cold_runs[:2], "–", None, None, base_name,
                *warm_runs[2:]),
            Row("All grade-8 placement letters, `coordinator report letters --grade 8`", size, *letter_runs[:2],
                *(("< 2,000 ms", 2000.0) if size == "municipality" else ("–", None)))]


def command_rows(size: str, work: Path, repeat: int, env: dict[str, str]) -> list[Row]:
    bare = [PY, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "[c.execute(f'SELECT count(*) FROM {t}').fetchone() for (t,) in "
            "c.execute(\"SELECT name FROM sqlite_master WHERE type='table'\").fetchall()]", str(work)]
    info = alternate(repeat, lambda: coordinator(work, "info", env=env), lambda: timed_process(bare))
    cache = Path(env["COORDINATOR_STATE_DIR"]) / "cache"

    def stats_cold() -> Timed:
        shutil.rmtree(cache, ignore_errors=True)
        return coordinator(work, "stats", "gender", env=env)
    cold = alternate(repeat, stats_cold)
    stats = alternate(repeat, lambda: coordinator(work, "stats", "gender", env=env))
    xlsx = class_list_xlsx(10_000)
    read = [PY, "-c", "import sys; from openpyxl import load_workbook; b = load_workbook(sys.argv[1], "
            "read_only=True); [r for r in b.active.iter_rows(values_only=True)]", str(xlsx)]

    def import_once() -> Timed:
        copy = CACHE / f"whole-import-{size}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        shutil.rmtree(CACHE / f"whole-import-{size}-backups", ignore_errors=True)
        shutil.copyfile(work, copy)
        coordinator(copy, "info", env=env)  # untimed: a file the app closed cleanly, as every figure here
        return coordinator(copy, "import", "pupils", str(xlsx), "--school", "Benchmarkskolan", env=env)

    imported = alternate(max(3, repeat // 2), import_once, lambda: timed_process(read))
    return [Row("`coordinator info`", size, *info[:2], "< 400 ms", 400.0 if size == "region" else None, None,
                "a fresh Python counting every table with sqlite3", *info[2:]),
            Row("`coordinator stats gender` (figures kept from the run before)", size, *stats[:2], "< 600 ms",
                600.0 if size == "region" else None),
            Row("`coordinator stats gender`, first run (nothing kept)", size, *cold[:2], "–"),
            Row("10,000-row XLSX class list, `coordinator import pupils`", size, *imported[:2], "≤ 1.5× openpyxl",
                None, 1.5, "a fresh Python reading the file with openpyxl (read-only)", *imported[2:])]


def fmt(ms: float) -> str:
    return f"{ms:,.0f} ms"


def report(rows: list[Row], repeat: int, loads: list[str]) -> str:
    lines = [START, "## Whole process: what a person waits for", "",
             f"Each figure is a fresh process, median of {repeat} (the region's letters: 3): wall clock (min–max) and CPU time (user + system, "
             f"all threads), its baseline alternating with it in the same run (`benchmarks/whole_process.py`). "
             f"Load average (1, 5, 15 min) at the start of each size and at the end: {'; '.join(loads)}, on "
             f"{os.cpu_count()} cores shared with other work: the wall clock then waits for a core, so absolute "
             "goals are judged on the smaller of the two medians and ratios on the wall clock.", "",
             "| figure | size | wall (min–max) | CPU | baseline: wall / CPU | ratio | goal | met |",
             "|---|---|---:|---:|---|---:|---|---|"]
    for r in rows:
        base = (f"{r.baseline_name}: {fmt(statistics.median(r.baseline))} / {fmt(statistics.median(r.baseline_cpu))}"
                if r.baseline else (r.baseline_name or "–"))
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "–"
        met = "yes" if r.met else "NO"
        if r.limit_ms is None and r.limit_ratio is None:
            met = "–"
        lines.append(f"| {r.figure} | {r.size} | {fmt(r.median)} ({fmt(min(r.values))}–{fmt(max(r.values))}) | "
                     f"{fmt(r.cpu_median)} | {base} | {ratio} | {r.goal} | {met} |")
    return "\n".join(lines + ["", END]) + "\n"


def write_section(text: str, out: Path) -> None:
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if START in old and END in old:
        new = old[:old.index(START)] + text + old[old.index(END) + len(END) + 1:]
    else:
        mark = old.find("\n", old.find("<!-- analysis")) + 1  # below run.py's mark, which keeps what follows it
        new = old[:mark] + text + old[mark:] if old.find("<!-- analysis") >= 0 else old + "\n" + text
    out.write_text(new, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", nargs="+", choices=["small", "municipality", "region"],
                        default=["small", "municipality", "region"])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    loads: list[str] = []
    for size in args.sizes:
        print(f"measuring the {size} demo …", flush=True)
        loads.append(" ".join(f"{x:.1f}" for x in os.getloadavg()))
        rows += measure_size(size, args.repeat)
    loads.append(" ".join(f"{x:.1f}" for x in os.getloadavg()))
    text = report(rows, args.repeat, loads)
    print(text)
    write_section(text, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
