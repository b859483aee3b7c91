#!/bin/bash
# Regenerate the README's screenshots from the current build, under a virtual X display.
#   scripts/screenshots.sh            # builds release, writes docs/*.png
#   NO_BUILD=1 scripts/screenshots.sh # use the release binary as it is
# Needs Xvfb, ImageMagick (import, convert) and xdotool
# (apt-get install -y xvfb imagemagick xdotool). Self-contained: starts a bare X server per
# shot (no window manager: the app sizes its window to the screen on a first start, and
# keys go to it after `xdotool windowactivate`), drives it with keys, grabs the screen and
# keeps each PNG small (8-bit palette, < 400 KB).
set -eu
cd "$(dirname "$0")/.."
if [ -z "${NO_BUILD:-}" ]; then
  cargo build --release --quiet
fi
bin=$PWD/target/release/touchpoint
sample=$PWD/sample_journeys/move-address.journey.ron
to_be=$PWD/sample_journeys/move-address-to-be.journey.ron
for tool in Xvfb import convert xdotool; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A table to import (ambiguous headers and one unreadable line, for the preview).
cat >"$work/steps.csv" <<'CSV'
Phase;Step;Team;Channel;Score
Notify;Customer reports the move;Customer;phone;6.1
Notify;Identity and account check;Contact centre;phone;7.4
Notify;Move order passed to Billing;Billing;internal system;
Stop old;Final meter read;Field operations;field visit;5.2
Stop old;Final bill for the old address;Billing;letter;4.8
Start new;Welcome pack and tariff letter;Customer communications;letter;three
First bill;First accurate bill;Billing;email;6.6
CSV

# shot OUT.png WxH WAIT "KEYS" -- ARGS...: run the app on a fresh display with fresh
# settings (the first start; SHOT_LANG sets the locale), press KEYS (xdotool key names, 0.6 s apart), save the screen.
shot() {
  local out=$1 size=$2 wait=$3 keys=$4; shift 5
  local disp=:$((100 + RANDOM % 400))
  local home="$work/home-$RANDOM"
  mkdir -p "$home"
  Xvfb "$disp" -screen 0 "${size}x24" >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local TOUCHPOINT_DATA_DIR=$home/data \
    LANG=${SHOT_LANG:-C.UTF-8} LC_ALL=${SHOT_LANG:-C.UTF-8} DISPLAY=$disp LIBGL_ALWAYS_SOFTWARE=1 \
    "$bin" "$@" >"$work/app.log" 2>&1 &
  local app=$!
  sleep "$wait"
  local win
  win=$(DISPLAY=$disp xdotool search --onlyvisible --name . 2>/dev/null | head -1 || true)
  if [ -n "$win" ]; then
    DISPLAY=$disp xdotool windowactivate --sync "$win" >/dev/null 2>&1 || true
    DISPLAY=$disp xdotool windowfocus --sync "$win" >/dev/null 2>&1 || true
  fi
  for k in $keys; do
    case $k in
      wait) sleep 2 ;;
      *) DISPLAY=$disp xdotool key --clearmodifiers "$k"; sleep 0.6 ;;
    esac
  done
  # The pointer out of the way (no hover tooltips).
  DISPLAY=$disp xdotool mousemove 5 5 >/dev/null 2>&1 || true
  sleep 1.5
  DISPLAY=$disp import -window root "$work/shot.png"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  # Fewer colours until the picture is under 400 KB.
  for colors in 96 64 48 32; do
    convert "$work/shot.png" -colors $colors -define png:compression-level=9 "PNG8:$out"
    [ "$(stat -c %s "$out")" -lt 400000 ] && break
  done
  echo "screenshots: wrote $out ($(($(stat -c %s "$out") / 1024)) KB)"
}

# The editor on a laptop-sized screen: readable card names, the start of the journey.
shot docs/screenshot.png 1600x1000 8 "" -- "$sample"
# The interface in Chinese (the system locale on a first start), on the Chinese sample.
SHOT_LANG=zh_CN.UTF-8 shot docs/screenshot-zh-CN.png 1600x1000 8 "" -- "$PWD/sample_journeys/ecommerce.journey.ron"
# On a projector (1920x1080), the whole window given to the map (F9).
shot docs/projector.png 1920x1080 8 "F9" -- "$sample"
# Presentation mode: the whole journey, then zoomed to the third stage (large type).
shot docs/present.png 1920x1080 8 "" -- present "$sample"
shot docs/present-stage.png 1920x1080 8 "Right wait Right wait Right wait" -- present "$sample"
# As-is vs to-be.
shot docs/compare.png 1600x1000 8 "" -- compare "$sample" "$to_be"
# File > Export… (Ctrl+E) with the preview of the map export.
shot docs/export-dialog.png 1600x1000 8 "ctrl+e wait" -- "$sample"
# File > Import… preview of a table (opening a CSV starts its import, as dropping it does).
shot docs/import-preview.png 1600x1000 8 "wait" -- "$work/steps.csv"
# File > Import > Event log…: an event log simulated through the sample and previewed
# (opening an .xes file starts its preview, as dropping it does).
"$bin" generate-log "$sample" --cases 2000 -o "$work/log.xes" >/dev/null
shot docs/eventlog-preview.png 1600x1000 8 "wait" -- "$work/log.xes"

# Issue 16's exported maps after the channel router (docs/routing-*-after.png; the
# "before" pictures were taken at the start of the issue and stay as they are).
route_pic() {
  local src=$1 width=$2 out=$3
  "$bin" export "$src" --date 2026-12-04 -o "$work/route.png" >/dev/null
  for colors in 256 128 96 64; do
    convert "$work/route.png" -resize "${width}x" -colors $colors -define png:compression-level=9 "PNG8:$out"
    [ "$(stat -c %s "$out")" -lt 400000 ] && break
  done
  echo "screenshots: wrote $out ($(($(stat -c %s "$out") / 1024)) KB)"
}
route_pic "$sample" 1200 docs/routing-move-address-after.png
"$bin" generate --touchpoints 200 --seed 7 -o "$work/g200.journey.ron" >/dev/null
route_pic "$work/g200.journey.ron" 1600 docs/routing-generated-200-after.png
