#!/usr/bin/env bash
# Regenerates installer/icons/fankeep.png (256x256: a warm rounded square with a white 粉)
# and installer/icons/fankeep.ico (16…256 px, for Windows).
# Needs ImageMagick 6/7 and fonts-noto-cjk (apt-get install -y imagemagick fonts-noto-cjk).
# Both files are committed; run this only to change the design.
set -euo pipefail
cd "$(dirname "$0")"
IM=convert; command -v magick >/dev/null 2>&1 && IM=magick
FONT=Noto-Sans-CJK-SC-Bold
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# warm gradient (coral -> rose), clipped to a rounded square with a 12 px margin
"$IM" -size 232x232 gradient:'#FF8A5B-#E84A5F' "$tmp/grad.png"
"$IM" -size 232x232 xc:none -fill white -draw 'roundrectangle 0,0 231,231 52,52' "$tmp/mask.png"
"$IM" "$tmp/grad.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite "$tmp/tile.png"

# soft shadow under the tile, then the character
"$IM" -size 256x256 xc:none \
  \( "$tmp/tile.png" -background '#00000055' -shadow 60x4+0+3 \) -gravity center -geometry +0+2 -composite \
  "$tmp/tile.png" -gravity center -composite \
  -font "$FONT" -pointsize 144 -fill white -gravity center -annotate +0+4 '粉' \
  -depth 8 -define png:color-type=6 -strip fankeep.png
echo "wrote $(pwd)/fankeep.png"

# Windows needs an .ico for jpackage --icon (macOS builds its .icns from the PNG at build time)
"$IM" fankeep.png -define icon:auto-resize=256,128,64,48,32,24,16 fankeep.ico
echo "wrote $(pwd)/fankeep.ico"

# Linux: one PNG per hicolor size for /usr/share/icons/hicolor/<size>/apps/fankeep.png (the .deb)
for s in 16 24 32 48 64 128 256; do
  mkdir -p "hicolor/${s}x${s}"
  "$IM" fankeep.png -resize "${s}x${s}" -depth 8 -define png:color-type=6 -strip "hicolor/${s}x${s}/fankeep.png"
done
echo "wrote $(pwd)/hicolor/*/fankeep.png"
