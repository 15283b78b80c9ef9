#!/bin/sh
# Temporal's two PostgreSQL databases, created if missing and brought to the schema version of the running
# temporal-sql-tool. Idempotent: a second run only reports that both are current.
#
# Run by docker-compose's one-shot `temporal-schema` service (image temporalio/admin-tools) before the Temporal
# server starts, and by `npm run topology:production` (scripts/production-topology) with the tool built from the
# same Go module version, so both paths run these exact commands.
#
# Environment (temporal-sql-tool reads the SQL_* variables itself, so the password never shows in `ps`):
#   SQL_PLUGIN=postgres12  SQL_HOST  SQL_PORT  SQL_USER  SQL_PASSWORD
#   TEMPORAL_DB               default "temporal"
#   TEMPORAL_VISIBILITY_DB    default "temporal_visibility"
#   TEMPORAL_SCHEMA_DIR       the schema folder of the same release; default /etc/temporal/schema (admin-tools image)
set -eu

: "${SQL_PLUGIN:=postgres12}"
: "${SQL_HOST:?SQL_HOST is required (PostgreSQL host)}"
: "${SQL_USER:?SQL_USER is required}"
export SQL_PLUGIN

schema_root="${TEMPORAL_SCHEMA_DIR:-/etc/temporal/schema}/postgresql/v12"
for dir in "$schema_root/temporal/versioned" "$schema_root/visibility/versioned"; do
  [ -d "$dir" ] || { echo "setup-schema: missing schema folder $dir" >&2; exit 1; }
done

setup() {
  db=$1
  versioned=$2
  echo "setup-schema: database $db ($SQL_HOST:${SQL_PORT:-5432}) ← $versioned"
  temporal-sql-tool --db "$db" create-database
  temporal-sql-tool --db "$db" setup-schema -v 0.0
  temporal-sql-tool --db "$db" update-schema -d "$versioned"
}

setup "${TEMPORAL_DB:-temporal}" "$schema_root/temporal/versioned"
setup "${TEMPORAL_VISIBILITY_DB:-temporal_visibility}" "$schema_root/visibility/versioned"
echo "setup-schema: done"
