/**
 * The report workflow's state in one plain object, and its snapshot. Pure. The steps live in the step book shared
 * with tasks (steps/book.ts); the units' inputs and the commune's draft say where the work stands.
 */
import type { Principal, ReportSnapshot, ReportStatus, ReportSubmission, ReportWorkflowInput, ReturnInfo, UnitInput, UserRef } from '@app/contracts';
import type { StepBook } from '../steps/book';

export interface UnitInputState extends UnitInput {
  /** The drafter's keys when he submitted: a unit head who drafted his unit's input has spoken by submitting it. */
  drafterPrincipals: Principal[];
}

/** Where the report stands: the units' inputs, the coordinator's draft, the two reviews, approved, sent. */
export type ReportStage = 'COLLECTING' | 'DRAFTING' | 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW' | 'APPROVED' | 'SUBMITTED';

export interface ReportState extends StepBook {
  workflowId: string;
  input: ReportWorkflowInput;
  stage: ReportStage;
  units: UnitInputState[];
  draft: { version: number; contentId: string | null; drafter: UserRef | null; drafterPrincipals: Principal[] };
  lastReturn: ReturnInfo | null;
  /** The draft was returned (or the report reopened) and has not been submitted again since. */
  sentBack: 'RETURNED' | 'REOPENED' | null;
  submission: ReportSubmission | null;
  submissions: number;
  reopenings: { at: string; by: UserRef; reason: string }[];
  seq: number;
  revision: number;
}

export function createReportState(input: ReportWorkflowInput, workflowId: string): ReportState {
  return {
    workflowId,
    input,
    cycle: 1,
    stepCounter: 0,
    steps: [],
    closedSteps: [],
    alerts: {},
    rules: null,
    stage: 'COLLECTING',
    units: [...new Set(input.units)].map((unit) => ({
      unit,
      status: 'WAITING',
      version: 0,
      contentId: null,
      drafter: null,
      drafterPrincipals: [],
      returnReason: null,
      approvedBy: null,
    })),
    draft: { version: 0, contentId: null, drafter: null, drafterPrincipals: [] },
    lastReturn: null,
    sentBack: null,
    submission: null,
    submissions: 0,
    reopenings: [],
    seq: 0,
    revision: 0,
  };
}

export function reportStatus(state: ReportState): ReportStatus {
  if (state.stage === 'DRAFTING' && state.sentBack) return state.sentBack;
  return state.stage;
}

const copyUser = (u: UserRef | null): UserRef | null => (u ? { id: u.id, fullName: u.fullName } : null);

/** A deep copy: snapshots leave the workflow (queries, update results, activity payloads) and must not alias state. */
export function toReportSnapshot(state: ReportState): ReportSnapshot {
  return {
    reportId: state.input.reportId,
    commune: state.input.commune,
    year: state.input.year,
    period: state.input.period,
    status: reportStatus(state),
    inputDueAt: state.input.inputDueAt,
    dueAt: state.input.dueAt,
    reviewingUnit: state.input.reviewingUnit,
    units: state.units.map(({ drafterPrincipals: _keys, ...u }) => ({ ...u, drafter: copyUser(u.drafter), approvedBy: copyUser(u.approvedBy) })),
    draft: { version: state.draft.version, contentId: state.draft.contentId, drafter: copyUser(state.draft.drafter) },
    openSteps: state.steps.map((s) => ({ ...s, assignee: copyUser(s.assignee), principals: [...s.principals], excludedUserIds: [...s.excludedUserIds] })),
    closedSteps: state.closedSteps.map((s) => ({ ...s, principals: [...s.principals] })),
    lastReturn: state.lastReturn ? { ...state.lastReturn, by: copyUser(state.lastReturn.by)!, onBehalfOf: copyUser(state.lastReturn.onBehalfOf) } : null,
    submission: state.submission ? { ...state.submission, by: copyUser(state.submission.by)! } : null,
    reopenings: state.reopenings.map((r) => ({ ...r, by: copyUser(r.by)! })),
    seq: state.seq,
  };
}
