/**
 * The periodic CCHC report of a commune (Q1, the 6-month report, Q3, the year): a workflow per period that asks every
 * unit for its input (staff → unit head), then the coordinator drafts the commune's report, Phòng VH-XH's head and
 * the Chairman (or his delegate) approve it, and the coordinator sends it to Sở Nội vụ. The same step model and
 * approval policy as tasks: no second copy of the chain's rules.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Role, UnitCode } from './organisation';
import type { ReportPeriod } from './report-settings';
import type { Actor, ClosedStep, ContentRef, DecisionInput, OpenStep, ReturnInfo, UserRef } from './task';

export const REPORT_STATUSES = ['COLLECTING', 'DRAFTING', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW', 'RETURNED', 'APPROVED', 'SUBMITTED', 'REOPENED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A unit's input to the report: drafted by its staff (or head), approved by its head. */
export interface UnitInput {
  unit: UnitCode;
  status: 'WAITING' | 'UNIT_REVIEW' | 'APPROVED';
  /** Versions saved so far; the stored text is JSON (narrative, task progress, figures) kept by the API. */
  version: number;
  contentId: string | null;
  drafter: UserRef | null;
  returnReason: string | null;
  approvedBy: UserRef | null;
}

export interface ReportSubmission {
  at: string;
  by: UserRef;
  to: string;
  messageId: string;
}

/** The report as its workflow sees it after an event: what the read model stores and the policy reads. */
export interface ReportSnapshot {
  reportId: string;
  commune: string;
  year: number;
  period: ReportPeriod;
  status: ReportStatus;
  /** The last day for the unit inputs, and for the commune's report (the plan's "trước ngày 05" read as for tasks: overdue at the end of that day). */
  inputDueAt: string;
  dueAt: string;
  reviewingUnit: UnitCode;
  units: UnitInput[];
  /** The coordinator's draft of the commune's report (stored JSON sections). */
  draft: { version: number; contentId: string | null; drafter: UserRef | null };
  openSteps: OpenStep[];
  closedSteps: ClosedStep[];
  lastReturn: ReturnInfo | null;
  submission: ReportSubmission | null;
  /** Each time Sở Nội vụ sent it back: when, who recorded it, why. */
  reopenings: { at: string; by: UserRef; reason: string }[];
  seq: number;
}

export interface ReportWorkflowInput {
  commune: string;
  planId: string;
  year: number;
  period: ReportPeriod;
  reportId: string;
  /** The units asked for their input (the commune's internal units). */
  units: UnitCode[];
  reviewingUnit: UnitCode;
  inputDueAt: string;
  dueAt: string;
}

export type ReportEventType =
  | 'REPORT_OPENED'
  | 'INPUT_SAVED'
  | 'INPUT_SUBMITTED'
  | 'REVIEW_BY_SUBMISSION'
  | 'APPROVED'
  | 'RETURNED'
  | 'REPORT_DRAFT_SAVED'
  | 'REPORT_SUBMITTED'
  | 'REPORT_SENT'
  | 'REPORT_REOPENED'
  | 'REMINDER'
  | 'OVERDUE'
  | 'ESCALATED';

/** One entry of the report's append-only trail (the same trail as tasks', keyed by workflow id and seq). */
export interface ReportEvent {
  seq: number;
  at: string;
  type: ReportEventType;
  actor: UserRef | null;
  role: Role | null;
  onBehalfOf: UserRef | null;
  comment: string | null;
  from: ReportStatus | null;
  to: ReportStatus;
  data?: Record<string, unknown>;
}

/** Payload of the report's read-model activity: the state after an event, and the event. */
export interface ReportChange {
  workflowId: string;
  snapshot: ReportSnapshot;
  event: ReportEvent;
}

// ---- Messages. Wire names are recorded in workflow histories: never rename them. ----

export interface SaveUnitInputInput { actor: Actor; unit: UnitCode; input: ContentRef }
export interface SubmitUnitInputInput { actor: Actor; unit: UnitCode; stepId?: string; note?: string }
export interface SaveReportDraftInput { actor: Actor; draft: ContentRef }
export interface SubmitReportInput { actor: Actor; stepId?: string; note?: string }
export interface SendReportInput { actor: Actor }
export interface ReopenReportInput { actor: Actor; reason: string }

export const saveUnitInputUpdate = defineUpdate<ReportSnapshot, [SaveUnitInputInput]>('saveInput');
export const submitUnitInputUpdate = defineUpdate<ReportSnapshot, [SubmitUnitInputInput]>('submitInput');
export const reportDecideUpdate = defineUpdate<ReportSnapshot, [DecisionInput]>('decide');
export const saveReportDraftUpdate = defineUpdate<ReportSnapshot, [SaveReportDraftInput]>('saveDraft');
export const submitReportUpdate = defineUpdate<ReportSnapshot, [SubmitReportInput]>('submit');
export const sendReportUpdate = defineUpdate<ReportSnapshot, [SendReportInput]>('send');
export const reopenReportUpdate = defineUpdate<ReportSnapshot, [ReopenReportInput]>('reopen');
export const reportSnapshotQuery = defineQuery<ReportSnapshot>('snapshot');

/** Activities of the report workflow (implemented by the worker; idempotent). */
export interface ReportActivities {
  /** Writes one change into the read model and the trail (as applyTaskChange does for tasks). */
  applyReportChange(change: ReportChange): Promise<void | { setAside: true }>;
  /** Tells the people a report event concerns (in-app and e-mail), once per (workflow, seq, recipient). */
  notifyReportEvent(change: ReportChange): Promise<void>;
  /**
   * Builds the report's .docx (ND30) and .xlsx appendix from its current content and e-mails both to the commune's
   * Sở Nội vụ address; idempotent per (report, submission number): a retry never sends a second message.
   */
  sendReport(input: { commune: string; reportId: string; workflowId: string; sentBy: UserRef; submission: number }): Promise<{ to: string; messageId: string; at: string }>;
}

export const reportWorkflowId = (commune: string, year: number, period: ReportPeriod) => `${commune}:${year}:report:${period}`;

/** When each report of a plan's year opens, is due from the units, and is due from the commune. */
export interface ReportScheduleEntry {
  period: ReportPeriod;
  opensAt: string;
  inputDueAt: string;
  dueAt: string;
}
