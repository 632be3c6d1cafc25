; Inno Setup script for Windows. Build the bundle first on Windows:
;   py -3.11 tasks.py setup          (virtual environment, the app, compiled catalogs)
;   .venv\Scripts\pyinstaller packaging\coordinator.spec --noconfirm
; then compile this script with Inno Setup 6 (iscc packaging\windows\coordinator.iss),
; passing the version from the package:  iscc /DAppVersion=0.1.0 packaging\windows\coordinator.iss
; (packaging/windows/build.ps1 does all three and reads the version from coordinator/__init__.py).
; The bundle holds two programs: coordinator.exe (console: the command line) and coordinator-app.exe
; (no console window: opens the app); menus and icons start the second. Swedish.isl ships with recent
; Inno Setup 6 releases; with an older one, take it from the translations on jrsoftware.org.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppId "se.coordinatorsdesk.Coordinator"
#define AppName "Coordinator's Desk"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=The Coordinator's Desk developers
DefaultDirName={autopf}\Coordinators Desk
DefaultGroupName={#AppName}
OutputBaseFilename=coordinators-desk-{#AppVersion}-setup
OutputDir=..\..\dist
Compression=lzma2
SolidCompression=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
SetupIconFile=..\..\resources\icons\coordinator.ico
UninstallDisplayIcon={app}\coordinator-app.exe
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "pl"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Files]
Source: "..\..\dist\coordinator\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\coordinator-app.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\coordinator-app.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\coordinator-app.exe"; Flags: nowait postinstall skipifsilent; Description: "{cm:LaunchProgram,{#AppName}}"
