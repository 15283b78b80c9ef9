/** Stable error codes of the HTTP API (api.md "Errors"); workflows reuse them as ApplicationFailure types. */
export const ERROR_CODES = [
  'AUTH_INVALID',
  'AUTH_REQUIRED',
  'FORBIDDEN',
  'NOT_YOUR_STEP',
  'SELF_APPROVAL',
  'NOT_FOUND',
  'VALIDATION',
  'STEP_CLOSED',
  'PLAN_INVALID',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
