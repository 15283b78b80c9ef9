/** What the task shows Temporal's list (search attributes): its status and whether a step of it is past its date. */
import type { TaskStatus } from '@app/contracts';
import { taskStatus, type TaskState } from './state';

export interface SearchState {
  stage: TaskStatus;
  overdue: boolean;
}

export function searchState(state: TaskState, today: string): SearchState {
  return { stage: taskStatus(state), overdue: state.steps.some((s) => s.dueAt !== null && s.dueAt < today) };
}
