#!/usr/bin/env python3
"""Team-mode benchmarks: copying the demo between a file and a PostgreSQL server, and the gender
statistics on the server beside the same on the file.

    .venv/bin/python benchmarks/team.py                        # the region demo; a section of BENCHMARKS.md
    .venv/bin/python benchmarks/team.py --size small --repeat 1 --out /tmp/b.md   # the CI smoke run

A throw-away server is started from the pgserver wheel (as the tests do). Each figure is the median
of --repeat runs; the section between the `<!-- team -->` markers of --out is replaced.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))
START, END = "<!-- team -->", "<!-- /team -->"


def _ms(fn) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def _gender(db: str) -> list[float]:
    from coordinator.services.setup import current_year_label
    from coordinator.stats import gender_statistics
    from coordinator.store import open_store

    store = open_store(db)
    try:
        with store.session() as session:
            year = current_year_label(session)

        def once() -> None:
            with store.session() as session:
                gender_statistics(session, year=year)
        once()  # warm caches on both engines alike
        return [_ms(once) for _ in range(REPEAT)]
    finally:
        store.close()


def measure(size: str) -> list[tuple[str, list[float]]]:
    from pg_support import running_server
    from run import demo_database

    from coordinator.desk.team_ops import copy_database

    source = demo_database(size, 1)
    rows: list[tuple[str, list[float]]] = []
    with running_server() as server, tempfile.TemporaryDirectory() as folder:
        to_server, to_file = [], []
        for number in range(REPEAT):
            name = server.fresh()
            url = server.url(name).render_as_string(hide_password=False)
            to_server.append(_ms(lambda: copy_database(str(source), url)))
            back = Path(folder) / f"back-{number}.sqlite"
            to_file.append(_ms(lambda: copy_database(url, str(back))))
            if number < REPEAT - 1:
                server.drop(name)
        rows.append(("Copy the demo file to PostgreSQL (verified)", to_server))
        rows.append(("Copy it back from PostgreSQL to a new file (verified)", to_file))
        rows.append(("Gender statistics, one year, all schools: SQLite file", _gender(str(source))))
        rows.append(("Gender statistics, one year, all schools: PostgreSQL", _gender(url)))
    return rows


def section(size: str, rows: list[tuple[str, list[float]]]) -> str:
    lines = [START, f"## Team mode ({size} demo, median of {REPEAT}; server from the pgserver wheel, "
                    "on the same machine over a Unix socket)", "",
             "| figure | median | min | max |", "|---|---:|---:|---:|"]
    for name, times in rows:
        lines.append(f"| {name} | {statistics.median(times):,.0f} ms | {min(times):,.0f} | {max(times):,.0f} |")
    lines += ["", "Each copy runs in one transaction and compares the row count and SHA-256 checksum of every "
                  "table on both sides before it commits.", END]
    return "\n".join(lines)


def write(out: Path, text: str) -> None:
    old = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    if START in old and END in old:
        head, rest = old.split(START, 1)
        new = head + text + rest.split(END, 1)[1]
    else:
        new = old.rstrip("\n") + "\n\n" + text + "\n"
    out.write_text(new, encoding="utf-8")


REPEAT = 3


def main(argv: list[str] | None = None) -> int:
    global REPEAT
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=["small", "municipality", "region"], default="region")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = parser.parse_args(argv)
    REPEAT = max(1, args.repeat)
    text = section(args.size, measure(args.size))
    write(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
