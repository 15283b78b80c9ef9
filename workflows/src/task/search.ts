/** What the task shows Temporal's list (search attributes): its status and whether a step of it is past its date. */
import type { TaskStatus } from '@app/contracts';
import { anyStepLate } from '../steps/book';
import { taskStatus, type TaskState } from './state';

export interface SearchState {
  stage: TaskStatus;
  overdue: boolean;
}

export function searchState(state: TaskState, today: string): SearchState {
  return { stage: taskStatus(state), overdue: anyStepLate(state, today) };
}
