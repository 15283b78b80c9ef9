import type { ErrorCode } from '@app/contracts';

/** The document cannot be read as a plan at all (no task table); the API answers 422 PLAN_INVALID. */
export class PlanParseError extends Error {
  readonly code: ErrorCode = 'PLAN_INVALID';

  constructor(message: string) {
    super(message);
    this.name = 'PlanParseError';
  }
}
