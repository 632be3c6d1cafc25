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
echo "Built dist/coordinator/coordinator"
