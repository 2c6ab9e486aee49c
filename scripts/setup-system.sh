#!/bin/sh
# The project's one system setup script (Debian 12). Idempotent: when every package below is
# installed it exits at once without touching the network. Run it as root (`bash scripts/setup-system.sh`)
# or as a user who has sudo (the script then calls sudo itself for apt-get).
#
#   chromium           headless browser for test/browser (report.html opens in a real browser)
#   fonts-dejavu-core  DejaVu Sans, the chart font; PNG rendering (resvg) needs its .ttf files
#   fonts-noto-cjk     Noto Sans CJK, for charts with Chinese labels (locale 'zh')
#   poppler-utils      pdftotext, to read the report's PDF page by page (test/browser/print.test.ts)
#   jupyter-notebook, jupyter-nbconvert, python3-nbclient, python3-ipykernel, jupyter-client
#                      Jupyter (/usr/bin/jupyter): `jupyter notebook` to open notebooks/ in a browser,
#                      nbconvert and the kernel client to run them with the project's Deno kernel
#                      (test/notebooks.test.ts executes them with nbconvert)
#
# Nothing is downloaded except Debian packages through apt-get.
set -eu

PACKAGES="chromium fonts-dejavu-core fonts-noto-cjk poppler-utils jupyter-notebook jupyter-nbconvert python3-nbclient python3-ipykernel jupyter-client"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing="$missing $p"
  fi
done

if [ -z "$missing" ]; then
  echo "setup-system: all present ($PACKAGES)"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-system: missing:$missing; run this script as root" >&2
    exit 1
  fi
fi

echo "setup-system: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run to finish instead of failing on its lock.
$SUDO apt-get -o DPkg::Lock::Timeout=900 update
# shellcheck disable=SC2086
$SUDO apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends $missing
echo "setup-system: done"
