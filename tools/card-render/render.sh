#!/usr/bin/env bash
# Render an Adaptive Card to PNG: tools/card-render/render.sh CARD.json OUT.png [WIDTH]
# CARD.json is a card, or a Teams webhook body ({"type":"message","attachments":[{"content": card}]}).
# Needs Debian's chromium and `npm ci` in this folder (`make card-screenshots` does both).
# Prints the renderer's parse warnings (which elements fell back) and the PNG's path.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CARD="${1:?usage: render.sh CARD.json OUT.png [WIDTH]}"
OUT="${2:?usage: render.sh CARD.json OUT.png [WIDTH]}"
WIDTH="${3:-680}"
[[ -f "$HERE/node_modules/adaptivecards/dist/adaptivecards.min.js" ]] || { echo "run 'npm ci' in $HERE first" >&2; exit 1; }
command -v chromium >/dev/null || { echo "chromium is not installed (apt-get install -y chromium)" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cp "$HERE/harness.html" "$WORK/harness.html"
ln -s "$HERE/node_modules" "$WORK/node_modules"
# file:// pages cannot fetch() a local file, so the card goes in as a script.
python3 - "$CARD" "$WORK/card-data.js" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
if data.get("type") == "message":
    data = data["attachments"][0]["content"]
open(sys.argv[2], "w", encoding="utf-8").write("window.CARD_JSON = " + json.dumps(data) + ";\n")
PY

chrome() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$WORK/profile" "$@" 2>/dev/null
}
# First pass: the page's height and the renderer's log; second: the screenshot at that height.
chrome --window-size="$WIDTH,800" --dump-dom "file://$WORK/harness.html" > "$WORK/dom.html"
read -r HEIGHT STATUS < <(python3 - "$WORK/dom.html" <<'PY'
import html, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
height = re.search(r'data-height="(\d+)"', dom)
title = re.search(r"<title>(.*?)</title>", dom)
log = re.search(r'<div id="log">(.*?)</div>', dom, re.S)
print(height.group(1) if height else 2000, title.group(1) if title else "RENDER_FAILED")
if log and log.group(1).strip():
    print(html.unescape(log.group(1)), file=sys.stderr)
PY
)
mkdir -p "$(dirname "$OUT")"
chrome --window-size="$WIDTH,$HEIGHT" --screenshot="$OUT" "file://$WORK/harness.html"
[[ "$STATUS" == "RENDER_OK" ]] || { echo "the renderer failed on $CARD" >&2; exit 1; }
echo "wrote $OUT ($WIDTH x $HEIGHT)"
