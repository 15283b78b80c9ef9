/**
 * The task's reminders and escalation ladder: the step book's (steps/ladder.ts), recorded as the task's events.
 */
import type { TaskChange } from '@app/contracts';
import { fireDueAlerts as fireBookAlerts, nextWakeAt as nextBookWakeAt } from '../steps/ladder';
import { taskStatus, type TaskState } from './state';
import { record } from './transitions';

export function nextWakeAt(state: TaskState): number | null {
  if (state.stage === 'COMPLETED' || state.stage === 'WITHDRAWN') return null;
  return nextBookWakeAt(state);
}

export function fireDueAlerts(state: TaskState, now: Date, atActivation: boolean): TaskChange[] {
  return fireBookAlerts(state, now, atActivation, (alert) => record(state, now, { type: alert.type, from: taskStatus(state), data: alert.data }));
}
