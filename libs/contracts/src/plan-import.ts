/**
 * Wire shapes of the commune's unit directory, of a plan file as read before it is imported (the preview), and of
 * amendments to an active plan. The API builds them; the web shows them.
 */
import type { Deadline, PlanGroup, SourceRef } from './plan';
import type { UnitCode } from './organisation';
import type { TaskStatus } from './task';

export const UNIT_KINDS = ['INTERNAL', 'EXTERNAL'] as const;
/** INTERNAL: a unit of the commune's People's Committee (gets tasks and steps); EXTERNAL: an outside body. */
export type UnitKind = (typeof UNIT_KINDS)[number];

/** One entry of a commune's unit directory (`GET /units`). */
export interface Unit {
  code: UnitCode;
  name: string;
  /** Other spellings plans use; case, diacritics, dashes and "&"/"và" do not matter. */
  aliases: string[];
  kind: UnitKind;
  /** The unit whose head holds the VHXH_REVIEW level; exactly one per commune. */
  reviewing: boolean;
}

/** A body named in a unit cell and found in the directory. */
export interface UnitMention {
  code: UnitCode;
  name: string;
}

/** A lead or co-unit cell as read against the commune's directory. */
export interface PreviewUnitCell {
  /** The cell as written. */
  text: string;
  /** Units of the commune, in directory order. */
  units: UnitMention[];
  /** Outside bodies. */
  external: UnitMention[];
  /** Names the directory does not know, as written. */
  unknown: string[];
  /** The cell names every unit of the commune ("Các phòng, ban, ngành"). */
  allUnits: boolean;
}

export interface PreviewWarning {
  code: string;
  message: string;
  /** "hàng 5 của bảng 2", "dòng 280": where to look in the file, when the warning is about a line or row. */
  where?: string;
}

/** One task of a plan file as read. */
export interface PreviewTask {
  /** The key the import gives it (see ParsedTask.number). */
  number: number;
  /** What users know it by: "12", or "III.2" when numbering restarts per group. */
  displayNumber: string;
  group: string;
  content: string;
  product: string;
  lead: PreviewUnitCell;
  co: PreviewUnitCell;
  /** As written (`raw`) and as read (kind, dates). */
  deadline: Deadline;
  source: SourceRef;
  /** The source in words: "hàng 5 của bảng 2", "dòng 280". */
  where: string;
  warnings: PreviewWarning[];
}

/** `POST /plans/import/preview`: the plan file as read; nothing is written. */
export interface PlanPreview {
  format: 'docx' | 'xlsx' | 'text';
  title: string;
  year: number;
  decisionNumber: string | null;
  groups: PlanGroup[];
  tasks: PreviewTask[];
  /** Warnings about the document rather than one task. */
  warnings: PreviewWarning[];
  /** Every distinct unknown unit name, with the tasks (display numbers) that use it: what the coordinator maps. */
  unknownUnits: { name: string; tasks: string[] }[];
  /** The commune's plan of that year as it stands, if any: importing updates a DRAFT; an ACTIVE one is amended. */
  existing: { planId: string; status: 'DRAFT' | 'ACTIVE'; taskCount: number } | null;
}

/** What an amendment changes in one task's row or workflow. */
export type AmendedField = 'group' | 'content' | 'leadUnits' | 'coUnits' | 'deadline' | 'product' | 'number';

/** A task's fields as an amendment shows them before and after. */
export interface AmendmentTaskView {
  displayNumber: string;
  group: string;
  content: string;
  leadUnitsText: string;
  coUnitsText: string;
  deadline: Deadline;
  product: string;
}

export interface AmendmentChangeView {
  taskId: string;
  status: TaskStatus;
  before: AmendmentTaskView;
  after: AmendmentTaskView;
  fields: AmendedField[];
  /** Fields shown but not applied, each with the reason (e.g. a running task keeps its lead unit). */
  notApplied: { field: AmendedField; reason: string }[];
}

export interface AmendmentWithdrawalView {
  taskId: string;
  status: TaskStatus;
  task: AmendmentTaskView;
  /** A completed task keeps its result and trail; it is only marked as withdrawn. */
  note: string | null;
}

/** `POST /plans/{id}/amendments/preview`: what applying the revised plan would do; nothing is written. */
export interface AmendmentPreview {
  planId: string;
  /** The revised plan's groups (the added tasks are shown under them). */
  groups: PlanGroup[];
  added: PreviewTask[];
  changed: AmendmentChangeView[];
  withdrawn: AmendmentWithdrawalView[];
  /** Tasks found unchanged (renumbering alone is listed in `changed` with the field "number"). */
  unchangedCount: number;
  /** Problems that stop the amendment from being applied (e.g. a new deadline that cannot be read). */
  blocking: PreviewWarning[];
  /** The revised file's own warnings (as in the import preview). */
  warnings: PreviewWarning[];
  unknownUnits: { name: string; tasks: string[] }[];
}

/** One row of the append-only amendment record (`GET /plans/{id}/amendments`). */
export interface AmendmentRecord {
  id: string;
  amendmentId: string;
  at: string;
  decision: string;
  actor: { id: string; fullName: string };
  taskId: string;
  displayNumber: string;
  change: 'ADDED' | 'CHANGED' | 'WITHDRAWN';
  fields: AmendedField[];
  before: AmendmentTaskView | null;
  after: AmendmentTaskView | null;
  /** What reached the task's workflow: "started", "schedule", "withdrawn", or null when only the row changed. */
  workflow: 'started' | 'schedule' | 'withdrawn' | null;
  note: string | null;
}

/** `POST /plans/{id}/amendments` and `PUT /tasks/{id}/amendment`: what was applied. */
export interface AmendmentResult {
  amendmentId: string;
  decision: string;
  added: number;
  changed: number;
  withdrawn: number;
  records: AmendmentRecord[];
}
