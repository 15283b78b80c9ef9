/**
 * Recognises "a service we depend on is down" among the errors that reach the filter, so that an outage answers
 * 503 SERVICE_UNAVAILABLE (retry later) instead of a 500 that says "bug". Walks the error and its causes:
 * TypeORM wraps the driver's error, the Temporal client wraps gRPC's.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL: connection exceptions (08…), admin/crash shutdown, cannot connect now, too many connections. */
const PG_CODES = /^(08\d{3}|57P0[1-3]|53300)$/;
const PG_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down|in recovery mode)/i;
/** gRPC UNAVAILABLE (14) and DEADLINE_EXCEEDED (4), as the Temporal client reports them. */
const GRPC_CODES = new Set([14, 4]);

function chain(err: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let e = err;
  for (let i = 0; i < 6 && e && typeof e === 'object'; i++) {
    out.push(e as Record<string, unknown>);
    const next = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
    if (next === e) break;
    e = next;
  }
  return out;
}

export function isDatabaseOutage(err: unknown): boolean {
  return chain(err).some((e) => {
    const code = typeof e.code === 'string' ? e.code : '';
    const name = typeof e.name === 'string' ? e.name : '';
    // A gRPC error also carries network codes in its text: only count it for the database when it is not Temporal's.
    if (name === 'ServiceError' || typeof e.code === 'number') return false;
    return NETWORK_CODES.has(code) || PG_CODES.test(code) || PG_MESSAGES.test(typeof e.message === 'string' ? e.message : '');
  });
}

export function isTemporalOutage(err: unknown): boolean {
  return chain(err).some((e) => {
    if (typeof e.code === 'number' && GRPC_CODES.has(e.code)) return true;
    return typeof e.message === 'string' && /^(14 UNAVAILABLE|4 DEADLINE_EXCEEDED)\b/.test(e.message);
  });
}
