#!/usr/bin/env bash
# Applies every migration (common + vendor folder, in Flyway version order) to a fresh
# H2 2.4 file database in PostgreSQL mode and to a throw-away PostgreSQL database, then
# runs the structural checks (tools/structure-check.sql) and the smoke test
# (tools/smoke-test.sql) on both. Exit code 0 = both databases accept everything.
#   H2_JAR   path to the H2 jar   (default ~/.m2/.../h2-2.4.240.jar)
#   PGHOST / PGPORT / PGUSER      (default 127.0.0.1 / 5432 / postgres)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mig="$here/src/main/resources/db/migration"
H2_JAR="${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar}"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

# Flyway order: by version number (V10 after V9), then vendor scripts merged in.
ordered() { # $1 = vendor folder name
  for f in "$mig"/common/V*.sql "$mig/$1"/V*.sql; do [ -e "$f" ] && echo "$f"; done |
    awk -F/ '{ v=$NF; sub(/^V/,"",v); sub(/__.*/,"",v); gsub(/_/,".",v); print v "\t" $0 }' |
    sort -t. -k1,1n -k2,2n -k3,3n | cut -f2
}

echo "== lint (SQL outside comments must avoid constructs that fail on H2 or PostgreSQL)"
bad=0
for f in $(ordered h2) $(ordered postgresql); do
  # strip -- comments and string literals, then look for forbidden constructs
  hits="$(sed -e 's/--.*$//' -e "s/'[^']*'//g" "$f" | grep -n -i -E \
    '\bTEXT\b|\bJSONB?\b|->>|\[\]|\bSERIAL\b|gen_random_uuid|uuid_generate|\bNOW\(\)|ON CONFLICT|CREATE (OR REPLACE )?(FUNCTION|TRIGGER|TYPE|EXTENSION|MATERIALIZED)|OR REPLACE|GENERATED|\bINTERVAL\b|DATE_TRUNC|FILTER \(|\bCLOB\b|TIMESTAMPTZ|CREATE (UNIQUE )?INDEX [^;]*\bWHERE\b|CREATE (UNIQUE )?INDEX [^;]*\((LOWER|UPPER)' || true)"
  if [ -n "$hits" ]; then echo "   $(basename "$f"):"; echo "$hits" | sed 's/^/      /'; bad=1; fi
done
[ "$bad" = 0 ] || { echo "lint failed"; exit 1; }
echo "   lint OK"

echo "== H2 $(basename "$H2_JAR")"
h2dir="$(mktemp -d /tmp/schemacheck.XXXXXX)"
url="jdbc:h2:$h2dir/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
for f in $(ordered h2) "$here/tools/smoke-test.sql"; do
  echo "   $(basename "$f")"
  "$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "$url" -user sa -script "$f"
done
neg=0
while IFS= read -r stmt; do
  case "$stmt" in ''|--*) continue;; esac
  neg=$((neg+1)); printf '%s\n' "$stmt" > "$h2dir/neg.sql"
  if "$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "$url" -user sa -script "$h2dir/neg.sql" >/dev/null 2>&1; then
    echo "H2 ACCEPTED a statement that must fail: $stmt"; exit 1
  fi
done < "$here/tools/negative-tests.sql"
echo "   negative-tests.sql: all $neg statements rejected"
"$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "$url" -user sa -script "$here/tools/structure-check.sql" -showResults |
  grep -v '^$' | tee "$h2dir/structure.txt" | grep -q 'structure-ok' || { echo "H2 structure check failed:"; cat "$h2dir/structure.txt"; exit 1; }
rm -rf "$h2dir"
echo "   H2 OK"

db="schema_check_$RANDOM"
echo "== PostgreSQL $(psql -XAtqc 'show server_version' postgres) database $db"
createdb "$db"
trap 'dropdb --if-exists "$db"' EXIT
for f in $(ordered postgresql) "$here/tools/smoke-test.sql"; do
  echo "   $(basename "$f")"
  psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" >/dev/null
done
neg=0
while IFS= read -r stmt; do
  case "$stmt" in ''|--*) continue;; esac
  neg=$((neg+1))
  if psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "$stmt" >/dev/null 2>&1; then
    echo "PostgreSQL ACCEPTED a statement that must fail: $stmt"; exit 1
  fi
done < "$here/tools/negative-tests.sql"
echo "   negative-tests.sql: all $neg statements rejected"
out="$(psql -X -At -v ON_ERROR_STOP=1 -d "$db" -f "$here/tools/structure-check.sql")"
echo "$out" | grep -q 'structure-ok' || { echo "PostgreSQL structure check failed:"; echo "$out"; exit 1; }
echo "   PostgreSQL OK"
