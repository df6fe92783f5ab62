#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (nothing may download a browser of its own).
# Installs it with apt-get when missing and we are allowed to; otherwise says what to do.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu) and try again." >&2
exit 1
