<#
.SYNOPSIS
  FanKeep - Windows installers with jpackage (JDK 25).

  NOT BUILT OR TESTED: written on Linux without a Windows machine. It mirrors
  installer/linux/build.sh, which was built and verified. See installer/windows/README.md.

.DESCRIPTION
  .\installer\windows\build.ps1 [-Type msi|exe|app-image] [-Rebuild] [-PerUser]

  app-image  target\installer\FanKeep\            folder with FanKeep.exe + fankeep-cli.exe
  msi        target\installer\FanKeep-<ver>.msi   (default; needs WiX, see README)
  exe        target\installer\FanKeep-<ver>.exe   (WiX-based setup.exe)

  The installed app keeps its data in %APPDATA%\FanKeep (or %FANKEEP_HOME%).

  This file is ASCII on purpose: Windows PowerShell 5.1 reads BOM-less scripts in the ANSI
  code page, and WiX 3 rejects MSI strings outside code page 1252, so the installer
  metadata (name, vendor, description) stays ASCII.

.PARAMETER Type
  app-image, msi (default) or exe.
.PARAMETER Rebuild
  Run "mvn -B -q -DskipTests package" even if target\fankeep.jar exists.
.PARAMETER PerUser
  msi/exe: install per user under %LOCALAPPDATA% (no administrator rights needed)
  instead of C:\Program Files\FanKeep.
#>
[CmdletBinding()]
param(
    [ValidateSet('app-image', 'msi', 'exe')]
    [string]$Type = 'msi',
    [switch]$Rebuild,
    [switch]$PerUser
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$started = Get-Date

# Keep this GUID forever: it lets a newer FanKeep MSI replace an older one instead of
# installing side by side.
$UpgradeUuid = 'a8add508-b37d-4d67-a177-1c110a302ae5'

# Same runtime modules as installer/linux/build.sh (see the comments there).
$Modules = 'javafx.controls,javafx.swing,java.sql,java.desktop,java.logging,java.naming,java.management,java.xml,java.scripting,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.zipfs'
if ($env:FANKEEP_EXTRA_MODULES) { $Modules = "$Modules,$($env:FANKEEP_EXTRA_MODULES)" }
$JlinkOptions = @('--strip-debug', '--no-man-pages', '--no-header-files', '--include-locales=en,zh')
$JavaOptions = @('--enable-native-access=javafx.graphics,ALL-UNNAMED', '-Xmx1g')

function Log([string]$msg) { Write-Host "[installer] $msg" }
function Fail([string]$msg) { throw "[installer] ERROR: $msg" }
function Invoke-Native {
    # PowerShell does not stop on a native program's exit code; this does.
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { Fail "$(Split-Path $Exe -Leaf) failed with exit code $LASTEXITCODE" }
}

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Set-Location $Root

# ------------------------------------------------------------------ JDK 25
function Get-JdkMajor([string]$dir) {
    $release = Join-Path $dir 'release'
    if (-not (Test-Path $release)) { return 0 }
    $m = Select-String -Path $release -Pattern '^JAVA_VERSION="(\d+)' | Select-Object -First 1
    if ($m) { return [int]$m.Matches[0].Groups[1].Value }
    return 0
}
function Test-Jdk([string]$dir) {
    return $dir -and (Test-Path (Join-Path $dir 'bin\jpackage.exe')) -and ((Get-JdkMajor $dir) -ge 25)
}
$candidates = @()
if ($env:JAVA_HOME) { $candidates += $env:JAVA_HOME }
foreach ($base in @("$env:ProgramFiles\Eclipse Adoptium", "$env:ProgramFiles\Java", "$env:ProgramFiles\Microsoft",
                    "$env:ProgramFiles\Zulu", "$env:ProgramFiles\BellSoft", "$env:USERPROFILE\.jdks")) {
    if (Test-Path $base) {
        $candidates += Get-ChildItem $base -Directory | Where-Object { $_.Name -match '25' } |
            Sort-Object Name -Descending | ForEach-Object { $_.FullName }
    }
}
$Jdk = $candidates | Where-Object { Test-Jdk $_ } | Select-Object -First 1
if (-not $Jdk) { Fail 'no JDK >= 25 with jpackage found; install Temurin 25 and set JAVA_HOME' }
if ($env:JAVA_HOME -and ($Jdk -ne $env:JAVA_HOME)) { Log "JAVA_HOME=$env:JAVA_HOME is not a JDK >= 25; using $Jdk" }
$Jpackage = Join-Path $Jdk 'bin\jpackage.exe'
$Jlink = Join-Path $Jdk 'bin\jlink.exe'
Log "JDK: $Jdk"

# ------------------------------------------------------------------ the jar
$Jar = 'target\fankeep.jar'
if ($Rebuild -or -not (Test-Path $Jar)) {
    Log 'building target\fankeep.jar: mvn -B -q -DskipTests package'
    # Maven may run on any JDK >= 17; the pom's toolchain step finds JDK 25 itself.
    & mvn -B -q -DskipTests package
    if ($LASTEXITCODE -ne 0) { Fail 'Maven build failed' }
}
if (-not (Test-Path $Jar)) { Fail "$Jar missing after the Maven build" }

Add-Type -AssemblyName System.IO.Compression.FileSystem
function Read-Manifest([string]$jarPath) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead((Resolve-Path $jarPath).Path)
    try {
        $reader = New-Object System.IO.StreamReader($zip.GetEntry('META-INF/MANIFEST.MF').Open())
        $text = $reader.ReadToEnd()
        $reader.Close()
    } finally { $zip.Dispose() }
    $values = @{}
    # unfold 72-column continuation lines (a line starting with one space continues the previous one)
    foreach ($line in (($text -replace "`r", '') -replace "`n ", '') -split "`n") {
        $i = $line.IndexOf(': ')
        if ($i -gt 0) { $values[$line.Substring(0, $i)] = $line.Substring($i + 2) }
    }
    return $values
}
$manifest = Read-Manifest $Jar
$MainClass = $manifest['Main-Class']
$AppVersion = if ($env:FANKEEP_APP_VERSION) { $env:FANKEEP_APP_VERSION } else { $manifest['Implementation-Version'] }
if (-not $MainClass) { Fail "no Main-Class in $Jar" }
if (-not $AppVersion) { Fail "no Implementation-Version in $Jar; set FANKEEP_APP_VERSION" }
$AppVersion = ($AppVersion -split '-')[0]
# MSI ProductVersion: major.minor.build, major/minor <= 255, build <= 65535
if ($AppVersion -notmatch '^\d+(\.\d+){0,2}$') { Fail "app version '$AppVersion' must be N[.N[.N]] for MSI; set FANKEEP_APP_VERSION" }

# ------------------------------------------------------------------ stage
$Work = 'target\jpackage'
if (Test-Path $Work) { Remove-Item $Work -Recurse -Force }
$InputDir = Join-Path $Work 'input'   # not $Input: that name is a PowerShell automatic variable
$FxDir = Join-Path $Work 'javafx'
New-Item -ItemType Directory -Force -Path (Join-Path $InputDir 'lib'), $FxDir | Out-Null
Copy-Item $Jar $InputDir
$nLibs = 0; $nFx = 0
foreach ($entry in ($manifest['Class-Path'] -split ' ' | Where-Object { $_ })) {
    $file = Join-Path 'target' $entry
    $name = Split-Path $entry -Leaf
    if (-not (Test-Path $file)) { Fail "$file is on the manifest Class-Path but missing (run with -Rebuild)" }
    if ($name -like 'javafx-*-win*.jar') { Copy-Item $file $FxDir; $nFx++ }
    elseif ($name -like 'javafx-*.jar') { }   # empty placeholder jars without classifier
    else { Copy-Item $file (Join-Path $InputDir 'lib'); $nLibs++ }
}
if ($nFx -eq 0) { Fail "no javafx-*-win.jar on the Class-Path of $Jar (was it built on Windows?)" }
Log "staged $Jar + $nLibs libraries; $nFx JavaFX platform jars; version $AppVersion"

# ------------------------------------------------------------------ runtime
# jlink here (not inside jpackage) so the JavaFX DLLs can sit in <runtime>\bin, where JavaFX
# looks first; otherwise it extracts them to %USERPROFILE%\.openjfx\cache on every PC.
$Runtime = Join-Path $Work 'runtime'
Invoke-Native $Jlink (@('--module-path', $FxDir, '--add-modules', $Modules) + $JlinkOptions + @('--output', $Runtime))
$nDll = 0
foreach ($fxJar in Get-ChildItem $FxDir -Filter '*.jar') {
    $zip = [System.IO.Compression.ZipFile]::OpenRead($fxJar.FullName)
    try {
        foreach ($e in ($zip.Entries | Where-Object { $_.FullName -notmatch '/' -and $_.Name -like '*.dll' })) {
            $dest = Join-Path $Runtime "bin\$($e.Name)"
            # keep the JDK's own copies of shared DLLs (e.g. the MSVC runtime)
            if (-not (Test-Path $dest)) {
                [System.IO.Compression.ZipFileExtensions]::ExtractToFile($e, $dest, $false)
                $nDll++
            }
        }
    } finally { $zip.Dispose() }
}
if ($nDll -eq 0) { Fail 'no JavaFX DLLs found in the javafx-*-win.jar files' }
Log "runtime: $nDll JavaFX DLLs in bin\"

# second launcher: the console CLI; with no arguments it prints help instead of opening the window
$CliProps = Join-Path $Work 'fankeep-cli.properties'
@"
main-class=$MainClass
description=FanKeep command line (fankeep-cli --help)
arguments=--help
java-options=$($JavaOptions -join ' ') -Djava.awt.headless=true
win-console=true
win-shortcut=false
win-menu=false
"@ | Set-Content -Path $CliProps -Encoding Ascii

$Dest = 'target\installer'
New-Item -ItemType Directory -Force -Path $Dest | Out-Null
$common = @(
    '--dest', $Dest,
    '--name', 'FanKeep',
    '--app-version', $AppVersion,
    '--vendor', 'FanKeep',
    '--description', 'FanKeep - local-first CRM for small online shop owners',
    '--copyright', "Copyright (c) $((Get-Date).Year) FanKeep",
    '--icon', 'installer\icons\fankeep.ico',
    '--input', $InputDir,
    '--main-jar', 'fankeep.jar',
    '--main-class', $MainClass,
    '--runtime-image', $Runtime,
    '--add-launcher', "fankeep-cli=$CliProps"
)
foreach ($o in $JavaOptions) { $common += @('--java-options', $o) }

switch ($Type) {
    'app-image' {
        if (Test-Path "$Dest\FanKeep") { Remove-Item "$Dest\FanKeep" -Recurse -Force }
        Invoke-Native $Jpackage (@('--type', 'app-image') + $common)
        $out = "$Dest\FanKeep"
    }
    default {
        Get-ChildItem $Dest -Filter "FanKeep-*.$Type" -ErrorAction SilentlyContinue | Remove-Item -Force
        $pkg = @('--type', $Type,
                 '--win-menu', '--win-menu-group', 'FanKeep',
                 '--win-shortcut', '--win-shortcut-prompt',
                 '--win-dir-chooser',
                 '--win-upgrade-uuid', $UpgradeUuid)
        if ($PerUser) { $pkg += '--win-per-user-install' }
        Invoke-Native $Jpackage ($pkg + $common)
        $out = (Get-ChildItem $Dest -Filter "FanKeep-*.$Type" | Select-Object -First 1).FullName
    }
}

$secs = [int]((Get-Date) - $started).TotalSeconds
$size = (Get-ChildItem $out -Recurse -File -ErrorAction SilentlyContinue | Measure-Object Length -Sum).Sum
if (-not $size) { $size = (Get-Item $out).Length }
Log ("built {0} in {1} s: {2} ({3:N0} MB)" -f $Type, $secs, $out, ($size / 1MB))
