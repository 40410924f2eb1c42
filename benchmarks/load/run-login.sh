#!/usr/bin/env bash
# Login latency: full logins (protected page -> provider's login form -> form submitted -> callback -> page) and
# refreshing requests against the in-process test provider, answering at once and with DELAY_MS added to every
# answer (a distant provider); each figure beside the floor of the provider round trips it waits for in sequence.
# OidcFilter (userinfo default), OidcFilter with userinfo=auto, the bare reference relying party, pac4j and Jetty's
# OpenID module (APPS) each run in a JVM of their own and take turns login by login; with BEFORE_JAR set to a build
# of another commit (its driver must know the apps "filter,bare"), that commit's driver runs in every round too.
# A round prints the machine load first: on a shared machine, compare figures of one run only.
# Needs the built jars (mvn -B -ntp -q -pl benchmarks -am package -DskipTests; for pac4j and jetty also
# mvn -B -ntp -q -f benchmarks/peers/pom.xml package). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."

JAR=${JAR:-benchmarks/target/benchmarks.jar}
BEFORE_JAR=${BEFORE_JAR:-}
LOGINS=${LOGINS:-30}
WARMUP=${WARMUP:-100}
REFRESHES=${REFRESHES:-30}
ROUNDS=${ROUNDS:-3}
DELAYS=${DELAYS:-"0 25"}
PEERS_JAR=${PEERS_JAR:-benchmarks/peers/target/peers.jar}
APPS=${APPS:-filter,auto,bare,pac4j,jetty}
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT

[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -ntp -q -pl benchmarks -am package -DskipTests" >&2; exit 1; }

run() { # label jar delay apps
  java -Xms512m -Xmx512m -Dpeers.jar="$PEERS_JAR" -cp "$2" io.github.oidcservlet.benchmarks.LoginLatency \
      "$3" "$LOGINS" "$WARMUP" "$REFRESHES" "$4" 2>/dev/null | sed "s/^/$1 delay=$3 | /" | tee -a "$OUT"
}

for round in $(seq 1 "$ROUNDS"); do
  for delay in $DELAYS; do
    echo "# round $round, delay $delay ms; $(uptime | sed 's/.*load average/load average/')"
    [ -n "$BEFORE_JAR" ] && run before "$BEFORE_JAR" "$delay" filter,bare
    run after "$JAR" "$delay" "$APPS"
  done
done

echo
echo "medians over $ROUNDS rounds of each round's median / p90 (ms):"
awk -F' \\| ' '/ runs, provider delay/ {
    what = $2; sub(/ [0-9]+ runs, provider delay.*/, "", what);
    match($2, /median [0-9.]+ ms, p90 [0-9.]+ ms/); m = substr($2, RSTART, RLENGTH); split(m, v, " ");
    key = $1 " | " what; med[key] = med[key] " " v[2]; p90[key] = p90[key] " " v[5];
    if (match($2, /floor [0-9.]+ ms/)) floor[key] = substr($2, RSTART + 6, RLENGTH - 9);
    if (match($2, /measured: [0-9.]+ ms/)) measured[key] = measured[key] " " substr($2, RSTART + 10, RLENGTH - 13)
    if (match($2, /submit [0-9.]+ ms/)) form[key] = form[key] " " substr($2, RSTART + 7, RLENGTH - 10)
    if (match($2, /callback [0-9.]+ ms/)) cb[key] = cb[key] " " substr($2, RSTART + 9, RLENGTH - 12)
    if (match($2, /before and after [0-9.]+ ms/)) pages[key] = pages[key] " " substr($2, RSTART + 17, RLENGTH - 20) }
  /first login after start-up/ { match($2, /: [0-9.]+ ms/); first[$1] = first[$1] " " substr($2, RSTART + 2, RLENGTH - 5) }
  function mid(list,   a, n, i, j, t) { n = split(list, a, " ");
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { for (k in med) printf "%s: median %s, p90 %s; floor %s ms, measured floor %s ms%s\n", k, mid(med[k]),
            mid(p90[k]), floor[k], mid(measured[k]), k in cb ? sprintf("; hops: provider %s, callback %s, pages %s",
            mid(form[k]), mid(cb[k]), mid(pages[k])) : "";
        for (k in first) printf "%s | first login after start-up (first app): median %s over%s\n", k, mid(first[k]),
            first[k] }' "$OUT" | sort
