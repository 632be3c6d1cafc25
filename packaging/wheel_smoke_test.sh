#!/usr/bin/env bash
# A regular (non-editable) install of the source tree works on its own, run from outside the tree:
#   packaging/wheel_smoke_test.sh
# Builds the wheel into a throwaway virtual environment, then creates a small demo database, writes a
# Russian scorecard PDF and renders every workspace offscreen. Exits non-zero on the first failure.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/coordinator-wheel.XXXXXX)"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install --quiet "$ROOT"
cd "$WORK"
PACKAGE="$("$WORK/venv/bin/python" -c 'import coordinator, os; print(os.path.dirname(coordinator.__file__))')"
for needed in _resources/fonts/DejaVuSans.ttf _ui/main_window.ui locale/ru/LC_MESSAGES/coordinator.mo \
              migrations/versions/0001_initial_schema.py; do
  [ -f "$PACKAGE/$needed" ] || { echo "the wheel lacks coordinator/$needed" >&2; exit 1; }
done
C="$WORK/venv/bin/coordinator"
export QT_QPA_PLATFORM=offscreen
"$C" --db x.sqlite demo --size small
"$C" --db x.sqlite --lang ru report scorecard --out x.pdf
if command -v pdffonts >/dev/null; then
  pdffonts x.pdf | grep -q "DejaVuSans .*yes yes yes" || { echo "DejaVu Sans not embedded" >&2; exit 1; }
fi
"$C" --db x.sqlite --lang ru screenshots --out shots
echo "== wheel install works: $(find shots -name '*.png' | wc -l) screenshots, files in $WORK"
