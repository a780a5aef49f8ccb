#!/usr/bin/env bash
# FanKeep 粉丝管家 — Linux installers with jpackage (JDK 25).
#
#   installer/linux/build.sh [app-image|deb] [--rebuild]
#
#   app-image  (default) target/installer/FanKeep/       self-contained folder, runtime included
#   deb                  target/installer/fankeep_<version>_<arch>.deb   (needs fakeroot + dpkg-deb),
#                        laid out from the app image (installer/linux/deb/, ADR 0017)
#   --rebuild            run `mvn -B -q -DskipTests package` even if target/fankeep.jar exists
#
# Environment (all optional):
#   JAVA_HOME                used if it is a JDK >= 25 with jpackage; else /usr/lib/jvm/*25* is searched
#   FANKEEP_APP_VERSION      override the version (default: Implementation-Version of target/fankeep.jar = pom version)
#   FANKEEP_EXTRA_MODULES    extra JDK modules for the runtime, comma separated (e.g. java.prefs)
#   FANKEEP_DEB_MAINTAINER   e-mail for the Maintainer field of the .deb (shown as "FanKeep <e-mail>")
#   FANKEEP_KEEP_TEMP=1      keep jpackage's work folder in target/jpackage/tmp and the .deb tree in target/jpackage/deb
#   FANKEEP_AOT=0            no AOT cache (default: a training run makes lib/app/fankeep.aot; needs $DISPLAY or Xvfb
#                            for the window's classes)
#   FANKEEP_XVFB_DISPLAY     first display number tried for the training's own Xvfb when $DISPLAY is not set (90)
#
# The installed app keeps its data in ~/.local/share/fankeep ($XDG_DATA_HOME/fankeep, or $FANKEEP_HOME).
set -euo pipefail

TYPE=app-image
REBUILD=0
for arg in "$@"; do
  case "$arg" in
    app-image|deb) TYPE="$arg" ;;
    --rebuild) REBUILD=1 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 0 ;;
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
IMG="$DEST/FanKeep"
rm -rf "$IMG"
JP=(
  --type app-image
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
if [[ "${FANKEEP_KEEP_TEMP:-0}" == 1 ]]; then JP+=(--temp "$WORK/tmp" --verbose); fi
"$JPACKAGE" "${JP[@]}"

# ---------------------------------------------------------------- AOT cache (JDK 25, JEP 483/514)
# A training run of the real app records which classes it loads and links; the cache holds them ready
# (parsed, verified, linked), so the next starts skip that work. The run: the sample shop loaded, then
# `bench startup` (window shown, Customers opened, a search typed and answered, window closed) and an import — on
# $DISPLAY, else on an Xvfb of our own. The cache fits only this runtime and these jars (the JVM checks
# and ignores a cache that does not fit), so it is made here, inside the image, and both launchers get
# -XX:AOTCache=$APPDIR/fankeep.aot. Without a display the training is CLI only (fewer classes); where the
# AOT cache cannot be made, a dynamic CDS archive (-XX:ArchiveClassesAtExit) of the same run; else none.
# FANKEEP_AOT=0 skips it.
# An import trains both caches too (ADR 0065): `bench import --into-existing` stores a base of IMPORT_BASE orders (the
# bulk path) and imports IMPORT_ROWS more into it (the normal path, every listener and the duplicates scan), so an
# import's classes are in the cache and their methods' profiles with them (JEP 515): ~0.7 s less class loading and
# compiling in the first import of a process.
IMPORT_TRAINING="bench import --into-existing --base 20000 --rows 2000 --dir"
train() {  # train <JVM option that writes the cache/archive>: the workload, with the image's own runtime
  local data; data=$(mktemp -d)
  local java=("$IMG/lib/runtime/bin/java" --enable-native-access=javafx.graphics,ALL-UNNAMED -Xmx1g
              -cp "$IMG/lib/app/$(basename "$JAR")")
  "${java[@]}" -Djava.awt.headless=true "$MAIN_CLASS" sample load --data-dir "$data/shop" >"$WORK/train.log" 2>&1 || { rm -rf "$data"; return 1; }
  if [[ -n "${TRAIN_DISPLAY:-}" ]]; then
    DISPLAY="$TRAIN_DISPLAY" "${java[@]}" "$1" com.fankeep.AotTraining "bench startup --data-dir $data/shop" \
      "$IMPORT_TRAINING $data/bench" >>"$WORK/train.log" 2>&1
  else
    "${java[@]}" "$1" -Djava.awt.headless=true com.fankeep.AotTraining "customer search 王 --data-dir $data/shop" \
      "$IMPORT_TRAINING $data/bench" >>"$WORK/train.log" 2>&1
  fi
  local rc=$?
  rm -rf "$data"
  return $rc
}
add_java_option() {  # adds a JVM option to every launcher's cfg, first in its [JavaOptions] section
  local cfg
  for cfg in "$IMG"/lib/app/*.cfg; do
    grep -q '^\[JavaOptions\]' "$cfg" || die "no [JavaOptions] in $cfg"
    sed -i "/^\[JavaOptions\]/a java-options=$1" "$cfg"
  done
}
XVFB_PID=""
stop_xvfb() { [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null; XVFB_PID=""; }
trap stop_xvfb EXIT
if [[ "${FANKEEP_AOT:-1}" != 0 ]]; then
  t0=$(date +%s)
  TRAIN_DISPLAY="${DISPLAY:-}"
  if [[ -z "$TRAIN_DISPLAY" ]] && command -v Xvfb >/dev/null; then
    n=${FANKEEP_XVFB_DISPLAY:-90}; n=${n#:}
    while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & XVFB_PID=$!
    sleep 1
    TRAIN_DISPLAY=":$n"
  fi
  [[ -n "$TRAIN_DISPLAY" ]] || log "no display and no Xvfb: the AOT training runs the CLI only (the window's classes are not in the cache)"
  if train "-XX:AOTCacheOutput=$IMG/lib/app/fankeep.aot" && [[ -s "$IMG/lib/app/fankeep.aot" ]]; then
    add_java_option '-XX:AOTCache=$APPDIR/fankeep.aot'
    log "AOT cache: lib/app/fankeep.aot ($(du -h "$IMG/lib/app/fankeep.aot" | cut -f1)), training run $(( $(date +%s) - t0 )) s${TRAIN_DISPLAY:+ on $TRAIN_DISPLAY}"
  elif rm -f "$IMG/lib/app/fankeep.aot" && train "-XX:ArchiveClassesAtExit=$IMG/lib/app/fankeep.jsa" && [[ -s "$IMG/lib/app/fankeep.jsa" ]]; then
    add_java_option '-XX:SharedArchiveFile=$APPDIR/fankeep.jsa'
    log "no AOT cache (see $WORK/train.log); CDS archive lib/app/fankeep.jsa instead"
  else
    rm -f "$IMG/lib/app/fankeep.jsa"
    log "WARNING: neither an AOT cache nor a CDS archive could be made (see $WORK/train.log); the app starts without"
  fi
  stop_xvfb
  # The command-line launcher gets a cache of its own (ADR 0035): the window's cache holds ~10,000 classes a command
  # never needs, and not the commands'. One JVM runs the common reads on the sample shop (com.fankeep.AotTraining):
  # `stats` answers first from the figures noted at the last close, then (after `db info`, which notes none) by
  # opening the file read-only, so both of its paths are in the cache (ADR 0047).
  if [[ -s "$IMG/lib/app/fankeep.aot" ]]; then
    t0=$(date +%s)
    cli_data=$(mktemp -d)
    cli_java=("$IMG/lib/runtime/bin/java" --enable-native-access=javafx.graphics,ALL-UNNAMED -Xmx1g -Djava.awt.headless=true
              -cp "$IMG/lib/app/$(basename "$JAR")")
    if "${cli_java[@]}" "$MAIN_CLASS" sample load --data-dir "$cli_data" >>"$WORK/train.log" 2>&1 \
        && "${cli_java[@]}" "-XX:AOTCacheOutput=$IMG/lib/app/fankeep-cli.aot" com.fankeep.AotTraining \
             "--data-dir $cli_data stats --json" "--data-dir $cli_data stats" "--data-dir $cli_data customer search 王" \
             "--data-dir $cli_data backup list" "--data-dir $cli_data db info" "--data-dir $cli_data stats --json" \
             "--version" "$IMPORT_TRAINING $cli_data-bench" >>"$WORK/train.log" 2>&1 \
        && [[ -s "$IMG/lib/app/fankeep-cli.aot" ]]; then
      sed -i 's|^java-options=-XX:AOTCache=$APPDIR/fankeep.aot$|java-options=-XX:AOTCache=$APPDIR/fankeep-cli.aot|' "$IMG/lib/app/fankeep-cli.cfg"
      log "AOT cache of the command line: lib/app/fankeep-cli.aot ($(du -h "$IMG/lib/app/fankeep-cli.aot" | cut -f1)), $(( $(date +%s) - t0 )) s"
    else
      rm -f "$IMG/lib/app/fankeep-cli.aot"
      log "no AOT cache of its own for the command line (see $WORK/train.log): it uses the window's"
    fi
    rm -rf "$cli_data" "$cli_data-bench"
  fi
fi

case "$TYPE" in
  app-image)
    OUT="$IMG"
    ;;
  deb)
    command -v fakeroot >/dev/null || die "fakeroot missing (apt-get install -y fakeroot)"
    command -v dpkg-deb >/dev/null || die "dpkg-deb missing"
    # The package is laid out here from the app image (not by `jpackage --type deb`, whose maintainer
    # scripts run xdg-desktop-menu and fail where no XDG menu folders exist — ADR 0017): the app in
    # /opt/fankeep, the menu entry and icons where Debian keeps them (the desktop-file-utils and
    # icon-cache triggers pick them up; no maintainer script needed), /usr/bin/fankeep-cli a symlink
    # shipped as a file, so dpkg itself creates and removes it.
    # Depends: GTK 3 (pulls in glib/pango/cairo) under its old and its t64 name (Ubuntu 24.04 /
    # Debian 13), X11 libraries for AWT, Chinese fonts. Recommends: an outline emoji font
    # JavaFX can draw (it draws nothing for fonts-noto-color-emoji's colour bitmaps; ADR 0017).
    DEB_DEPENDS="libgtk-3-0t64 | libgtk-3-0, fonts-noto-cjk, libgl1, libx11-6, libxext6, libxi6, libxrender1, libxtst6, libfreetype6, libfontconfig1, zlib1g"
    DEB_RECOMMENDS="fonts-symbola"
    ARCH=$(dpkg --print-architecture)
    PKG="$WORK/deb"
    rm -rf "$PKG"
    mkdir -p "$PKG/DEBIAN" "$PKG/opt" "$PKG/usr/bin" "$PKG/usr/share/applications" "$PKG/usr/share/doc/fankeep"
    cp -a "$IMG" "$PKG/opt/fankeep"   # -a keeps the jars' times: the AOT cache checks them
    ln -s /opt/fankeep/bin/fankeep-cli "$PKG/usr/bin/fankeep-cli"
    install -m 644 installer/linux/deb/fankeep.desktop "$PKG/usr/share/applications/fankeep.desktop"
    for d in installer/icons/hicolor/*x*; do
      install -D -m 644 "$d/fankeep.png" "$PKG/usr/share/icons/hicolor/$(basename "$d")/apps/fankeep.png"
    done
    sed "s/@YEAR@/$(date +%Y)/" installer/linux/deb/copyright > "$PKG/usr/share/doc/fankeep/copyright"
    install -m 755 installer/linux/deb/prerm "$PKG/DEBIAN/prerm"
    chmod -R u+rwX,go+rX,go-w "$PKG/opt" "$PKG/usr"
    SIZE=$(du -sk --exclude=DEBIAN "$PKG" | cut -f1)
    sed -e "s/@VERSION@/$APP_VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_SIZE@/$SIZE/" \
        -e "s/@MAINTAINER@/${FANKEEP_DEB_MAINTAINER:-fankeep@example.invalid}/" \
        -e "s/@DEPENDS@/$DEB_DEPENDS/" -e "s/@RECOMMENDS@/$DEB_RECOMMENDS/" \
        installer/linux/deb/control.in > "$PKG/DEBIAN/control"
    ( cd "$PKG" && find opt usr -type f -print0 | sort -z | xargs -0 md5sum > DEBIAN/md5sums )
    rm -f "$DEST"/fankeep_*.deb
    OUT="$DEST/fankeep_${APP_VERSION}_${ARCH}.deb"
    fakeroot dpkg-deb --root-owner-group -Zxz --build "$PKG" "$OUT" >/dev/null
    [[ "${FANKEEP_KEEP_TEMP:-0}" == 1 ]] || rm -rf "$PKG"
    ;;
esac

END=$(date +%s)
log "built $TYPE in $((END - START)) s: $OUT ($(du -sh "$OUT" | cut -f1))"
