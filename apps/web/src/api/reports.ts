/** The periodic reports (api.md "Reports"): the periods, a report with its content and draft, a unit's input. */
import type { ReportTotals, StepKind, UserRef } from '@app/contracts';
import { api, download } from './client';

export type ReportStatus = 'SCHEDULED' | 'COLLECTING' | 'DRAFTING' | 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW' | 'RETURNED' | 'APPROVED' | 'SUBMITTED' | 'REOPENED';
export type InputStatus = 'WAITING' | 'UNIT_REVIEW' | 'APPROVED';
export type DueState = 'OK' | 'DUE_SOON' | 'OVERDUE' | 'NONE' | string;

export interface StatusWordView {
  key: string;
  text: string;
}

export interface ReportSummary {
  id: string;
  planId: string;
  year: number;
  period: string;
  periodLabel: string;
  periodText: string;
  status: ReportStatus;
  opensAt: string | null;
  inputDueAt: string;
  dueAt: string;
  dueState: DueState | null;
  unitInputs: { unit: string; unitName: string; status: InputStatus; dueAt: string }[];
  submission: { at: string; by: UserRef; to: string; messageId: string } | null;
}

export interface ReportTaskLine {
  taskId: string;
  number: number;
  content: string;
  leadUnitText: string;
  deadlineRaw: string;
  originalDueAt: string | null;
  dueAt: string | null;
  statusWord: StatusWordView;
  completedOn: string | null;
  product: string;
  progressNote: string;
}


export interface DraftSection {
  key: string;
  title: string;
  text: string;
  subsections?: { key: string; title: string; text: string }[];
}

export interface ReportDetail extends ReportSummary {
  allowedActions: string[];
  canOpen: boolean;
  openSteps: { stepId: string; kind: StepKind; unit: string | null; unitName: string | null; assignee: UserRef | null; dueAt: string | null; dueState: DueState; escalationLevel: number }[];
  lastReturn: { reason: string; by: UserRef; at: string } | null;
  reopenings: { at: string; by: UserRef; reason: string }[];
  /** As stored: "Xã An Lão". */
  communeName: string;
  departmentName: string;
  departmentEmail: string | null;
  content: {
    periodText: string;
    window: { from: string; to: string };
    asOf: string;
    groups: { code: string; title: string; tasks: ReportTaskLine[]; totals: ReportTotals }[];
    totals: ReportTotals;
    indicators: { key: string; name: string; target: { comparison: string; value: number } | null; value: number | null; unit: string; sourceUnitName: string; note: string; met: boolean | null }[];
    remaining: { taskId: string; number: number; content: string; leadUnitText: string; statusWord: StatusWordView; dueAt: string | null }[];
  };
  draft: { sections: DraftSection[] };
  draftPrefilled: boolean;
  draftVersion: number;
  history: { seq: number; at: string; type: string; actor: UserRef | null; comment: string | null }[];
}

export interface UnitInputForm {
  reportId: string;
  period: string;
  year: number;
  periodText: string;
  window: { from: string; to: string };
  asOf: string;
  unit: string;
  unitName: string;
  status: InputStatus;
  version: number;
  dueAt: string;
  drafter: UserRef | null;
  approvedBy: UserRef | null;
  returnReason: string | null;
  allowedActions: string[];
  content: { narrative: string; taskProgress: { taskId: string; progress: string; note: string }[]; figures: Record<string, number | null> };
  tasks: (Omit<ReportTaskLine, 'leadUnitText' | 'progressNote'> & { groupCode: string; lastProgress: string | null })[];
  figures: { key: string; label: string; measure: 'count' | 'percent'; counted: string | null; partOf: string | null }[];
}

const id = encodeURIComponent;

export const ReportsApi = {
  list: (planId?: string) => api<ReportSummary[]>(`/reports${planId ? `?planId=${id(planId)}` : ''}`),
  open: (planId: string, period: string) => api<ReportDetail>(`/plans/${id(planId)}/reports`, { method: 'POST', body: { period } }),
  get: (reportId: string) => api<ReportDetail>(`/reports/${id(reportId)}`),
  input: (reportId: string, unit: string) => api<UnitInputForm>(`/reports/${id(reportId)}/inputs/${id(unit)}`),
  saveInput: (reportId: string, unit: string, content: UnitInputForm['content']) =>
    api<UnitInputForm>(`/reports/${id(reportId)}/inputs/${id(unit)}`, { method: 'PUT', body: content }),
  submitInput: (reportId: string, unit: string) => api<UnitInputForm>(`/reports/${id(reportId)}/inputs/${id(unit)}/submit`, { method: 'POST', body: {} }),
  decideInput: (reportId: string, unit: string, decision: 'approve' | 'return', comment?: string) =>
    api<UnitInputForm>(`/reports/${id(reportId)}/inputs/${id(unit)}/decision`, { method: 'POST', body: { decision, comment: comment || undefined } }),
  saveDraft: (reportId: string, sections: DraftSection[]) => api<ReportDetail>(`/reports/${id(reportId)}/draft`, { method: 'PUT', body: { sections } }),
  submit: (reportId: string) => api<ReportDetail>(`/reports/${id(reportId)}/submit`, { method: 'POST', body: {} }),
  decide: (reportId: string, decision: 'approve' | 'return', comment?: string) =>
    api<ReportDetail>(`/reports/${id(reportId)}/decision`, { method: 'POST', body: { decision, comment: comment || undefined } }),
  send: (reportId: string) => api<ReportDetail>(`/reports/${id(reportId)}/submission`, { method: 'POST' }),
  reopen: (reportId: string, reason: string) => api<ReportDetail>(`/reports/${id(reportId)}/reopen`, { method: 'POST', body: { reason } }),
  downloadDocx: (reportId: string) => download(`/reports/${id(reportId)}/document.docx`, 'bao-cao.docx'),
  downloadXlsx: (reportId: string) => download(`/reports/${id(reportId)}/appendix.xlsx`, 'phu-luc.xlsx'),
  downloadBoard: (planId: string) => download(`/plans/${id(planId)}/tasks.xlsx`, 'theo-doi.xlsx'),
};

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  SCHEDULED: 'Chưa mở',
  COLLECTING: 'Đang thu thập số liệu đơn vị',
  DRAFTING: 'Đang dự thảo',
  VHXH_REVIEW: 'Chờ Phòng VH-XH thẩm định',
  CHAIRMAN_REVIEW: 'Chờ Chủ tịch phê duyệt',
  RETURNED: 'Bị trả lại, đang sửa',
  APPROVED: 'Đã phê duyệt, chờ gửi',
  SUBMITTED: 'Đã gửi Sở Nội vụ',
  REOPENED: 'Sở Nội vụ trả lại, đang sửa',
};

export const INPUT_STATUS_LABELS: Record<InputStatus, string> = {
  WAITING: 'Chưa gửi',
  UNIT_REVIEW: 'Chờ lãnh đạo đơn vị duyệt',
  APPROVED: 'Đã duyệt',
};
