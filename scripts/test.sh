#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it. It provides what it needs:
#  - Chromium for browser tests and poppler-utils (pdftoppm) for PDF checks (Debian packages;
#    installed when running as root, else skipped with a reason)
#  - PostgreSQL: DATABASE_URL when set, else a throwaway PostgreSQL 15 it starts and stops itself
#    (skipped with a reason when the server binaries are missing); every DB test also runs on PGlite.
set -uo pipefail
cd "$(dirname "$0")/.."

note() { printf '\n== %s\n' "$*"; }

if [ ! -d node_modules ]; then note "installing npm packages"; npm ci --no-audit --no-fund || npm install --no-audit --no-fund || exit 1; fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    note "installing Chromium for browser tests (apt-get install chromium)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/tmp/qalqan-apt.log 2>&1 \
      || note "SKIPPED browser tests: Chromium could not be installed (see /tmp/qalqan-apt.log)"
  else
    note "SKIPPED browser tests: /usr/bin/chromium missing and not root (install with: apt-get install chromium)"
  fi
fi

if ! command -v pdftoppm >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    note "installing poppler-utils (pdftoppm renders report PDFs in tests)"
    (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils; }) >/tmp/qalqan-apt-poppler.log 2>&1 \
      || note "SKIPPED PDF page rendering checks: poppler-utils could not be installed (see /tmp/qalqan-apt-poppler.log)"
  else
    note "SKIPPED PDF page rendering checks: pdftoppm missing and not root (install with: apt-get install poppler-utils)"
  fi
fi

note "building the web app"
npm run --silent build:web >/tmp/qalqan-web-build.log 2>&1 || { cat /tmp/qalqan-web-build.log; exit 1; }

PG_DIR=""
if [ -n "${DATABASE_URL:-}" ]; then
  export QALQAN_TEST_PG_URL="$DATABASE_URL"
  note "PostgreSQL tests use DATABASE_URL"
else
  if out=$(npx tsx scripts/pg-throwaway.ts start 2>/tmp/qalqan-pg.log); then
    export QALQAN_TEST_PG_URL=$(echo "$out" | sed -n 1p)
    PG_DIR=$(echo "$out" | sed -n 2p)
    note "started a throwaway PostgreSQL for the tests: $QALQAN_TEST_PG_URL"
  else
    note "SKIPPED PostgreSQL backend: $(tail -n 1 /tmp/qalqan-pg.log) — DB tests run on PGlite only"
  fi
fi
cleanup() { [ -n "$PG_DIR" ] && npx tsx scripts/pg-throwaway.ts stop "$PG_DIR" >/dev/null 2>&1; }
trap cleanup EXIT

# Node 20 has no globs in --test and `--test dir/` runs nothing: list the files explicitly.
mapfile -t FILES < <(find src web/src web/e2e bench scripts -name '*.test.ts' -not -path '*/node_modules/*' 2>/dev/null | sort)
note "running ${#FILES[@]} test files"
unset DATABASE_URL # tests choose their backend themselves; never touch the configured database
node --import tsx --test --test-reporter=spec "${FILES[@]}"
