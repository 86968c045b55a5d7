# Shared by test.sh and bench/run.sh: find or install PostgreSQL and Chromium, and run a throwaway
# PostgreSQL server on loopback. start_postgres exports JOINERY_TEST_POSTGRES (an admin connection
# string); stop_postgres removes the server and its data. Source this file; it defines functions only.

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

postgres_bin() {
    local dir
    for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
            echo "$dir"
            return 0
        fi
    done
    return 1
}

install_missing() {
    local packages=()
    command -v chromium >/dev/null 2>&1 || packages+=(chromium)
    postgres_bin >/dev/null || packages+=(postgresql)
    if [ "${#packages[@]}" -eq 0 ]; then
        echo "chromium and postgresql are already installed"
        return 0
    fi
    echo "installing: ${packages[*]}"
    # (called from `stage`, where set -e does not apply inside functions: check each step)
    as_root apt-get update || return
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}" || return
    postgres_bin >/dev/null || { echo "postgresql installed, but no initdb under /usr/lib/postgresql" >&2; return 1; }
}

pg_dir=""
pg_user=""
pg_as() {
    if [ -n "$pg_user" ]; then runuser -u "$pg_user" -- "$@"; else "$@"; fi
}

stop_postgres() {
    if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
        pg_as "$(postgres_bin)/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
        pg_dir=""
    fi
}
free_port() {
    local port
    for port in $(seq 5433 5533); do
        if ! (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port between 5433 and 5533" >&2
    return 1
}

start_postgres() {
    local bin port
    bin=$(postgres_bin) || return
    port=$(free_port) || return
    pg_dir=$(mktemp -d /tmp/joinery-pg.XXXXXX) || return
    if [ "$(id -u)" -eq 0 ]; then
        # initdb refuses to run as root; the postgresql package created this account.
        pg_user=postgres
        chown "$pg_user" "$pg_dir" || return
    fi
    pg_as "$bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log"; return 1; }
    # A throwaway server for tests: loopback only, trust authentication, durability traded for speed.
    pg_as "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        || { cat "$pg_dir/server.log"; return 1; }
    export JOINERY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pg_dir)"
}

