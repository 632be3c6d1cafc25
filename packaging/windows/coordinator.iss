; Inno Setup script for Windows. Build the bundle first on Windows:
;   py -3.11 tasks.py catalogs
;   .venv\Scripts\pyinstaller packaging\coordinator.spec --noconfirm
; then compile this script with Inno Setup 6 (iscc packaging\windows\coordinator.iss),
; passing the version from the package:  iscc /DAppVersion=0.1.0 packaging\windows\coordinator.iss
; (packaging/windows/build.ps1 does all three and reads the version from coordinator/__init__.py).

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
UninstallDisplayIcon={app}\coordinator.exe
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "sv"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "pl"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "ru"; MessagesFile: "compiler:Languages\Russian.isl"

[Files]
Source: "..\..\dist\coordinator\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\coordinator.exe"; Parameters: "gui"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\coordinator.exe"; Parameters: "gui"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\coordinator.exe"; Parameters: "gui"; Flags: nowait postinstall skipifsilent; Description: "{cm:LaunchProgram,{#AppName}}"
