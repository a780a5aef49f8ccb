#!/usr/bin/env bash
# FanKeep 粉丝管家 — macOS installers with jpackage (JDK 25).
#
# NOT BUILT OR TESTED: written on Linux without a Mac. It mirrors installer/linux/build.sh,
# which was built and verified. See installer/macos/README.md.
#
#   installer/macos/build.sh [dmg|pkg|app-image] [--rebuild]
#
#   dmg        (default) target/installer/FanKeep-<version>.dmg   drag-to-Applications disk image
#   pkg                  target/installer/FanKeep-<version>.pkg   installer package
#   app-image            target/installer/FanKeep.app
#   --rebuild            run `mvn -B -q -DskipTests package` even if target/fankeep.jar exists
#
# Environment (all optional):
#   JAVA_HOME                 used if it is a JDK >= 25 with jpackage; else `/usr/libexec/java_home -v 25+`
#   FANKEEP_APP_VERSION       version to stamp (default: Implementation-Version of the jar = pom version).
#                             jpackage on macOS refuses a first number of 0 (CFBundleVersion rule), so
#                             while the pom is 0.x set this, e.g. FANKEEP_APP_VERSION=1.0.0
#   FANKEEP_EXTRA_MODULES     extra JDK modules, comma separated
#   FANKEEP_MAC_SIGN_IDENTITY Apple Developer ID to sign with: "Name (TEAMID)" or the full
#                             "Developer ID Application: Name (TEAMID)"; jpackage derives the
#                             Application/Installer identities from it. Unset = no certificate
#                             signature (see README: Gatekeeper)
#   FANKEEP_MAC_KEYCHAIN      keychain holding that identity (default: the login keychain)
#
# The installed app keeps its data in ~/Library/Application Support/FanKeep (or $FANKEEP_HOME).
set -euo pipefail

TYPE=dmg
REBUILD=0
for arg in "$@"; do
  case "$arg" in
    dmg|pkg|app-image) TYPE="$arg" ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (expected dmg, pkg, app-image or --rebuild)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
START=$(date +%s)
log() { printf '[installer] %s\n' "$*" >&2; }
die() { printf '[installer] ERROR: %s\n' "$*" >&2; exit 1; }
[[ "$(uname -s)" == Darwin ]] || die "run this on macOS (jpackage builds .dmg/.pkg only on a Mac)"

# ---------------------------------------------------------------- JDK 25
jdk_major() { [[ -f "$1/release" ]] && sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" || true; }
usable_jdk() { local m; m=$(jdk_major "$1"); [[ -n "$m" && "$m" -ge 25 && -x "$1/bin/jpackage" ]]; }
JDK=""
if [[ -n "${JAVA_HOME:-}" ]] && usable_jdk "$JAVA_HOME"; then
  JDK="$JAVA_HOME"
else
  cand="$(/usr/libexec/java_home -v 25+ 2>/dev/null || true)"
  if [[ -n "$cand" ]] && usable_jdk "$cand"; then JDK="$cand"; fi
fi
[[ -n "$JDK" ]] || die "no JDK >= 25 with jpackage (install Temurin 25 for $(uname -m) or set JAVA_HOME)"
log "JDK: $JDK ($("$JDK/bin/java" -version 2>&1 | head -1))"

# ---------------------------------------------------------------- the jar
JAR=target/fankeep.jar
if [[ $REBUILD -eq 1 || ! -f "$JAR" ]]; then
  log "building $JAR: mvn -B -q -DskipTests package"
  mvn -B -q -DskipTests package
fi
[[ -f "$JAR" ]] || die "$JAR missing after the Maven build"

WORK=target/jpackage
rm -rf "$WORK"
mkdir -p "$WORK/input/lib" "$WORK/javafx" "$WORK/meta"
( cd "$WORK/meta" && "$JDK/bin/jar" xf "$ROOT/$JAR" META-INF/MANIFEST.MF )
manifest_value() {
  tr -d '\r' < "$WORK/meta/META-INF/MANIFEST.MF" | awk -v key="$1" '
    /^ / { if (cur == key) val = val substr($0, 2); next }
    { cur = ""; i = index($0, ": "); if (i > 0 && substr($0, 1, i - 1) == key) { cur = key; val = substr($0, i + 2) } }
    END { print val }'
}
MAIN_CLASS=$(manifest_value Main-Class)
CLASS_PATH=$(manifest_value Class-Path)
APP_VERSION="${FANKEEP_APP_VERSION:-$(manifest_value Implementation-Version)}"
APP_VERSION="${APP_VERSION%%-*}"
[[ -n "$MAIN_CLASS" ]] || die "no Main-Class in $JAR"
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "app version '$APP_VERSION' must be N[.N[.N]] on macOS; set FANKEEP_APP_VERSION"
if [[ "${APP_VERSION%%.*}" -eq 0 ]]; then
  die "app version $APP_VERSION starts with 0, which jpackage refuses on macOS (CFBundleVersion); set e.g. FANKEEP_APP_VERSION=1.0.0"
fi

# ---------------------------------------------------------------- stage
n_libs=0; n_fx=0
cp "$JAR" "$WORK/input/"
for entry in $CLASS_PATH; do
  f="target/$entry"; name="$(basename "$entry")"
  [[ -f "$f" ]] || die "$f is on the manifest Class-Path but missing (run with --rebuild)"
  case "$name" in
    javafx-*-mac*.jar) cp "$f" "$WORK/javafx/"; n_fx=$((n_fx + 1)) ;;   # mac (x64) or mac-aarch64
    javafx-*.jar) ;;
    *) cp "$f" "$WORK/input/lib/"; n_libs=$((n_libs + 1)) ;;
  esac
done
[[ $n_fx -gt 0 ]] || die "no javafx-*-mac*.jar on the Class-Path of $JAR (build the jar on this Mac)"
log "staged $JAR + $n_libs libraries; $n_fx JavaFX jars; version $APP_VERSION; arch $(uname -m)"

# ---------------------------------------------------------------- runtime
# Same module list as Linux. On macOS jdk.charsets is what provides GBK at all (it is not in java.base there).
MODULES="javafx.controls,javafx.swing,java.sql,java.desktop,java.logging,java.naming,java.management,java.xml,java.scripting,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.zipfs"
[[ -n "${FANKEEP_EXTRA_MODULES:-}" ]] && MODULES="$MODULES,$FANKEEP_EXTRA_MODULES"
RUNTIME="$WORK/runtime"
"$JDK/bin/jlink" --module-path "$WORK/javafx" --add-modules "$MODULES" \
  --strip-debug --no-man-pages --no-header-files --include-locales=en,zh --output "$RUNTIME"
# JavaFX looks for its .dylib files in <runtime>/lib first; copy them there before jpackage
# signs the bundle (otherwise JavaFX unpacks unsigned copies into ~/.openjfx/cache at run time).
n_so=0
for j in "$WORK"/javafx/*.jar; do
  libs=()
  while IFS= read -r l; do libs+=("$l"); done < <("$JDK/bin/jar" tf "$j" | grep -E '^[^/]+\.dylib$' || true)
  if [[ ${#libs[@]} -gt 0 ]]; then
    ( cd "$RUNTIME/lib" && "$JDK/bin/jar" xf "$ROOT/$j" "${libs[@]}" )
    n_so=$((n_so + ${#libs[@]}))
  fi
done
[[ $n_so -gt 0 ]] || die "no .dylib files in $WORK/javafx/*.jar"

# ---------------------------------------------------------------- icon (.icns from the PNG)
ICONSET="$WORK/FanKeep.iconset"
mkdir -p "$ICONSET"
for s in 16 32 128 256; do
  sips -z $s $s installer/icons/fankeep.png --out "$ICONSET/icon_${s}x${s}.png" >/dev/null
  d=$((s * 2))
  sips -z $d $d installer/icons/fankeep.png --out "$ICONSET/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns "$ICONSET" -o "$WORK/FanKeep.icns"

# ---------------------------------------------------------------- jpackage
cat > "$WORK/fankeep-cli.properties" <<EOF
main-class=$MAIN_CLASS
description=FanKeep command line (fankeep-cli --help)
arguments=--help
java-options=--enable-native-access=javafx.graphics,ALL-UNNAMED -Xmx1g -Djava.awt.headless=true
EOF

DEST=target/installer
mkdir -p "$DEST"
ARGS=(
  --dest "$DEST"
  --name FanKeep
  --app-version "$APP_VERSION"
  --vendor "FanKeep"
  --description "FanKeep 粉丝管家 — local-first CRM for small online shop owners"
  --copyright "Copyright (c) $(date +%Y) FanKeep"
  --icon "$WORK/FanKeep.icns"
  --input "$WORK/input"
  --main-jar "$(basename "$JAR")"
  --main-class "$MAIN_CLASS"
  --runtime-image "$RUNTIME"
  --java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED"
  --java-options "-Xmx1g"
  --add-launcher "fankeep-cli=$WORK/fankeep-cli.properties"
  --mac-package-identifier com.fankeep.app
  --mac-package-name FanKeep
  --mac-app-category public.app-category.business
)
if [[ -n "${FANKEEP_MAC_SIGN_IDENTITY:-}" ]]; then
  ARGS+=(--mac-sign --mac-signing-key-user-name "${FANKEEP_MAC_SIGN_IDENTITY#Developer ID Application: }")
  [[ -n "${FANKEEP_MAC_KEYCHAIN:-}" ]] && ARGS+=(--mac-signing-keychain "$FANKEEP_MAC_KEYCHAIN")
fi

case "$TYPE" in
  app-image) rm -rf "$DEST/FanKeep.app" ;;
  *) rm -f "$DEST"/FanKeep-*."$TYPE" ;;
esac
"$JDK/bin/jpackage" --type "$TYPE" "${ARGS[@]}"
OUT="$DEST/FanKeep.app"
[[ "$TYPE" != app-image ]] && OUT="$(ls "$DEST"/FanKeep-*."$TYPE")"

END=$(date +%s)
log "built $TYPE in $((END - START)) s: $OUT ($(du -sh "$OUT" | cut -f1))"
