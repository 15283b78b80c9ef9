import type { AuditEventType } from '@app/contracts';

/**
 * The task events that may tell someone. Whom, and what, is decided by the notifications library (recipients.ts),
 * which asks this set first: an event outside it tells nobody. It lives in the domain so that the task workflow
 * asks it too and does not schedule the notifications activity for an event that can tell no one — a draft saved
 * five hundred times then costs the workflow's history no activity at all.
 */
export const TOLD_TASK_EVENTS: ReadonlySet<AuditEventType> = new Set<AuditEventType>([
  'ASSIGNED',
  'REASSIGNED',
  'SUBMITTED',
  'APPROVED',
  'RETURNED',
  'CONTRIBUTION_REQUESTED',
  'REMINDER',
  'OVERDUE',
  'ESCALATED',
  'EXTENSION_REQUESTED',
  'EXTENSION_APPROVED',
  'EXTENSION_REJECTED',
]);

export function tellsAnyone(type: AuditEventType): boolean {
  return TOLD_TASK_EVENTS.has(type);
}
