#!/usr/bin/env python3
"""Set-up and everyday tasks, from nothing but Python 3.11+.

    python3 tasks.py app        set up, build the demo municipality once, start the app
    python3 tasks.py test       set up, run the whole test suite (offscreen, no display needed)
    python3 tasks.py setup      only set up (.venv, install, catalogs)
    python3 tasks.py catalogs   compile the translation catalogs (i18n/*.po → .mo)
    python3 tasks.py extract    extract every string into i18n/messages.pot
    python3 tasks.py missing    list, per language, the strings no i18n/<lang>/*.po translates yet
    python3 tasks.py migration MESSAGE  write the next schema revision from the models' changes

Set-up makes a virtual environment in .venv and installs the project with its test extras;
it is repeated only when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
LANGUAGES = ("sv", "pl", "ru")
DEMO_DB = ROOT / "demo-municipality.sqlite"


def run(*args: str | Path, env: dict[str, str] | None = None, check: bool = True) -> int:
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if check and completed.returncode != 0:
        sys.exit(completed.returncode)
    return completed.returncode


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit("Python 3.11 or newer is needed (this is %d.%d)." % sys.version_info[:2])
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    stamp = VENV / ".installed"
    if not stamp.exists() or stamp.read_text() != digest:
        print("Installing the app and its test tools …", flush=True)
        run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[test]")
        stamp.write_text(digest)
    catalogs()


def catalogs() -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from babel.messages.mofile import write_mo\n"
        "from coordinator.i18n import merged_catalog\n"
        "for lang in sys.argv[1:]:\n"
        "    out = Path('coordinator/locale') / lang / 'LC_MESSAGES' / 'coordinator.mo'\n"
        "    out.parent.mkdir(parents=True, exist_ok=True)\n"
        "    tmp = out.with_suffix('.tmp')\n"
        "    with tmp.open('wb') as fh:\n"
        "        write_mo(fh, merged_catalog(lang))\n"
        "    tmp.replace(out)\n"
    )
    present = [lang for lang in LANGUAGES if list((ROOT / "i18n" / lang).glob("*.po"))]
    run(PYTHON, "-c", code, *present)


def extract() -> None:
    run(PYTHON, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg", "-k", "_", "-k", "N_",
        "-k", "ngettext:1,2", "-k", "pgettext:1c,2", "-k", "npgettext:1c,2,3",
        "--no-location", "--sort-output", "--project", "coordinators-desk",
        "-o", "i18n/messages.pot", "coordinator", "ui")


def missing() -> None:
    """Print the strings of i18n/messages.pot that a language does not translate yet, as .po entries."""
    extract()
    code = (
        "from pathlib import Path\n"
        "from babel.messages.pofile import read_po\n"
        "from coordinator.i18n import merged_catalog, _is_translated\n"
        "pot = read_po(Path('i18n/messages.pot').open('rb'))\n"
        "for lang in ('sv', 'pl', 'ru'):\n"
        "    have = merged_catalog(lang)\n"
        "    gaps = [m for m in pot if m.id and not (have.get(m.id, m.context) and _is_translated(have.get(m.id, m.context).string))]\n"
        "    print(f'# {lang}: {len(gaps)} missing')\n"
        "    for m in gaps:\n"
        "        if m.context: print(f'msgctxt {m.context!r}')\n"
        "        if isinstance(m.id, tuple): print(f'msgid {m.id[0]!r}\\nmsgid_plural {m.id[1]!r}')\n"
        "        else: print(f'msgid {m.id!r}')\n"
    )
    run(PYTHON, "-c", code)


def app(extra: list[str]) -> None:
    setup()
    coordinator = BIN / "coordinator"
    if not DEMO_DB.exists():
        print("Building the demo municipality …", flush=True)
        run(coordinator, "--db", DEMO_DB, "demo", "--profile", "se", "--size", "municipality")
    run(coordinator, "--db", DEMO_DB, *extra, "gui")


def test(extra: list[str]) -> None:
    setup()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = run(PYTHON, "-m", "pytest", *extra, env=env, check=False)
    if code == 5:
        print("pytest collected no tests: that is a failure, not a pass.", file=sys.stderr)
        sys.exit(1)
    sys.exit(code)


def migration(extra: list[str]) -> None:
    """Autogenerate the next revision (NNNN_message.py) from the difference between the models and head."""
    if not extra:
        sys.exit("Name the change: python3 tasks.py migration 'what changed'")
    setup()
    versions = ROOT / "coordinator/migrations/versions"
    number = max(int(f.name[:4]) for f in versions.glob("[0-9][0-9][0-9][0-9]_*.py")) + 1
    code = (
        "import sys, tempfile, pathlib\n"
        "from alembic import command\n"
        "from coordinator.store import alembic_config, make_engine, resolve_url\n"
        "with tempfile.TemporaryDirectory() as tmp:\n"
        "    engine = make_engine(resolve_url(pathlib.Path(tmp) / 'head.sqlite'))\n"
        "    with engine.begin() as conn:\n"
        "        command.upgrade(alembic_config(conn), 'head')\n"
        "        command.revision(alembic_config(conn), message=sys.argv[1], autogenerate=True,\n"
        "                         rev_id=sys.argv[2], version_path=sys.argv[3])\n"
    )
    run(PYTHON, "-c", code, " ".join(extra), f"{number:04d}", versions)
    for f in versions.glob(f"{number:04d}_*.py"):
        print(f"Wrote {f.relative_to(ROOT)}; set HEAD = \"{number:04d}\" in coordinator/migrations/__init__.py.")


def main(argv: list[str]) -> None:
    if not argv or argv[0] in {"-h", "--help"}:
        print(__doc__)
        return
    task, extra = argv[0], argv[1:]
    if task == "app":
        app(extra)
    elif task == "test":
        test(extra)
    elif task == "setup":
        setup()
    elif task == "catalogs":
        catalogs()
    elif task == "extract":
        extract()
    elif task == "missing":
        missing()
    elif task == "migration":
        migration(extra)
    else:
        sys.exit(f"Unknown task {task!r}; see python3 tasks.py --help")


if __name__ == "__main__":
    main(sys.argv[1:])
