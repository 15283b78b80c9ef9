import type { DueState, StatusWord, TaskStatus } from '../api/types';
import { useEscalationWord } from '../lib/escalation';
import { formatDate } from '../lib/format';
import { DUE_STATE_LABELS, statusLabel, type UnitLike } from '../lib/labels';

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

const WORD_TONE: Record<StatusWord, string> = {
  NOT_STARTED: 'neutral',
  IN_PROGRESS_ON_TIME: 'info',
  IN_PROGRESS_LATE: 'danger',
  NO_DEADLINE: 'neutral',
  DONE_ON_TIME: 'success',
  DONE_LATE: 'warning',
  MISSED: 'neutral',
  WITHDRAWN: 'neutral',
};

/** The tracker's word for a task ("Đang thực hiện quá hạn", "Hoàn thành đúng hạn"), as the API computed it. */
export function StatusWordBadge({ word }: { word: { key: StatusWord; text: string } | null | undefined }) {
  if (!word) return null;
  return <span className={`badge badge-${WORD_TONE[word.key] ?? 'neutral'} status-word`}>{word.text}</span>;
}

const DUE_CLASS: Record<DueState | 'DONE', string> = {
  ON_TIME: 'on-time',
  DUE_SOON: 'due-soon',
  OVERDUE: 'overdue',
  NO_DATE: 'none',
  DONE: 'done',
};
const DUE_ICON: Record<DueState | 'DONE', string> = { ON_TIME: '●', DUE_SOON: '▲', OVERDUE: '■', NO_DATE: '○', DONE: '✓' };

/** The class an item takes for its due state (a coloured edge in lists). */
export function dueClass(state: DueState | null | undefined): string {
  return DUE_CLASS[state ?? 'NO_DATE'];
}

/**
 * How a due date stands today ("Trong hạn", "Sắp đến hạn", "Quá hạn", "Chưa có hạn"), coloured as task trackers do
 * (green / amber / red) and always with words and a shape, so the colour is never the only signal. The state is the
 * API's (`dueState`, counted in the commune's working days); `done` shows a finished task instead.
 */
export function DueBadge({
  state,
  due,
  done,
  showDate,
}: {
  state: DueState | null | undefined;
  due?: string | null;
  done?: boolean;
  showDate?: boolean;
}) {
  const key: DueState | 'DONE' = done ? 'DONE' : (state ?? 'NO_DATE');
  const label = key === 'DONE' ? 'Đã hoàn thành' : DUE_STATE_LABELS[key];
  return (
    <span className={`due due-${DUE_CLASS[key]}`}>
      <span aria-hidden="true" className="due-icon">
        {DUE_ICON[key]}
      </span>
      {label}
      {showDate && due && key !== 'DONE' ? <span className="due-date"> · hạn {formatDate(due)}</span> : null}
    </span>
  );
}

/** "Đã báo đầu mối CCHC": how far up the ladder a step went (nothing when it has not). */
export function EscalationNote({ level }: { level: number | null | undefined }) {
  const word = useEscalationWord()(level);
  if (!word) return null;
  return (
    <span className="escalation">
      <span aria-hidden="true">⚑ </span>
      {word}
    </span>
  );
}
