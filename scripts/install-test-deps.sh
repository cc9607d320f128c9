#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK on a Debian machine: Chromium for the browser tests and the PDF
# export, poppler-utils (pdftotext, pdfinfo, pdftoppm) to read the PDFs back, and a font with Chinese characters, so
# the screenshot of a policy in Chinese shows its text rather than empty boxes. Does nothing when all are there.
# Uses sudo only when not running as root.
set -euo pipefail

packages=()
if [[ ! -x /usr/bin/chromium ]]; then
  packages+=(chromium)
fi
if [[ ! -x /usr/bin/pdftotext || ! -x /usr/bin/pdftoppm ]]; then
  packages+=(poppler-utils)
fi
if [[ ! -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]]; then
  packages+=(fonts-wqy-microhei)
fi
if [[ ${#packages[@]} -eq 0 ]]; then
  exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  sudo=(sudo)
fi

echo "Installing ${packages[*]} for the tests..."
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"
