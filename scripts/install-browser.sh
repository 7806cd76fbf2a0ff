#!/usr/bin/env bash
# Installs Debian's Chromium and ChromeDriver for the browser tests (tests/test_web_page.py),
# when they are missing. Only Debian's packages: never a browser downloaded from elsewhere.
# Without root (a developer's own machine), it says what to install and exits 0: the tests
# then skip outside CI and fail with a clear message in CI.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: chromium is missing; install Debian's 'chromium' and 'chromium-driver' packages" >&2
  exit 0
fi
echo "install-browser: installing Debian's chromium and chromium-driver" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  chromium chromium-driver fonts-noto-core fonts-dejavu-core >/dev/null
/usr/bin/chromium --version >&2
