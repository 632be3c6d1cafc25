#!/usr/bin/env bash
# Builds the Linux one-folder bundle in dist/coordinator (run from anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 tasks.py setup
.venv/bin/python -m pip install --quiet "pyinstaller>=6"
.venv/bin/pyinstaller packaging/coordinator.spec --noconfirm --distpath dist --workpath build/pyinstaller
# Desktop integration files beside the bundle, for a distribution package or a tarball.
install -Dm644 packaging/linux/se.coordinatorsdesk.Coordinator.desktop dist/coordinator/share/applications/se.coordinatorsdesk.Coordinator.desktop
install -Dm644 packaging/linux/se.coordinatorsdesk.Coordinator.metainfo.xml dist/coordinator/share/metainfo/se.coordinatorsdesk.Coordinator.metainfo.xml
for size in 16 32 48 64 128 256 512; do
  install -Dm644 "resources/icons/coordinator-${size}.png" "dist/coordinator/share/icons/hicolor/${size}x${size}/apps/se.coordinatorsdesk.Coordinator.png"
done
install -Dm644 resources/icons/coordinator.svg dist/coordinator/share/icons/hicolor/scalable/apps/se.coordinatorsdesk.Coordinator.svg
# The desktop files valid, and nothing the app loads at run time missing from the bundle.
if command -v desktop-file-validate >/dev/null; then desktop-file-validate packaging/linux/*.desktop; fi
if command -v appstreamcli >/dev/null; then appstreamcli validate --no-net packaging/linux/*.metainfo.xml; fi
QT_QPA_PLATFORM=offscreen dist/coordinator/coordinator --bundle-check
echo "Built dist/coordinator/coordinator ($(du -sh dist/coordinator | cut -f1)); packaging/smoke_test.sh checks it"
