/**
 * Report settings of a commune (api.md "Reports"): which periodic CCHC reports it makes, when its units and the
 * commune itself must have them in, and where the approved report goes. Data the admin or the CCHC coordinator
 * edits (`GET/PUT /settings/reports`); the report workflows read them.
 */

/** Q2 is the 6-month report; YEAR is the annual report, made instead of a Q4 report where the commune says so. */
export const REPORT_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'YEAR'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** The month a period's report is made in (its last month): Q1 → 3, Q2 → 6, Q3 → 9, Q4 and YEAR → 12. */
export const REPORT_PERIOD_LAST_MONTH: Record<ReportPeriod, number> = { Q1: 3, Q2: 6, Q3: 9, Q4: 12, YEAR: 12 };

export interface ReportSettings {
  /** The reports the commune makes each year, in calendar order. */
  periods: ReportPeriod[];
  /** Units send their input before this day of the period's last month (due at the start of that day). */
  unitInputDueDay: number;
  /** The commune's report is due before this day of the period's last month (due at the start of that day). */
  communeDueDay: number;
  /**
   * Figures are counted up to and including this day of the period's last month; null: up to the day the report
   * is drafted (no source fixes a commune's cut-off; Bộ Nội vụ's own regime uses the 14th).
   */
  dataCutoffDay: number | null;
  /** Who receives the approved report (Sở Nội vụ), and the e-mail address it is sent to; null until set. */
  departmentName: string;
  departmentEmail: string | null;
  /** The report opens (asks the units for their input) this many working days before the unit-input date. */
  openLeadWorkingDays?: number;
}

/** An Lão's rule (plan IV.1.c, task 3): unit inputs before the 5th of the quarter's last month, the report before the 10th. */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  periods: ['Q1', 'Q2', 'Q3', 'YEAR'],
  unitInputDueDay: 5,
  communeDueDay: 10,
  dataCutoffDay: null,
  departmentName: 'Sở Nội vụ thành phố Hải Phòng',
  departmentEmail: null,
  openLeadWorkingDays: 10,
};
