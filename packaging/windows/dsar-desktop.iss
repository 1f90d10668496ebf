; Inno Setup script: a per-machine Windows installer for the one-folder bundle.
; Build on Windows, after `pyinstaller packaging\dsar-desktop.spec` (see packaging/README.md):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\dsar-desktop.iss
; Output: .build\installer\dsar-desktop-<version>-setup.exe
; Installing a newer version over an older one replaces the program files only; registers, key
; slots and backups live in each person's profile and are upgraded by the app itself after a backup.

#define AppName "DSAR Desktop"
#define AppVersion "0.1.0"
#define AppExe "dsar-desktop.exe"
#define AppId "fr.cesi.DsarDesktop"
#define Bundle "..\..\.build\dist\dsar-desktop"

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it between versions.
AppId={{8C4A2F3E-6B1D-4E57-9A0C-2D5E7F1B3A94}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=CESI DPO office
AppVerName={#AppName} {#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per machine: installed once by IT under Program Files, for every account of the workstation.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\.build\installer
OutputBaseFilename=dsar-desktop-{#AppVersion}-setup
SetupIconFile=..\icons\dsar-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
LicenseFile=..\..\LICENSE
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\THIRD-PARTY-NOTICES.md"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Demandes d'exercice des droits RGPD"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"

[Registry]
; .dsarbak (a register backup) opens with the app, which offers to restore it.
Root: HKA; Subkey: "Software\Classes\.dsarbak"; ValueType: string; ValueName: ""; ValueData: "{#AppId}.Backup"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#AppId}.Backup"; ValueType: string; ValueName: ""; ValueData: "DSAR Desktop backup"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#AppId}.Backup\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#AppId}.Backup\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
; IT can check the installation silently: `dsar-desktop.exe --self-test` exits 0 when everything works.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
