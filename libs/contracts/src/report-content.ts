/**
 * What a report says, as the API shows it and the documents print it: the stored texts (a unit's input, the
 * coordinator's draft) and the commune's report as aggregated from the read model on its data day.
 */
import type { ReportPeriod } from './report-settings';
import type { UnitCode } from './organisation';
import type { TaskStatus } from './task';

/** A unit's input (the JSON text stored for a REPORT_INPUT step): what it did this period, task by task. */
export interface UnitInputContent {
  /** The unit's own account of the period (chỉ đạo, kết quả, khó khăn, kiến nghị). */
  narrative: string;
  /** Progress of each task the unit leads: what was done ("progress") and anything to add ("note"). */
  taskProgress: { taskId: string; progress: string; note: string }[];
  /** The figures the unit owns (REPORT_FIGURES of libs/domain), by key; absent or null: not given. */
  figures: Record<string, number | null>;
}

/** One section of the commune's report as the coordinator edits it; paragraphs are the lines of `text`. */
export interface ReportDraftSection {
  key: string;
  title: string;
  text: string;
  subsections?: { key: string; title: string; text: string }[];
}

/** The coordinator's draft of the commune's report (the JSON text stored for REPORT_DRAFT). */
export interface ReportDraftContent {
  sections: ReportDraftSection[];
}

/** The status word of a task in a report (libs/domain STATUS_WORDS), by key and in words. */
export interface ReportStatusWord {
  key: 'NOT_STARTED' | 'IN_PROGRESS_ON_TIME' | 'IN_PROGRESS_LATE' | 'DONE_ON_TIME' | 'DONE_LATE' | 'NO_DEADLINE' | 'MISSED' | 'WITHDRAWN';
  text: string;
}

export interface ReportTaskLine {
  taskId: string;
  number: number;
  content: string;
  leadUnits: UnitCode[];
  /** The lead unit(s) in words: one unit's name, or the plan's own cell for several. */
  leadUnitText: string;
  deadlineRaw: string;
  /** The date the on-time count uses: the cycle's original date (null: continuous work or no date yet). */
  originalDueAt: string | null;
  /** The cycle's date now (extended or amended). */
  dueAt: string | null;
  status: TaskStatus;
  statusWord: ReportStatusWord;
  completedOn: string | null;
  product: string;
  /** From the lead unit's approved input: "progress; note", per unit when several lead. */
  progressNote: string;
}

export interface ReportTotals {
  total: number;
  doneOnTime: number;
  doneLate: number;
  /** Not finished: in progress (on time or late), not started, no date yet. */
  open: number;
  /** Of `open`, past their date. */
  openOverdue: number;
  /** Not done because the plan was activated after their period (counted neither on time nor late). */
  notCounted: number;
  withdrawn: number;
}

export interface ReportIndicatorLine {
  key: string;
  name: string;
  target: { comparison: 'atLeast' | 'moreThan' | 'exactly' | 'atMost'; value: number } | null;
  value: number | null;
  unit: string;
  sourceUnit: UnitCode;
  sourceUnitName: string;
  /** How the value was reached ("1.231/1.241 hồ sơ"), or why it is missing. */
  note: string;
  met: boolean | null;
}

export interface ReportUnitInputView {
  unit: UnitCode;
  unitName: string;
  status: 'WAITING' | 'UNIT_REVIEW' | 'APPROVED';
  /** The stored input (latest version), null until saved. */
  content: UnitInputContent | null;
  version: number;
  drafter: { id: string; fullName: string } | null;
  approvedBy: { id: string; fullName: string } | null;
  returnReason: string | null;
}

/** The commune's report content on its data day, aggregated from the read model (GET /reports/{id}). */
export interface ReportContent {
  period: ReportPeriod;
  year: number;
  /** "Quý I năm 2026", "6 tháng đầu năm 2026", "năm 2026". */
  periodText: string;
  /** The data window (ISO dates, inclusive) and the day statuses are taken on (≤ window end, ≤ today). */
  window: { from: string; to: string };
  asOf: string;
  groups: { code: string; title: string; tasks: ReportTaskLine[]; totals: ReportTotals }[];
  totals: ReportTotals;
  indicators: ReportIndicatorLine[];
  /** Open tasks carried into the next period, the overdue ones first. */
  remaining: { taskId: string; number: number; content: string; leadUnitText: string; statusWord: ReportStatusWord; dueAt: string | null }[];
  unitInputs: ReportUnitInputView[];
}
