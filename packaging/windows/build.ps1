# Builds the Windows installer: bundle with PyInstaller, then Inno Setup. Run from the repository root.
$ErrorActionPreference = "Stop"
py -3.11 tasks.py setup
.\.venv\Scripts\python -m pip install "pyinstaller>=6"
.\.venv\Scripts\pyinstaller packaging\coordinator.spec --noconfirm --distpath dist --workpath build\pyinstaller
.\dist\coordinator\coordinator.exe --bundle-check
if ($LASTEXITCODE -ne 0) { throw "the bundle lacks something it needs (see above)" }
$version = (.\.venv\Scripts\python -c "import coordinator; print(coordinator.__version__)").Trim()
iscc "/DAppVersion=$version" packaging\windows\coordinator.iss
