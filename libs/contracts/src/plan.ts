/**
 * What a deadline phrase of the plan means.
 * FIXED: one date ("Trước 15/01/2026"); PERIOD_END: end of a month/quarter/year ("Quý I/2026", "Cả năm 2026");
 * MILESTONES: several dates in one cell ("Quý III,IV/2026"); RECURRING: the same day each period
 * ("Trước ngày mùng 10 của tháng cuối quý"); CONTINUOUS: "Thường xuyên", progress in each quarterly report;
 * ON_REQUEST: no date until a request arrives; UNKNOWN: a phrase the parser does not know.
 */
export const DEADLINE_KINDS = ['FIXED', 'PERIOD_END', 'MILESTONES', 'RECURRING', 'CONTINUOUS', 'ON_REQUEST', 'UNKNOWN'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface Deadline {
  /** The cell text exactly as written in the plan. */
  raw: string;
  kind: DeadlineKind;
  /** ISO dates (YYYY-MM-DD), ascending. Empty for CONTINUOUS, ON_REQUEST and UNKNOWN. */
  dueDates: string[];
}

/**
 * Where a task or a warning was read, so that the user can find it in the file: a line of a text file, a row of a
 * Word table (tables counted from 1 in the document) or of an Excel sheet (the row number Excel shows), or a
 * paragraph of a Word file outside its tables (counted from 1, empty paragraphs not counted).
 */
export type SourceRef =
  | { kind: 'line'; line: number }
  | { kind: 'row'; row: number; table?: number; sheet?: string }
  | { kind: 'paragraph'; paragraph: number };

export interface ParseWarning {
  /** The task's key number (ParsedTask.number), or null for a warning about the document. */
  taskNumber: number | null;
  code: string;
  message: string;
  /** The line or row the warning is about, when there is one. */
  source?: SourceRef;
}

export interface PlanGroup {
  /** The group's numeral as written: I … VII (or 1 … 7 in plans that number groups in Arabic numerals). */
  code: string;
  title: string;
}

export interface ParsedTask {
  /**
   * Unique key of the task within the plan (workflow ids and re-imports use it): the plan's own number when the
   * plan numbers its tasks 1…N across groups, else 1…N in plan order.
   */
  number: number;
  /** The number as users know it: "12" when numbered per plan, "III.2" when numbering restarts in each group. */
  displayNumber: string;
  group: string;
  content: string;
  /**
   * Codes of the commune's own (internal) units named in the lead cell, in the unit directory's order. Plain
   * strings: the commune's unit directory is data.
   */
  leadUnits: string[];
  coUnits: string[];
  /** Outside bodies (directory entries of kind EXTERNAL) named in the lead / co-unit cell, e.g. Sở Nội vụ. */
  leadExternal: string[];
  coExternal: string[];
  /** Lead unit cell as written (joined across line/page breaks). */
  leadUnitsText: string;
  /** Co-unit cell as written. */
  coUnitsText: string;
  deadline: Deadline;
  product: string;
  /** The row (or, for a text file, the line) the task starts on. */
  source: SourceRef;
}

export interface ParsedPlan {
  title: string;
  year: number;
  decisionNumber: string | null;
  groups: PlanGroup[];
  tasks: ParsedTask[];
  warnings: ParseWarning[];
}
