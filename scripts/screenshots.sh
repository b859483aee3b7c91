#!/bin/bash
# Regenerate the README's screenshots from the current build, under a virtual X display.
#   scripts/screenshots.sh            # writes docs/*.png
# Needs Xvfb, ImageMagick (import) and xdotool (apt-get install -y xvfb imagemagick xdotool).
# Self-contained: builds the release binary, starts Xvfb per shot, drives the app with
# xdotool keys, and grabs the screen.
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/touchpoint
sample=sample_journeys/move-address.journey.ron
for tool in Xvfb import xdotool; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 2; }
done

# shot OUT.png WxH WAIT "KEYS" -- ARGS...: run the app on a fresh display, press KEYS
# (xdotool key names, 0.4 s apart), then save the screen.
shot() {
  local out=$1 size=$2 wait=$3 keys=$4; shift 5
  local disp=:$((100 + RANDOM % 400))
  local home; home=$(mktemp -d)
  Xvfb "$disp" -screen 0 "${size}x24" >/dev/null 2>&1 & local xvfb=$!
  sleep 1
  # A fresh settings folder each time: the first-start window and zoom.
  HOME=$home XDG_CONFIG_HOME=$home XDG_DATA_HOME=$home DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 \
    "$bin" "$@" >/dev/null 2>&1 & local app=$!
  sleep "$wait"
  for k in $keys; do DISPLAY=$disp xdotool key --clearmodifiers "$k"; sleep 0.4; done
  sleep 1
  DISPLAY=$disp import -window root "$out"
  kill "$app" "$xvfb" 2>/dev/null || true
  wait "$app" "$xvfb" 2>/dev/null || true
  rm -rf "$home"
  echo "screenshots: wrote $out"
}

shot docs/screenshot.png 1600x1000 6 "" -- "$sample"
# Presentation mode on the first stage (`touchpoint present`, then the next stage).
shot docs/present.png 1920x1080 6 "Right" -- present "$sample"
