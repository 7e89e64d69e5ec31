#!/usr/bin/env bash
# locker: one entry point for building, running and testing the service.
#   ./run.sh start [--foreground]   build if needed, start the service on the embedded platform with the demo school
#   ./run.sh stop                   stop the service started by 'start'
#   ./run.sh purge                  stop, then delete the embedded platform's data
#   ./run.sh test                   run every test of every module
#   ./run.sh import FILE            import a directory file (docs/import-format.md)
#   ./run.sh bench [NAME]           build and run the benchmarks (docs/benchmarks.md)
#   ./run.sh build_start            build the AMPs and the service, start Alfresco + locker in Docker, follow the logs
#   ./run.sh start_alfresco         start the Docker stack (images built as needed), without a Maven build
#   ./run.sh tail                   follow the Docker stack's logs
#   ./run.sh test_alfresco          the platform conformance suite against the running Alfresco stack
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
COMPOSE=(docker compose -f "$ROOT/docker/docker-compose.yml")
ALFRESCO_URL="${ALFRESCO_URL:-http://localhost:8080}"
PROBE="$ALFRESCO_URL/alfresco/api/-default-/public/alfresco/versions/1/probes/-ready-"

usage() {
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
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
  # issue 15: whether mails leave (spring.mail.host), as the service's start-up log says it
  grep -m1 -o "E-mail notifications: .*" "$LOG_FILE" | sed 's/^/  /' || true
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
  if stack_running; then "${COMPOSE[@]}" down -v; fi
}

# ---------------------------------------------------------------- the Alfresco stack (needs Docker)

stack_running() {
  command -v docker >/dev/null && [[ -n "$("${COMPOSE[@]}" ps -q 2>/dev/null)" ]]
}

start_alfresco() {
  command -v docker >/dev/null || { echo "Docker is needed for the Alfresco stack." >&2; exit 1; }
  "${COMPOSE[@]}" up --build -d
  echo "Waiting for Alfresco at $ALFRESCO_URL ..."
  for _ in $(seq 1 120); do
    if curl -fsS "$PROBE" >/dev/null 2>&1; then
      echo "Share: http://localhost:8180/share   locker: http://localhost:8081   repository: $ALFRESCO_URL/alfresco"
      return
    fi
    sleep 5
  done
  echo "Alfresco is not ready after 10 minutes; see ./run.sh tail" >&2
  exit 1
}

tail_logs() {
  "${COMPOSE[@]}" logs -f
}

build_start() {
  if stack_running; then "${COMPOSE[@]}" down; fi
  "${MVN[@]}" -DskipTests package -pl locker-platform-module,locker-share-module,locker-service -am
  start_alfresco
  tail_logs
}

test_alfresco() {
  curl -fsS "$PROBE" >/dev/null 2>&1 || { echo "No Alfresco at $ALFRESCO_URL: ./run.sh start_alfresco first" >&2; exit 1; }
  ALFRESCO_URL="$ALFRESCO_URL" ALFRESCO_USER="${ALFRESCO_USER:-admin}" ALFRESCO_PASSWORD="${ALFRESCO_PASSWORD:-admin}" \
  ALFRESCO_BROKER_URL="${ALFRESCO_BROKER_URL:-tcp://localhost:61616}" \
    mvn -B --no-transfer-progress verify -pl locker-core,locker-alfresco -am
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
  stop)
    stop
    if stack_running; then "${COMPOSE[@]}" down; fi ;;
  purge) purge ;;
  test) mvn -B --no-transfer-progress verify ;;
  import) shift; import_file "$@" ;;
  bench)
    shift
    "${MVN[@]}" -Pbench -DskipTests package -pl locker-benchmarks -am
    java -jar locker-benchmarks/target/benchmarks.jar "${@:-jmh}" ;;
  build_start) build_start ;;
  start_alfresco) start_alfresco ;;
  tail) tail_logs ;;
  test_alfresco) test_alfresco ;;
  *) usage; exit 2 ;;
esac
