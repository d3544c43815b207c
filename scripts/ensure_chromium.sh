#!/usr/bin/env bash
# The browser tests need Debian's Chromium at /usr/bin/chromium (Playwright's own browser
# download is not used). Install it when missing and we can; otherwise say how, and fail.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installation de Chromium (apt-get install chromium)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
if command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  echo "Installation de Chromium avec sudo (apt-get install chromium)…"
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium est nécessaire pour les tests dans le navigateur : installez le paquet « chromium »" >&2
echo "de votre distribution, ou indiquez son chemin dans la variable CHROMIUM_PATH." >&2
[ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && exit 0
exit 1
