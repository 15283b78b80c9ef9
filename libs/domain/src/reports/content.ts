/**
 * The commune's report content from what the read model holds (pure shaping; the queries are
 * libs/persistence/src/reports): each task with the status word of the cycle the period answers for, the totals,
 * the indicators, what remains for the next period and the units' inputs.
 *
 * Which cycle a task answers for in a period: the last of its cycles whose first date falls in the period's data
 * window (a quarterly cycle of continuous work, a milestone), or else the cycle it is in now. A past cycle is
 * either completed (on time or late, against its first date) or was missed because the plan was activated after
 * it ("Không thực hiện do kích hoạt muộn": counted neither on time nor late). The cycle it is in now gets the
 * board's status word (libs/domain statusWord) on the data day — so on a day when every task is in the cycle of
 * the period, the report's counts and the board's are the same numbers; a cycle completed after the data day
 * counts as not completed yet.
 */
import type {
  ReportContent,
  ReportPeriod,
  ReportStatusWord,
  ReportTaskLine,
  ReportTotals,
  ReportUnitInputView,
  TaskStatus,
  UnitCode,
  UnitInputContent,
} from '@app/contracts';
import { communeDate } from '../calendar/commune-time';
import { STATUS_WORDS, statusWord, type StatusWord } from '../deadlines/status-word';
import { computeIndicators } from './indicators';
import { periodText } from './period';

/** A cycle as the trail tells it: opened (with its first date), completed, or missed at activation. */
export interface CycleEvent {
  type: 'CYCLE_OPENED' | 'CYCLE_MISSED' | 'COMPLETED';
  /** ISO instant. */
  at: string;
  cycle: number | null;
  dueAt: string | null;
}

/** What the aggregation reads of one task. */
export interface TaskFacts {
  id: string;
  number: number;
  groupCode: string;
  content: string;
  leadUnits: UnitCode[];
  leadUnitsText: string;
  deadlineRaw: string;
  product: string;
  /** The row's status (before any workflow wrote a snapshot: NOT_STARTED). */
  status: TaskStatus;
  /** From the latest snapshot; null while the task's workflow has written nothing. */
  current: { status: TaskStatus; cycle: number; dueAt: string | null; originalDueAt: string | null; completedAt: string | null } | null;
  cycles: CycleEvent[];
}

const word = (key: StatusWord): ReportStatusWord => ({ key, text: STATUS_WORDS[key] });

interface CycleView {
  status: TaskStatus;
  word: ReportStatusWord;
  dueAt: string | null;
  originalDueAt: string | null;
  completedOn: string | null;
}

/** The status of the task's cycle this period answers for, on the data day (see the module's comment). */
export function taskCycleInPeriod(task: TaskFacts, window: { from: string; to: string }, asOf: string): CycleView {
  const current = task.current;
  const firstDates = new Map<number, string | null>();
  const completedAt = new Map<number, string>();
  const missed = new Set<number>();
  for (const e of task.cycles) {
    if (e.cycle === null) continue;
    if (e.type === 'CYCLE_OPENED' || e.type === 'CYCLE_MISSED') if (!firstDates.has(e.cycle)) firstDates.set(e.cycle, e.dueAt);
    if (e.type === 'CYCLE_MISSED') missed.add(e.cycle);
    if (e.type === 'COMPLETED') completedAt.set(e.cycle, e.at);
  }
  const inWindow = [...firstDates.entries()]
    .filter(([, due]) => due !== null && due >= window.from && due <= window.to)
    .map(([cycle]) => cycle)
    .sort((a, b) => a - b);
  const chosen = inWindow.length ? inWindow[inWindow.length - 1] : null;

  if (chosen !== null && current && chosen !== current.cycle) {
    const due = firstDates.get(chosen) ?? null;
    if (missed.has(chosen)) return { status: 'NOT_STARTED', word: word('MISSED'), dueAt: due, originalDueAt: due, completedOn: null };
    const done = completedAt.get(chosen);
    const doneOn = done ? communeDate(new Date(done)) : null;
    if (doneOn && doneOn <= asOf) {
      return { status: 'COMPLETED', word: word(due && doneOn > due ? 'DONE_LATE' : 'DONE_ON_TIME'), dueAt: due, originalDueAt: due, completedOn: doneOn };
    }
    // Not completed on the data day (the cycle moved on later): in progress, late once its date has passed.
    return { status: 'IN_PROGRESS', word: word(due && due < asOf ? 'IN_PROGRESS_LATE' : 'IN_PROGRESS_ON_TIME'), dueAt: due, originalDueAt: due, completedOn: null };
  }

  if (!current) {
    return { status: task.status, word: word(statusWord({ status: task.status, dueAt: null, originalDueAt: null, completedOn: null }, asOf)), dueAt: null, originalDueAt: null, completedOn: null };
  }
  const completedOn = current.completedAt ? communeDate(new Date(current.completedAt)) : null;
  const doneByThen = current.status === 'COMPLETED' && completedOn !== null && completedOn > asOf ? null : completedOn;
  const status: TaskStatus = current.status === 'COMPLETED' && doneByThen === null && completedOn !== null ? 'IN_PROGRESS' : current.status;
  const key = statusWord({ status, dueAt: current.dueAt, originalDueAt: current.originalDueAt, completedOn: doneByThen }, asOf);
  return { status, word: word(key), dueAt: current.dueAt, originalDueAt: current.originalDueAt ?? current.dueAt, completedOn: status === 'COMPLETED' ? doneByThen : null };
}

/** Totals from the lines, never carried beside them, so the two cannot disagree. */
export function reportTotals(lines: readonly Pick<ReportTaskLine, 'statusWord'>[]): ReportTotals {
  const count = (...keys: ReportStatusWord['key'][]) => lines.filter((l) => keys.includes(l.statusWord.key)).length;
  return {
    total: lines.length,
    doneOnTime: count('DONE_ON_TIME'),
    doneLate: count('DONE_LATE'),
    open: count('IN_PROGRESS_ON_TIME', 'IN_PROGRESS_LATE', 'NOT_STARTED', 'NO_DEADLINE'),
    openOverdue: count('IN_PROGRESS_LATE'),
    notCounted: count('MISSED'),
    withdrawn: count('WITHDRAWN'),
  };
}

/** "progress; note" of each lead unit's approved input for the task ("VP: …; KT: …" when several lead). */
function progressOf(task: TaskFacts, inputs: Map<UnitCode, UnitInputContent>): string {
  const parts = task.leadUnits.flatMap((unit) => {
    const line = inputs.get(unit)?.taskProgress.find((p) => p.taskId === task.id);
    if (!line) return [];
    const text = [line.progress.trim(), line.note.trim()].filter(Boolean).join('; ');
    return text ? [{ unit, text }] : [];
  });
  if (parts.length === 1 && task.leadUnits.length === 1) return parts[0].text;
  return parts.map((p) => `${p.unit}: ${p.text}`).join('; ');
}

export interface ContentInput {
  period: ReportPeriod;
  year: number;
  window: { from: string; to: string };
  asOf: string;
  /** The plan's groups in its order. */
  groups: { code: string; title: string }[];
  tasks: TaskFacts[];
  unitNames: Record<UnitCode, string>;
  unitInputs: ReportUnitInputView[];
}

export function reportContent(input: ContentInput): ReportContent {
  // Only what a unit head approved feeds the report; a unit still drafting shows in `unitInputs` only.
  const approved = new Map<UnitCode, UnitInputContent>(
    input.unitInputs.filter((u) => u.status === 'APPROVED' && u.content).map((u) => [u.unit, u.content!]),
  );
  const lines: ReportTaskLine[] = [...input.tasks]
    .sort((a, b) => a.number - b.number)
    .map((t) => {
      const cycle = taskCycleInPeriod(t, input.window, input.asOf);
      return {
        taskId: t.id,
        number: t.number,
        content: t.content,
        leadUnits: t.leadUnits,
        leadUnitText: t.leadUnits.length === 1 ? (input.unitNames[t.leadUnits[0]] ?? t.leadUnits[0]) : t.leadUnitsText,
        deadlineRaw: t.deadlineRaw,
        originalDueAt: cycle.originalDueAt,
        dueAt: cycle.dueAt,
        status: cycle.status,
        statusWord: cycle.word,
        completedOn: cycle.completedOn,
        product: t.product,
        progressNote: progressOf(t, approved),
      };
    });
  const groupOf = new Map(input.tasks.map((t) => [t.id, t.groupCode]));
  const groups = input.groups
    .map((g) => {
      const tasks = lines.filter((l) => groupOf.get(l.taskId) === g.code);
      return { code: g.code, title: g.title, tasks, totals: reportTotals(tasks) };
    })
    .filter((g) => g.tasks.length > 0);
  const remaining = lines
    .filter((l) => ['IN_PROGRESS_LATE', 'IN_PROGRESS_ON_TIME', 'NOT_STARTED', 'NO_DEADLINE'].includes(l.statusWord.key))
    .sort((a, b) => Number(b.statusWord.key === 'IN_PROGRESS_LATE') - Number(a.statusWord.key === 'IN_PROGRESS_LATE') || a.number - b.number)
    .map((l) => ({ taskId: l.taskId, number: l.number, content: l.content, leadUnitText: l.leadUnitText, statusWord: l.statusWord, dueAt: l.dueAt }));
  return {
    period: input.period,
    year: input.year,
    periodText: periodText(input.period, input.year),
    window: input.window,
    asOf: input.asOf,
    groups,
    totals: reportTotals(lines),
    indicators: computeIndicators({
      year: input.year,
      asOf: input.asOf,
      tasks: lines,
      figures: Object.fromEntries([...approved].map(([unit, c]) => [unit, c.figures])),
      unitNames: input.unitNames,
    }),
    remaining,
    unitInputs: input.unitInputs,
  };
}
