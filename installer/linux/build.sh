#!/usr/bin/env bash
# FanKeep 粉丝管家 — Linux installers with jpackage (JDK 25).
#
#   installer/linux/build.sh [app-image|deb] [--rebuild]
#
#   app-image  (default) target/installer/FanKeep/       self-contained folder, runtime included
#   deb                  target/installer/fankeep_<version>_<arch>.deb   (needs fakeroot + dpkg-deb)
#   --rebuild            run `mvn -B -q -DskipTests package` even if target/fankeep.jar exists
#
# Environment (all optional):
#   JAVA_HOME                used if it is a JDK >= 25 with jpackage; else /usr/lib/jvm/*25* is searched
#   FANKEEP_APP_VERSION      override the version (default: Implementation-Version of target/fankeep.jar = pom version)
#   FANKEEP_EXTRA_MODULES    extra JDK modules for the runtime, comma separated (e.g. java.prefs)
#   FANKEEP_DEB_MAINTAINER   e-mail for the Maintainer field of the .deb (shown as "FanKeep <e-mail>")
#   FANKEEP_KEEP_TEMP=1      keep jpackage's work folder in target/jpackage/tmp (to inspect generated files)
#
# The installed app keeps its data in ~/.local/share/fankeep ($XDG_DATA_HOME/fankeep, or $FANKEEP_HOME).
set -euo pipefail

TYPE=app-image
REBUILD=0
for arg in "$@"; do
  case "$arg" in
    app-image|deb) TYPE="$arg" ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (expected app-image, deb or --rebuild)" >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
START=$(date +%s)
log() { printf '[installer] %s\n' "$*" >&2; }
die() { printf '[installer] ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- JDK 25
# shellcheck source=installer/linux/jdk.sh
source "$ROOT/installer/linux/jdk.sh"
find_jdk
JPACKAGE="$JDK/bin/jpackage"
log "JDK: $JDK ($("$JDK/bin/java" -version 2>&1 | head -1))"

# ---------------------------------------------------------------- the jar
JAR=target/fankeep.jar
if [[ $REBUILD -eq 1 || ! -f "$JAR" ]]; then
  log "building $JAR: mvn -B -q -DskipTests package"
  command -v mvn >/dev/null || die "mvn not found"
  mvn -B -q -DskipTests package
fi
[[ -f "$JAR" ]] || die "$JAR missing after the Maven build"
if [[ -n "$(find src pom.xml -newer "$JAR" -type f -print -quit 2>/dev/null)" ]]; then
  log "WARNING: sources are newer than $JAR — pass --rebuild to package the current code"
fi

WORK=target/jpackage
rm -rf "$WORK"
mkdir -p "$WORK/input/lib" "$WORK/javafx" "$WORK/meta"

# the manifest says which libraries the jar needs (target/lib may hold stale jars from older builds)
( cd "$WORK/meta" && "$JDK/bin/jar" xf "$ROOT/$JAR" META-INF/MANIFEST.MF )
MANIFEST="$WORK/meta/META-INF/MANIFEST.MF"
manifest_value() {  # unfolds 72-column continuation lines, prints the value of header $1
  tr -d '\r' < "$MANIFEST" | awk -v key="$1" '
    /^ / { if (cur == key) val = val substr($0, 2); next }
    { cur = ""; i = index($0, ": "); if (i > 0 && substr($0, 1, i - 1) == key) { cur = key; val = substr($0, i + 2) } }
    END { print val }'
}
MAIN_CLASS=$(manifest_value Main-Class)
CLASS_PATH=$(manifest_value Class-Path)
APP_VERSION="${FANKEEP_APP_VERSION:-$(manifest_value Implementation-Version)}"
[[ -n "$MAIN_CLASS" ]] || die "no Main-Class in $JAR"
[[ -n "$APP_VERSION" ]] || die "no Implementation-Version in $JAR; set FANKEEP_APP_VERSION"
# jpackage wants digits and dots (deb also accepts more, but keep one rule for all platforms)
APP_VERSION="${APP_VERSION%%-*}"
[[ "$APP_VERSION" =~ ^[0-9]+(\.[0-9]+){0,3}$ ]] || die "app version '$APP_VERSION' is not N[.N[.N[.N]]]; set FANKEEP_APP_VERSION"

# ---------------------------------------------------------------- stage
# app jar + non-JavaFX libraries -> input/ (same lib/ layout as the manifest Class-Path);
# JavaFX platform jars -> javafx/ for --module-path (jlink puts them into the runtime).
# The empty javafx-*-<version>.jar (no classifier) are dropped; the Class-Path entries that point
# at JavaFX jars are simply absent in the image, which the JVM ignores.
cp "$JAR" "$WORK/input/"
n_libs=0; n_fx=0
for entry in $CLASS_PATH; do
  f="target/$entry"
  name="$(basename "$entry")"
  [[ -f "$f" ]] || die "$f is on the manifest Class-Path but missing (run with --rebuild)"
  case "$name" in
    javafx-*-linux*.jar) cp "$f" "$WORK/javafx/"; n_fx=$((n_fx + 1)) ;;
    javafx-*.jar) ;;
    *) cp "$f" "$WORK/input/lib/"; n_libs=$((n_libs + 1)) ;;
  esac
done
[[ $n_fx -gt 0 ]] || die "no javafx-*-linux*.jar on the Class-Path of $JAR"
log "staged $JAR + $n_libs libraries; $n_fx JavaFX platform jars on the module path; version $APP_VERSION"

# JDK modules the app needs (checked with jdeps over all jars, then by running the CLI in the image):
#   java.sql (+ java.transaction.xa)  H2, Flyway, jOOQ       java.naming, java.management  H2
#   java.desktop  POI, beans, AWT      java.xml  POI, fastexcel, jOOQ     java.logging  slf4j-jdk14, Flyway
#   java.scripting  commons-text, H2 (API only, tiny)      jdk.unsupported  JavaFX, sun.misc.Unsafe users
#   jdk.charsets  the rest of the Chinese charsets. Linux builds keep GBK/GB18030/Big5 in java.base,
#                 but macOS has GBK only here and Windows has Big5 only here; also x-mswin-936,
#                 EUC-TW, ISO-2022-CN, Big5-HKSCS… that juniversalchardet may report. Same list on every OS.
#   jdk.localedata  zh dates/numbers (with --include-locales)
#   jdk.zipfs  provider for FileSystems.newFileSystem(zip); no static use found, kept for zip/xlsx handling (~100 KB)
# jdk.crypto.ec is left out: since JDK 22 it is an empty module (EC lives in java.base).
MODULES="javafx.controls,javafx.swing,java.sql,java.desktop,java.logging,java.naming,java.management,java.xml,java.scripting,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.zipfs"
[[ -n "${FANKEEP_EXTRA_MODULES:-}" ]] && MODULES="$MODULES,$FANKEEP_EXTRA_MODULES"

JLINK_OPTIONS=(--strip-debug --no-man-pages --no-header-files --include-locales=en,zh)
JAVA_OPTS=(--java-options "--enable-native-access=javafx.graphics,ALL-UNNAMED" --java-options "-Xmx1g")

# ---------------------------------------------------------------- runtime
# jlink runs here rather than inside jpackage (same modules and options as
# `jpackage --add-modules … --jlink-options …`) so that the JavaFX native libraries can be copied
# next to the JDK's own: JavaFX looks for them in <runtime>/lib first. Linked straight from the
# jars they would only exist as resources, and JavaFX would extract them on every machine into
# ~/.openjfx/cache (breaks on noexec homes, leaves files behind). The JavaFX jmods would do the
# same, but they are not on Maven Central.
RUNTIME="$WORK/runtime"
"$JDK/bin/jlink" --module-path "$WORK/javafx" --add-modules "$MODULES" "${JLINK_OPTIONS[@]}" --output "$RUNTIME"
n_so=0
for j in "$WORK"/javafx/*.jar; do
  mapfile -t libs < <("$JDK/bin/jar" tf "$j" | grep -E '^[^/]+\.so$' || true)
  if [[ ${#libs[@]} -gt 0 ]]; then
    ( cd "$RUNTIME/lib" && "$JDK/bin/jar" xf "$ROOT/$j" "${libs[@]}" )
    n_so=$((n_so + ${#libs[@]}))
  fi
done
[[ $n_so -gt 0 ]] || die "no JavaFX native libraries found in $WORK/javafx/*.jar"
log "runtime: $(tr -d '"' < "$RUNTIME/release" | sed -n 's/^MODULES=//p' | wc -w) modules, $n_so JavaFX native libraries in lib/"

# second launcher: the CLI. With no arguments it prints help instead of opening the window.
cat > "$WORK/fankeep-cli.properties" <<EOF
main-class=$MAIN_CLASS
description=FanKeep command line (fankeep-cli --help)
arguments=--help
java-options=--enable-native-access=javafx.graphics,ALL-UNNAMED -Xmx1g -Djava.awt.headless=true
win-console=true
win-shortcut=false
win-menu=false
linux-shortcut=false
EOF

DEST=target/installer
mkdir -p "$DEST"
COMMON=(
  --dest "$DEST"
  --name FanKeep
  --app-version "$APP_VERSION"
  --vendor "FanKeep"
  --description "FanKeep 粉丝管家 — local-first CRM for small online shop owners"
  --copyright "Copyright (c) $(date +%Y) FanKeep"
  --icon installer/icons/fankeep.png
  --input "$WORK/input"
  --main-jar "$(basename "$JAR")"
  --main-class "$MAIN_CLASS"
  --runtime-image "$RUNTIME"
  "${JAVA_OPTS[@]}"
  --add-launcher "fankeep-cli=$WORK/fankeep-cli.properties"
)
if [[ "${FANKEEP_KEEP_TEMP:-0}" == 1 ]]; then COMMON+=(--temp "$WORK/tmp" --verbose); fi

case "$TYPE" in
  app-image)
    rm -rf "$DEST/FanKeep"
    "$JPACKAGE" --type app-image "${COMMON[@]}"
    OUT="$DEST/FanKeep"
    ;;
  deb)
    command -v fakeroot >/dev/null || die "fakeroot missing (apt-get install -y fakeroot)"
    command -v dpkg-deb >/dev/null || die "dpkg-deb missing"
    # Depends: jpackage would add every library package its ldd scan finds on *this* machine
    # (libgtk-3-0, libasound2, libglib2.0-0 …); Ubuntu 24.04 / Debian 13 renamed several of them
    # (…t64), so that list would not install there. installer/linux/resources/control replaces it
    # with this list (GTK 3 pulls in glib/pango/cairo; X11 libraries for AWT; xdg-utils runs the
    # menu entry scripts). The same string goes to --linux-package-deps for the record.
    DEB_DEPENDS="libgtk-3-0t64 | libgtk-3-0, fonts-noto-cjk, xdg-utils, libgl1, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libfreetype6, libfontconfig1, zlib1g"
    APP_DIR=/opt/fankeep
    RES="$WORK/resources"
    mkdir -p "$RES"
    for f in installer/linux/resources/*; do
      sed -e "s#@DEB_DEPENDS@#$DEB_DEPENDS#g" -e "s#@APP_DIR@#$APP_DIR#g" "$f" > "$RES/$(basename "$f")"
    done
    chmod 755 "$RES/postinst" "$RES/prerm"
    rm -f "$DEST"/fankeep_*.deb
    "$JPACKAGE" --type deb "${COMMON[@]}" \
      --resource-dir "$RES" \
      --install-dir "$(dirname "$APP_DIR")" \
      --linux-package-name "$(basename "$APP_DIR")" \
      --linux-deb-maintainer "${FANKEEP_DEB_MAINTAINER:-fankeep@example.invalid}" \
      --linux-package-deps "$DEB_DEPENDS" \
      --linux-app-category misc \
      --linux-menu-group "Office;ContactManagement;" \
      --linux-shortcut
    OUT="$(ls "$DEST"/fankeep_*.deb)"
    ;;
esac

END=$(date +%s)
log "built $TYPE in $((END - START)) s: $OUT ($(du -sh "$OUT" | cut -f1))"
