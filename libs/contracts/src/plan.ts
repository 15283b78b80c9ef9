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

export interface ParseWarning {
  taskNumber: number | null;
  code: string;
  message: string;
}

export interface PlanGroup {
  /** Roman numeral as written: I … VII. */
  code: string;
  title: string;
}

export interface ParsedTask {
  number: number;
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
}

export interface ParsedPlan {
  title: string;
  year: number;
  decisionNumber: string | null;
  groups: PlanGroup[];
  tasks: ParsedTask[];
  warnings: ParseWarning[];
}
