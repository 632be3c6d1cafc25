#!/usr/bin/env bash
# Done-when check of a built bundle, run from a folder outside the source tree:
#   packaging/smoke_test.sh [path/to/coordinator]      (default: dist/coordinator/coordinator)
# 1. the bundle's self-check (Qt plugins, QtPdf, QtCharts, forms, catalogs, migrations, locale data);
# 2. a Russian municipality demo database;
# 3. a scorecard PDF in Russian with the bundled fonts embedded (page 1 as PNG beside it);
# 4. a calendar, an action plan in Polish, an XLSX export imported into a new database, check, backup;
# 5. the main window offscreen: every workspace rendered to PNG.
# Leaves its files in a temporary folder it names at the end; exits non-zero on the first failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="$(realpath "${1:-$ROOT/dist/coordinator/coordinator}")"
[ -x "$BIN" ] || { echo "No bundle at $BIN: run packaging/build.sh first." >&2; exit 1; }
WORK="$(mktemp -d /tmp/coordinator-smoke.XXXXXX)"
cd "$WORK"
export QT_QPA_PLATFORM=offscreen
step() { echo "== $*"; }
seconds() { local start=$SECONDS; "$@"; echo "   ($((SECONDS - start)) s)"; }

step "bundle self-check"
seconds "$BIN" --bundle-check

step "demo database (ru, municipality)"
seconds "$BIN" --db demo.sqlite demo --profile ru --size municipality

step "scorecard PDF in Russian"
seconds "$BIN" --db demo.sqlite --lang ru report scorecard --out sc.pdf
if command -v pdffonts >/dev/null; then
  pdffonts sc.pdf
  pdffonts sc.pdf | grep -q "DejaVuSans .*yes yes yes" || { echo "DejaVu Sans not embedded" >&2; exit 1; }
fi
if command -v pdftotext >/dev/null; then
  pdftotext -l 1 sc.pdf - | grep -q "Показатели" || { echo "no Russian title on page 1" >&2; exit 1; }
fi
command -v pdftoppm >/dev/null && pdftoppm -r 60 -png -f 1 -l 1 sc.pdf sc-page

step "the rest of the command line: calendar, workbook out and back in, check, backup"
"$BIN" --db demo.sqlite report schedule --out schedule.ics
grep -q "BEGIN:VEVENT" schedule.ics || { echo "no events in the calendar" >&2; exit 1; }
"$BIN" --db demo.sqlite --lang pl report action-plan --out plan.pdf
"$BIN" --db demo.sqlite export organisations --out organisations.xlsx
"$BIN" --db fresh.sqlite init --profile ru
"$BIN" --db fresh.sqlite import organisations organisations.xlsx
"$BIN" --db demo.sqlite check
"$BIN" --db demo.sqlite backup

step "main window offscreen: screenshots of every workspace"
seconds "$BIN" --db demo.sqlite --lang ru screenshots --out shots
count=$(find shots -name '*.png' -size +10k | wc -l)
[ "$count" -ge 13 ] || { echo "only $count screenshots" >&2; exit 1; }

echo "== all done: bundle $(du -sh "$(dirname "$BIN")" | cut -f1), $count screenshots, files in $WORK"
