#!/usr/bin/env bash
# Screenshots for the README: FanKeep on the current DISPLAY at 1366x768 with the sample shop (in a temp folder);
# every sidebar page and a profile in Chinese, Customers and Win back in English, written to docs/screenshots/.
# Run from the project folder after merging:  DISPLAY=:0 bash installer/linux/screenshots.sh [out-dir]
# (under Xvfb:  Xvfb :13 -screen 0 1366x768x24 &  DISPLAY=:13 bash installer/linux/screenshots.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-docs/screenshots}"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java_bin="java"
if [ -n "${JAVA_HOME:-}" ]; then java_bin="$JAVA_HOME/bin/java"; fi
"$java_bin" --enable-native-access=ALL-UNNAMED -Dprism.order=sw -Dfile.encoding=UTF-8 \
    -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" com.fankeep.ui.ScreenshotTour "$out"
