#!/usr/bin/env bash
# Load test: protected /api/ping (with a logged-in session) against public /public/ping, alternating, several rounds
# per connection count, medians of requests/second; plus the full-login latency the target prints at start.
# The public page is measured twice: with the same session cookie (the container then looks the session up for
# both, so the difference is the filter's own work) and anonymous (no cookie: no session lookup at all).
# Needs Debian's wrk (apt-get install -y wrk) and the built jar (mvn -B -ntp -q -pl benchmarks -am package -DskipTests).
# Traffic goes to 127.0.0.1 only; every wrk run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=benchmarks/target/benchmarks.jar
PORT=${PORT:-18090}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-4s}
CONNECTIONS=${CONNECTIONS:-"1 8 32 128"}
LOGINS=${LOGINS:-200}
WORK=$(mktemp -d)
trap 'kill "$TARGET" 2>/dev/null || true; wait "$TARGET" 2>/dev/null || true; rm -rf "$WORK"' EXIT

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -ntp -q -pl benchmarks -am package -DskipTests" >&2; exit 1; }

java -Xms1g -Xmx1g -cp "$JAR" io.github.oidcservlet.benchmarks.LoadTarget "$PORT" "$WORK/cookie" "$LOGINS" \
    > "$WORK/target.log" 2>&1 &
TARGET=$!
for _ in $(seq 1 240); do
  grep -q '^READY' "$WORK/target.log" 2>/dev/null && break
  kill -0 "$TARGET" 2>/dev/null || { cat "$WORK/target.log" >&2; exit 1; }
  sleep 0.5
done
grep -q '^READY' "$WORK/target.log" || { echo "target did not start" >&2; cat "$WORK/target.log" >&2; exit 1; }
grep '^full login' "$WORK/target.log"
COOKIE=$(cat "$WORK/cookie")
BASE="http://127.0.0.1:$PORT"

# the protected path must really be protected and really be served with the cookie
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/ping")" = 401 ] || { echo "/api/ping is not protected" >&2; exit 1; }
[ "$(curl -s -H "Cookie: $COOKIE" "$BASE/api/ping")" = pong ] || { echo "the session cookie does not log in" >&2; exit 1; }

rps() { wrk -t"$(( $1 < 2 ? 1 : 2 ))" -c"$1" -d"$DURATION" "${@:2}" | awk '/Requests\/sec/ {print $2}'; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '| connections | /api/ping protected, session cookie (req/s) | /public/ping public, same cookie (req/s) | protected/public | /public/ping anonymous, no cookie (req/s) | protected/anonymous |\n'
printf '| --- | --- | --- | --- | --- | --- |\n'
for c in $CONNECTIONS; do
  rps "$c" "$BASE/public/ping" >/dev/null   # warm-up at this concurrency
  : > "$WORK/p.$c"; : > "$WORK/q.$c"; : > "$WORK/a.$c"
  for _ in $(seq 1 "$ROUNDS"); do
    rps "$c" -H "Cookie: $COOKIE" "$BASE/api/ping" >> "$WORK/p.$c"
    rps "$c" -H "Cookie: $COOKIE" "$BASE/public/ping" >> "$WORK/q.$c"
    rps "$c" "$BASE/public/ping" >> "$WORK/a.$c"
  done
  P=$(median < "$WORK/p.$c"); Q=$(median < "$WORK/q.$c"); A=$(median < "$WORK/a.$c")
  printf '| %s | %.0f | %.0f | %.3f | %.0f | %.3f |\n' "$c" "$P" "$Q" \
    "$(awk -v p="$P" -v q="$Q" 'BEGIN {print p / q}')" "$A" "$(awk -v p="$P" -v q="$A" 'BEGIN {print p / q}')"
done
