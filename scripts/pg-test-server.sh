#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS server for basural's tests.
#
#   scripts/pg-test-server.sh start DIR   initdb into DIR/data, start on 127.0.0.1 (port 54329, or the next
#                                         free one up to 54348), create database basural_test with
#                                         CREATE EXTENSION postgis, write the GDAL connection string
#                                         to DIR/conn. A server left in DIR by an earlier run is stopped
#                                         and wiped first, so every start gives an empty database.
#   scripts/pg-test-server.sh stop DIR    pg_ctl stop -m fast, then remove DIR. Succeeds when nothing runs.
#   scripts/pg-test-server.sh url DIR     print the connection string (fails when no server was started).
#
# Authentication is `trust`, on 127.0.0.1 and on the unix socket in DIR only: never point this at a
# directory shared with anything else. As root (CI) the server runs as the `postgres` user via runuser,
# with DIR owned by postgres; otherwise it runs as the calling user. PG_BINDIR overrides where
# initdb/pg_ctl/psql are looked for (default: the newest /usr/lib/postgresql/*/bin).
# Keep DIR short (unix socket paths are limited to 107 bytes): the tests use /tmp/basural-pg-<hash>.
set -euo pipefail

FIRST_PORT=54329
LAST_PORT=54348
MARKER=.basural-pg-test
DBNAME=basural_test

die() { echo "pg-test-server: $*" >&2; exit 1; }

usage() { die "usage: $0 start|stop|url DIR"; }

[ $# -eq 2 ] || usage
cmd=$1
dir=$2
[ -n "$dir" ] || usage
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/pg_ctl" ] || die "PG_BINDIR=$PG_BINDIR has no pg_ctl"
    echo "$PG_BINDIR"; return
  fi
  local best
  # The highest major version (version sort: 15 after 9.6).
  best=$(for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && echo "$d"; done |
         sort -t/ -k5 -V | tail -n 1)
  if [ -z "$best" ]; then
    command -v pg_ctl >/dev/null 2>&1 || die "PostgreSQL server programs not found (initdb, pg_ctl): \
install postgresql-15 and postgresql-15-postgis-3 (scripts/install-deps.sh)"
    best=$(dirname "$(command -v pg_ctl)")
  fi
  echo "$best"
}

# Runs a server program as the server's owner: `postgres` when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  # Something accepts TCP connections on 127.0.0.1:$1.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

stop_server() {
  [ -e "$dir" ] || return 0
  [ -f "$dir/$MARKER" ] || die "$dir exists but was not made by this script (no $MARKER): refusing to touch it"
  local bindir
  bindir=$(find_bindir)
  if [ -f "$dir/data/postmaster.pid" ]; then
    if ! as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m fast -w -t 30 >/dev/null 2>&1; then
      # pg_ctl refuses when the pid file is stale (server gone) or the server hangs: make sure it is gone.
      local pid
      pid=$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
         grep -q postgres "/proc/$pid/comm" 2>/dev/null; then
        as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m immediate -w -t 30 >/dev/null 2>&1 ||
          kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf -- "$dir"
}

start_server() {
  local bindir t0 t1
  t0=$(date +%s.%N)
  bindir=$(find_bindir)
  [ -x "$bindir/initdb" ] || die "$bindir/initdb not found: install postgresql-15 (scripts/install-deps.sh)"
  local psql="$bindir/psql"
  [ -x "$psql" ] || psql=$(command -v psql) || die "psql not found: install postgresql-client-15"

  stop_server
  mkdir -p -- "$dir"
  touch "$dir/$MARKER"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server \
(it comes with the postgresql-15 package)"
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" ||
      die "user postgres cannot write $dir (a parent directory is not searchable by it): use a directory under /tmp"
  fi

  if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C -N \
       >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb into $dir/data failed (log above)"
  fi
  # Loopback TCP and a socket inside DIR only; durability is pointless for a throw-away test server.
  cat >"$dir/data/pg_hba.conf" <<EOF
local all all trust
host  all all 127.0.0.1/32 trust
EOF
  cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  local port started=""
  for ((port = FIRST_PORT; port <= LAST_PORT; port++)); do
    port_in_use "$port" && continue
    if as_owner "$bindir/pg_ctl" start -D "$dir/data" -o "-p $port" -l "$dir/server.log" -w -t 60 \
         >/dev/null 2>&1; then
      started=$port
      break
    fi
    # Lost a race for the port, or the server cannot start at all: the log says which.
    grep -q "could not bind\|Address already in use" "$dir/server.log" 2>/dev/null || {
      cat "$dir/server.log" >&2 || true
      die "PostgreSQL did not start in $dir/data (server log above)"
    }
  done
  [ -n "$started" ] || die "no free port in $FIRST_PORT..$LAST_PORT on 127.0.0.1"

  local base="host=127.0.0.1 port=$started user=postgres"
  "$psql" "$base dbname=postgres" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DBNAME" >/dev/null ||
    die "CREATE DATABASE $DBNAME failed on port $started"
  if ! "$psql" "$base dbname=$DBNAME" -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION postgis" \
       >"$dir/postgis.log" 2>&1; then
    cat "$dir/postgis.log" >&2
    die "CREATE EXTENSION postgis failed: is postgresql-$("$bindir/pg_ctl" --version | awk "{print \$3}" | cut -d. -f1)-postgis-3 installed? (scripts/install-deps.sh)"
  fi
  echo "PG:$base dbname=$DBNAME" >"$dir/conn"
  t1=$(date +%s.%N)
  echo "pg-test-server: PostgreSQL $("$bindir/pg_ctl" --version | awk "{print \$3}") + PostGIS on 127.0.0.1:$started, \
data in $dir, ready in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s"
}

case "$cmd" in
  start) start_server ;;
  stop) stop_server ;;
  url)
    [ -s "$dir/conn" ] || die "no server started in $dir (run: $0 start $dir)"
    cat "$dir/conn"
    ;;
  *) usage ;;
esac
