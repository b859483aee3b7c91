#!/usr/bin/env bash
# Regenerate docs/report-*.png: page images of the PDF report and of the HTML report as
# headless Chromium prints it, for the move-address and e-commerce samples.
# Needs poppler-utils, chromium and imagemagick (apt-get install poppler-utils chromium imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${TOUCHPOINT:-target/release/touchpoint}
[ -n "${TOUCHPOINT:-}" ] || cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pages() { # pdf out.png
  pdftoppm -r 36 -png "$1" "$tmp/page"
  montage "$tmp"/page-*.png -tile 6x -geometry +6+6 -background '#d0d7de' "$2"
  rm -f "$tmp"/page-*.png
}
for s in move-address ecommerce; do
  compare=()
  [ "$s" = move-address ] && compare=(--compare sample_journeys/move-address-to-be.journey.ron)
  "$bin" export "sample_journeys/$s.journey.ron" -o "$tmp/$s.pdf" --report "${compare[@]}" --date 2026-12-02
  pages "$tmp/$s.pdf" "docs/report-pdf-$s.png"
  "$bin" export "sample_journeys/$s.journey.ron" -o "$tmp/$s.html" "${compare[@]}" --date 2026-12-02
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
    --user-data-dir="$tmp/profile" --print-to-pdf="$tmp/$s.print.pdf" "file://$tmp/$s.html" 2>/dev/null
  pages "$tmp/$s.print.pdf" "docs/report-print-$s.png"
done
ls -la docs/report-*.png
