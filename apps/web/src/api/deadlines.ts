/**
 * The commune's working-day calendar and its settings (api.md "Working days and due dates", "Reports"): shapes and
 * calls, beside endpoints.ts. Types come from libs/contracts (types only, nothing of it enters the bundle).
 */
import type { CalendarDay, DeadlineSettings, EscalationTarget, ReportPeriod, ReportSettings } from '../../../../libs/contracts/src';
import { api } from './client';

export type { CalendarDay, DeadlineSettings, EscalationTarget, ReportPeriod, ReportSettings };

export interface CalendarYear {
  year: number;
  /** The holidays and working Saturdays that count. */
  days: CalendarDay[];
  /** Days shown to the admin that do not count until he applies them (24/11, Ngày Văn hóa Việt Nam). */
  suggestions: CalendarDay[];
  /** False while no list was ever set for the year: only Saturdays and Sundays are off. */
  defined: boolean;
  updatedAt: string | null;
  updatedBy: { id: string; fullName: string } | null;
}

export const DeadlinesApi = {
  calendar: (year: number) => api<CalendarYear>(`/calendar/${year}`),
  saveCalendar: (year: number, days: CalendarDay[], suggestions: CalendarDay[]) =>
    api<CalendarYear>(`/calendar/${year}`, { method: 'PUT', body: { days, suggestions } }),
  addWorkingDays: (from: string, add: number) => api<{ date: string }>(`/calendar/working-days?from=${from}&add=${add}`),
  deadlineSettings: () => api<DeadlineSettings>('/settings/deadlines'),
  saveDeadlineSettings: (settings: DeadlineSettings) => api<DeadlineSettings>('/settings/deadlines', { method: 'PUT', body: settings }),
  reportSettings: () => api<ReportSettings>('/settings/reports'),
  saveReportSettings: (settings: ReportSettings) => api<ReportSettings>('/settings/reports', { method: 'PUT', body: settings }),
};

/** Field problems the API sends with a 400 VALIDATION (`details`), when it sends them. */
export function fieldProblems(details: unknown): { field: string; message: string }[] {
  if (!Array.isArray(details)) return [];
  return details.filter((d): d is { field: string; message: string } => typeof d?.field === 'string' && typeof d?.message === 'string');
}
