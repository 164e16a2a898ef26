#!/usr/bin/env bash
# Builds Headroom and runs every test: all test projects on SQLite, then the persistence and
# integration tests again on a throwaway PostgreSQL 15 cluster. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
work="$(mktemp -d /tmp/headroom-test.XXXXXX)"
results="$work/results"
pgdata="$work/pg"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

cleanup() {
  if [ -f "$pgdata/postmaster.pid" ]; then
    run_pg pg_ctl -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

pg_bin() {
  for dir in /usr/lib/postgresql/15/bin /usr/local/bin /usr/bin; do
    if [ -x "$dir/$1" ]; then echo "$dir/$1"; return; fi
  done
  command -v "$1"
}

# PostgreSQL refuses to run as root; as root the cluster belongs to the postgres user.
run_pg() {
  local tool; tool="$(pg_bin "$1")"; shift
  if [ "$(id -u)" = 0 ]; then
    su postgres -s /bin/sh -c "$(printf '%q ' "$tool" "$@")"
  else
    "$tool" "$@"
  fi
}

echo "== build"
if ! dotnet build Headroom.slnx -c Release -warnaserror; then
  echo "0 passed, 1 failed"
  exit 1
fi

if [ -d tests/Headroom.BrowserTests ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing chromium"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "chromium is missing and this script is not root; browser tests will fail" >&2
  fi
fi

echo "== starting PostgreSQL"
mkdir -p "$pgdata"
[ "$(id -u)" = 0 ] && chown postgres "$work" "$pgdata"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
pg_ok=1
if run_pg initdb -D "$pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 &&
   run_pg pg_ctl -D "$pgdata" -l "$pgdata/server.log" -w -t 60 \
     -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
  pg_ok=0
  echo "PostgreSQL listening on 127.0.0.1:$port"
else
  echo "PostgreSQL did not start:" >&2
  cat "$work/initdb.log" "$pgdata/server.log" >&2 2>/dev/null
fi

status=0
run_tests() { # name, extra args...
  local name="$1"; shift
  echo "== tests: $name"
  dotnet test "$@" -c Release --no-build --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/$name" || status=1
}

run_tests sqlite Headroom.slnx
if [ "$pg_ok" = 0 ]; then
  HEADROOM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50" \
    run_tests postgres tests/Headroom.Tests/Headroom.Tests.csproj --filter "Category=Persistence|Category=Integration"
else
  status=1
fi

passed=0; failed=0
while IFS= read -r counters; do
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done < <(find "$results" -name '*.trx' -exec grep -ho '<Counters [^>]*>' {} + 2>/dev/null)

# A run that crashed or a database that never started counts as a failure even without a report.
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
