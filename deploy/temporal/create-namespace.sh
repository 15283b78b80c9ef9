#!/bin/sh
# Registers the Temporal namespace the application uses, once the server answers. Idempotent: an existing
# namespace is left as it is.
#
# Run by docker-compose's one-shot `temporal-namespace` service (image temporalio/admin-tools, Temporal CLI) after
# the server is up and before the api and worker start, and by `npm run topology:production` with the project's
# Temporal CLI (.tools/python/bin/temporal).
#
# Environment:
#   TEMPORAL_ADDRESS                 host:port of the frontend (required)
#   TEMPORAL_NAMESPACE               default "default"
#   TEMPORAL_NAMESPACE_RETENTION     how long closed workflow histories are kept; default 720h (30 days).
#                                    The audit trail lives in the application's own database, not here.
#   TEMPORAL_WAIT_SECONDS            how long to wait for the server; default 120
set -eu

address="${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS is required (host:port of the Temporal frontend)}"
namespace="${TEMPORAL_NAMESPACE:-default}"
retention="${TEMPORAL_NAMESPACE_RETENTION:-720h}"
wait_seconds="${TEMPORAL_WAIT_SECONDS:-120}"

waited=0
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  if [ "$waited" -ge "$wait_seconds" ]; then
    echo "create-namespace: Temporal at $address not serving after ${wait_seconds}s" >&2
    temporal operator cluster health --address "$address" >&2 || true
    exit 1
  fi
  sleep 2
  waited=$((waited + 2))
done

if temporal operator namespace describe --namespace "$namespace" --address "$address" >/dev/null 2>&1; then
  echo "create-namespace: namespace \"$namespace\" already exists"
else
  temporal operator namespace create --namespace "$namespace" --retention "$retention" --address "$address"
  echo "create-namespace: namespace \"$namespace\" registered (retention $retention)"
fi
