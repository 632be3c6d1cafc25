# Builds the Windows installer: bundle with PyInstaller, then Inno Setup. Run from the repository root.
$ErrorActionPreference = "Stop"
py -3.11 tasks.py catalogs
.\.venv\Scripts\python -m pip install pyinstaller
.\.venv\Scripts\pyinstaller packaging\coordinator.spec --noconfirm --distpath dist --workpath build
$version = (.\.venv\Scripts\python -c "import coordinator; print(coordinator.__version__)").Trim()
iscc "/DAppVersion=$version" packaging\windows\coordinator.iss
