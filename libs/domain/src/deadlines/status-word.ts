/**
 * The status words Vietnamese task trackers use, counted against the original deadline: the one rule behind the
 * board, the reports and the city overview.
 */
import type { TaskStatus } from '@app/contracts';

export const STATUS_WORDS = {
  NOT_STARTED: 'Chưa thực hiện',
  IN_PROGRESS_ON_TIME: 'Đang thực hiện trong hạn',
  IN_PROGRESS_LATE: 'Đang thực hiện quá hạn',
  DONE_ON_TIME: 'Hoàn thành đúng hạn',
  DONE_LATE: 'Hoàn thành quá hạn',
  NO_DEADLINE: 'Đang thực hiện (chưa có thời hạn)',
  MISSED: 'Không thực hiện do kích hoạt muộn',
  WITHDRAWN: 'Đã rút khỏi kế hoạch',
} as const;
export type StatusWord = keyof typeof STATUS_WORDS;

export interface StatusWordInput {
  status: TaskStatus;
  /** The date the work is due now (extended, if an extension was granted). */
  dueAt: string | null;
  /** The first date (before any extension or amendment): on-time counts use it. */
  originalDueAt: string | null;
  /** The commune's date the cycle was completed. */
  completedOn: string | null;
}

export function statusWord(task: StatusWordInput, today: string): StatusWord {
  if (task.status === 'WITHDRAWN') return 'WITHDRAWN';
  if (task.status === 'COMPLETED') {
    const original = task.originalDueAt ?? task.dueAt;
    return !original || !task.completedOn || task.completedOn <= original ? 'DONE_ON_TIME' : 'DONE_LATE';
  }
  if (!task.dueAt) return task.status === 'NOT_STARTED' ? 'NOT_STARTED' : 'NO_DEADLINE';
  if (task.dueAt < today) return 'IN_PROGRESS_LATE';
  return task.status === 'NOT_STARTED' ? 'NOT_STARTED' : 'IN_PROGRESS_ON_TIME';
}
