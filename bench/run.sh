#!/usr/bin/env bash
# Load benchmark of the main pages and API calls, on SQLite and on PostgreSQL.
# Seeds N scale partnerships (`joinery demo seed --scale N`), starts the Release build of the web
# app, signs in as a steward of one partnership in the middle, and runs wrk against each URL
# (after warming every URL up for 5 s; WARMUP to change).
# Prints a Markdown table per database, ready for bench/README.md.
#
#   bench/run.sh                               N=200, 50 connections, 20 s per URL
#   N=50 CONNECTIONS=20 DURATION=10s bench/run.sh
#   DATABASES=sqlite bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
trap 'stop_web; stop_postgres' EXIT

N=${N:-200}
CONNECTIONS=${CONNECTIONS:-50}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
DATABASES=${DATABASES:-sqlite postgres}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

web_pid=""
stop_web() {
    if [ -n "$web_pid" ]; then
        kill "$web_pid" 2>/dev/null || true
        wait "$web_pid" 2>/dev/null || true
        web_pid=""
    fi
}

command -v wrk >/dev/null 2>&1 || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk; }
install_missing
dotnet build Joinery.slnx -c Release -v q -nologo >/dev/null
cli="$PWD/src/Joinery.Cli/bin/Release/net10.0/joinery.dll"
web="$PWD/src/Joinery.Web/bin/Release/net10.0/Joinery.Web.dll"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); N=$N, $CONNECTIONS connections, $DURATION per URL"

for database in $DATABASES; do
    work=$(mktemp -d /tmp/joinery-bench.XXXXXX)
    settings=()
    if [ "$database" = postgres ]; then
        [ -n "${JOINERY_TEST_POSTGRES:-}" ] || start_postgres >/dev/null
        name="joinery_bench_$$"
        psql_conn="${JOINERY_TEST_POSTGRES}"
        settings=(--Database:Provider=Postgres "--ConnectionStrings:Joinery=${psql_conn/Database=postgres/Database=$name}")
        "$(postgres_bin)/psql" "host=127.0.0.1 port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$psql_conn") user=postgres dbname=postgres" -qc "CREATE DATABASE $name" >/dev/null
    fi
    port=$(free_port)
    seed_start=$SECONDS
    (cd "$work" && dotnet "$cli" demo seed --scale "$N" "${settings[@]}" | head -1)
    echo "seeded in $((SECONDS - seed_start)) s"
    (cd "$work" && exec dotnet "$web" --urls "http://127.0.0.1:$port" --RateLimits:ApiPerMinute=100000000 --RateLimits:SignInPerMinute=1000 \
        --Logging:LogLevel:Default=Warning "${settings[@]}" >"$work/web.log" 2>&1) &
    web_pid=$!
    base="http://127.0.0.1:$port"
    for _ in $(seq 1 60); do curl -fs "$base/health" >/dev/null && break; sleep 1; done

    middle=$(printf 'p%04d.m00@scale.example' $(((N + 1) / 2)))
    token=$(cd "$work" && dotnet "$cli" token create --email "$middle" --name bench "${settings[@]}" | tail -1)
    auth="Authorization: Bearer $token"
    partnership=$(curl -fs -H "$auth" "$base/api/v1/partnerships" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
    measure=$(curl -fs -H "$auth" "$base/api/v1/partnerships/$partnership/measures" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')

    # A signed-in browser session for the pages: the sign-in form with its antiforgery token.
    jar="$work/cookies"
    form=$(curl -fs -c "$jar" "$base/account/sign-in")
    verification=$(sed -nE 's/.*name="__RequestVerificationToken" type="hidden" value="([^"]+)".*/\1/p' <<<"$form" | head -1)
    curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.Email=$middle" --data-urlencode "Input.Password=Riverbend-Demo-Walkthrough-26" \
        --data-urlencode "__RequestVerificationToken=$verification" "$base/account/sign-in"
    cookie=$(sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 {printf "%s=%s; ", $6, $7}')
    curl -fs -H "Cookie: $cookie" "$base/partnerships/$partnership" | grep -q "Partnership health" || { echo "page sign-in failed" >&2; exit 1; }

    echo
    echo "### $database (N = $N partnerships, $CONNECTIONS connections, $DURATION each)"
    echo
    echo "| request | requests/s | p50 ms | p95 ms | p99 ms | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: |"
    urls=(
        "overview page|page|/partnerships/$partnership"
        "health page|page|/partnerships/$partnership/health"
        "measure page (run chart)|page|/partnerships/$partnership/measures/$measure"
        "GET .../health-signals|api|/api/v1/partnerships/$partnership/health-signals"
        "GET .../measures/{m}/chart|api|/api/v1/partnerships/$partnership/measures/$measure/chart"
        "GET .../measures|api|/api/v1/partnerships/$partnership/measures"
    )
    header_for() { if [ "$1" = page ]; then echo "Cookie: $cookie"; else echo "$auth"; fi; }
    # Warm every URL up first (JIT tiering, connection pools, caches), as on a server that has been running.
    for url in "${urls[@]}"; do
        IFS='|' read -r _ kind path <<<"$url"
        wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -H "$(header_for "$kind")" "$base$path" >/dev/null
    done
    for url in "${urls[@]}"; do
        IFS='|' read -r label kind path <<<"$url"
        result=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/report.lua -H "$(header_for "$kind")" "$base$path" | grep '^RESULT')
        read -r _ rps p50 p95 p99 errors _ <<<"$result"
        echo "| $label | $rps | $p50 | $p95 | $p99 | $errors |"
    done
    stop_web
    rm -rf "$work"
done
