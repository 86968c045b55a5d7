#!/usr/bin/env bash
# The whole test run, as CI does it (.ci/run calls this): on a Debian 12 machine with only the .NET
# SDK it installs Chromium and PostgreSQL if missing, starts a throwaway PostgreSQL on loopback,
# builds once, then runs the unit + integration suite on SQLite, its date-sensitive tests again on a
# day two years later, the same suite on PostgreSQL, and the browser tests. Any failure makes the
# script exit non-zero.
#
#   ./test.sh                 everything
set -euo pipefail

cd "$(dirname "$0")"
configuration=Release
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

script_start=$SECONDS
timings=()
failed=()
total_passed=0
total_failed=0
total_skipped=0

say() { printf '\n==> %s\n' "$*"; }

# Runs one stage, prints how long it took, and remembers a failure instead of stopping, so one
# failing suite does not hide the results of the next. `required` stages stop the script at once.
stage() {
    local kind=$1 name=$2
    shift 2
    say "$name"
    local start=$SECONDS status=0
    "$@" || status=$?
    local took=$((SECONDS - start))
    timings+=("$(printf '%-34s %4ds  %s' "$name" "$took" "$([ "$status" -eq 0 ] && echo ok || echo "FAILED (exit $status)")")")
    echo "--- $name: ${took}s, exit $status"
    if [ "$status" -ne 0 ]; then
        failed+=("$name")
        if [ "$kind" = required ]; then
            finish
        fi
    fi
}

finish() {
    say "Summary"
    printf '  %s\n' "${timings[@]}"
    printf '  %-34s %4ds\n' "total" "$((SECONDS - script_start))"
    echo "tests: $total_passed passed, $total_failed failed, $total_skipped skipped"
    if [ "${#failed[@]}" -gt 0 ]; then
        echo
        echo "!!! FAILED: ${failed[*]}" >&2
        exit 1
    fi
    echo "All stages passed."
    exit 0
}

# shellcheck source=scripts/throwaway-postgres.sh
source scripts/throwaway-postgres.sh
trap stop_postgres EXIT

# Runs dotnet test, shows its output, and adds its counts to the totals.
dotnet_test() {
    local log status=0
    log=$(mktemp)
    dotnet test "$@" 2>&1 | tee "$log" || status=$?
    local line
    while read -r line; do
        [[ $line =~ Failed:\ +([0-9]+),\ Passed:\ +([0-9]+),\ Skipped:\ +([0-9]+) ]] || continue
        total_failed=$((total_failed + BASH_REMATCH[1]))
        total_passed=$((total_passed + BASH_REMATCH[2]))
        total_skipped=$((total_skipped + BASH_REMATCH[3]))
    done < <(grep -E 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" || true)
    rm -f "$log"
    return "$status"
}

suite() {
    local database=$1
    JOINERY_TEST_DATABASE=$database dotnet_test tests/Joinery.Tests --no-build -c "$configuration"
}

# The tests run on a fake clock at a fixed day (tests/Joinery.Tests/Support/TestClock.cs); the ones
# whose dates follow it (trait Clock=dated) run again two years later, which shows that the suite
# depends on no particular date, the real one included.
moved_day=2028-03-16
dated_later() {
    JOINERY_TEST_TODAY=$moved_day JOINERY_TEST_DATABASE=sqlite dotnet_test tests/Joinery.Tests --no-build -c "$configuration" --filter "Clock=dated"
}

stage required "install chromium and postgresql" install_missing
stage required "start postgresql" start_postgres
stage required "restore and build ($configuration)" dotnet build Joinery.slnx -c "$configuration"
# The build already fails on code style, layout (IDE0055) and naming (IDE1006): .editorconfig sets
# them as warnings and warnings are errors. What is left for `dotnet format` is plain whitespace
# (final newlines, line endings), checked on the files alone in seconds.
stage optional "whitespace (dotnet format whitespace)" dotnet format whitespace --folder --verify-no-changes
stage optional "tests on sqlite" suite sqlite
stage optional "dated tests on $moved_day" dated_later
stage optional "tests on postgres" suite postgres
stage optional "browser tests" dotnet_test tests/Joinery.BrowserTests --no-build -c "$configuration"
finish
