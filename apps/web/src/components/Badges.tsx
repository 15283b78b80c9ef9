import type { TaskStatus } from '../api/types';
import { dueInfo, formatDate } from '../lib/format';
import { statusLabel, type UnitLike } from '../lib/labels';

const STATUS_TONE: Record<TaskStatus, string> = {
  NOT_STARTED: 'neutral',
  IN_PROGRESS: 'info',
  UNIT_REVIEW: 'review',
  VHXH_REVIEW: 'review',
  CHAIRMAN_REVIEW: 'review',
  RETURNED: 'danger',
  COMPLETED: 'success',
  WITHDRAWN: 'neutral',
};

/** `unit`: the unit whose head the task waits for, when it is one unit ("Chờ Giám đốc duyệt"). */
export function StatusBadge({ status, unit }: { status: TaskStatus; unit?: UnitLike }) {
  return <span className={`badge badge-${STATUS_TONE[status] ?? 'neutral'}`}>{statusLabel(status, unit)}</span>;
}

const DUE_ICON = { 'on-time': '●', 'due-soon': '▲', overdue: '■', none: '○', done: '✓' } as const;
const DUE_TITLE = {
  'on-time': 'Trong hạn',
  'due-soon': 'Sắp đến hạn',
  overdue: 'Quá hạn',
  none: 'Chưa có hạn',
  done: 'Đã hoàn thành',
} as const;

/**
 * Days left or overdue, coloured as task trackers do (green / amber / red) and always with words and a shape,
 * so the colour is never the only signal.
 */
export function DueBadge({
  due,
  done,
  overdue,
  showDate,
}: {
  due: string | null | undefined;
  done?: boolean;
  overdue?: boolean;
  showDate?: boolean;
}) {
  const info = dueInfo(due, { done, overdue });
  const state = info.state;
  return (
    <span className={`due due-${state}`} title={DUE_TITLE[state]}>
      <span aria-hidden="true" className="due-icon">
        {DUE_ICON[state]}
      </span>
      {(state === 'on-time' || state === 'due-soon') && <span className="visually-hidden">{DUE_TITLE[state]}: </span>}
      {info.label}
      {showDate && due && state !== 'done' ? <span className="due-date"> · hạn {formatDate(due)}</span> : null}
    </span>
  );
}
