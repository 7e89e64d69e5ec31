#!/usr/bin/env bash
# locker: one entry point for building, running and testing the service.
#   ./run.sh start [--foreground]   build if needed, start the service on the embedded platform with the demo school
#   ./run.sh stop                   stop the service started by 'start'
#   ./run.sh purge                  stop, then delete the embedded platform's data
#   ./run.sh test                   run every test of every module
#   ./run.sh import FILE            import a directory file (docs/import-format.md)
#   ./run.sh bench [NAME]           build and run the benchmarks (docs/benchmarks.md)
#   ./run.sh build_start            reserved: the Alfresco stack (Docker) comes with the Alfresco binding
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)
STATE_DIR="${LOCKER_STATE_DIR:-$ROOT/.locker}"
PID_FILE="$STATE_DIR/locker.pid"
LOG_FILE="$STATE_DIR/locker.log"
DATA_DIR="${LOCKER_DATA_DIRECTORY:-$ROOT/data}"
PORT="${LOCKER_PORT:-8080}"
URL="http://localhost:$PORT"
JAR="$ROOT/locker-service/target/locker-service.jar"
ADMIN_USER="${LOCKER_ADMIN_USER:-principal}"
ADMIN_PASSWORD="${LOCKER_ADMIN_PASSWORD:-demo}"
MVN=(mvn -B -q --no-transfer-progress)

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
}

is_running() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null
}

build_if_needed() {
  if [[ -f "$JAR" ]] && [[ -z "$(find "$ROOT" -path "$ROOT/.git" -prune -o \( -name '*.java' -o -name 'pom.xml' \
      -o -path '*/src/main/resources/*' \) -newer "$JAR" -print -quit)" ]]; then
    return
  fi
  echo "Building the service (first time, or sources changed)..."
  "${MVN[@]}" -DskipTests package -pl locker-service -am
}

java_args() {
  echo "-Xmx1g -jar $JAR --server.port=$PORT --locker.data-directory=$DATA_DIR"
}

print_demo_logins() {
  cat <<LOGINS

  locker is running: $URL
    API:        $URL/api/v1/me   (HTTP Basic, or sign in at $URL/login)
    OpenAPI:    $URL/v3/api-docs
    Health:     $URL/actuator/health
  Demo logins (password: demo)
    administrator  principal
    teachers       t.girard  t.lemoine  t.rey  t.carpentier  t.marchand  t.colin
    staff          p.benali  p.perret  p.masson
    counselor      c.barbier
    guardians      r.sophie.martin (delegate 6A)  r.sophie.morel (delegate 5B)  r.stephane.martin ...
    students       e.emma.martin  e.gabriel.bernard ...
  Try:  curl -u principal:demo $URL/api/v1/directory/classes
  Stop: ./run.sh stop
LOGINS
}

wait_until_up() {
  for _ in $(seq 1 180); do
    if ! is_running; then
      echo "The service stopped during start-up; see $LOG_FILE:" >&2
      tail -n 40 "$LOG_FILE" >&2
      exit 1
    fi
    if curl -fsS "$URL/actuator/health" >/dev/null 2>&1; then
      return
    fi
    sleep 1
  done
  echo "The service did not become healthy within 180 s; see $LOG_FILE" >&2
  exit 1
}

start() {
  if is_running; then
    echo "Already running (pid $(cat "$PID_FILE")): $URL"
    return
  fi
  build_if_needed
  mkdir -p "$STATE_DIR" "$DATA_DIR"
  # shellcheck disable=SC2046
  if [[ "${1:-}" == "--foreground" ]]; then
    print_demo_logins
    exec java $(java_args) --locker.demo.enabled=true
  fi
  nohup java $(java_args) --locker.demo.enabled=true >"$LOG_FILE" 2>&1 &
  echo $! >"$PID_FILE"
  echo "Starting (pid $!, log $LOG_FILE)..."
  wait_until_up
  print_demo_logins
}

stop() {
  if ! is_running; then
    echo "Not running."
    rm -f "$PID_FILE"
    return
  fi
  local pid
  pid=$(cat "$PID_FILE")
  kill "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "Still running after 60 s; killing it." >&2
    kill -9 "$pid"
  fi
  rm -f "$PID_FILE"
  echo "Stopped."
}

purge() {
  stop
  rm -rf "$DATA_DIR"
  echo "Deleted $DATA_DIR."
}

import_file() {
  local file="${1:-}"
  if [[ -z "$file" || ! -f "$file" ]]; then
    echo "usage: ./run.sh import FILE   (a directory file, see docs/import-format.md)" >&2
    exit 2
  fi
  if is_running; then
    # the running service holds the repository: import through its API
    curl -sS -u "$ADMIN_USER:$ADMIN_PASSWORD" -H 'Content-Type: text/csv' --data-binary "@$file" \
      -w '\nHTTP %{http_code}\n' "$URL/api/v1/directory/import"
  else
    build_if_needed
    mkdir -p "$DATA_DIR"
    # shellcheck disable=SC2046
    java $(java_args) --spring.main.web-application-type=none --locker.import-file="$(realpath "$file")"
  fi
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  purge) purge ;;
  test) mvn -B --no-transfer-progress verify ;;
  import) shift; import_file "$@" ;;
  bench)
    shift
    "${MVN[@]}" -Pbench -DskipTests package -pl locker-benchmarks -am
    java -jar locker-benchmarks/target/benchmarks.jar "${@:-jmh}" ;;
  build_start | start_alfresco | test_alfresco)
    echo "'$1' is reserved for the Alfresco stack (Docker), which comes with the Alfresco binding issue." >&2
    echo "Use './run.sh start' for the embedded platform." >&2
    exit 2 ;;
  *) usage; exit 2 ;;
esac
