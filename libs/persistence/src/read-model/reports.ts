/**
 * `reports`: a commune's periodic CCHC reports (one per year and period) and where each workflow stands: its status
 * and the last snapshot, written only by the report's changes (changes.ts, ReportChangeWriter). A row is created once
 * its schedule is known, SCHEDULED until its workflow writes its first change. Every query is scoped by commune:
 * another commune's report is simply not found.
 */
import type { DataSource } from 'typeorm';
import { reportWorkflowId, type ReportPeriod, type ReportSnapshot } from '@app/contracts';

/** The read model's own state of a report whose workflow has not written yet. */
export const REPORT_SCHEDULED = 'SCHEDULED';

export interface ReportRow {
  id: string;
  commune: string;
  plan_id: string;
  year: number;
  period: ReportPeriod;
  workflow_id: string;
  /** A ReportStatus, or SCHEDULED. */
  status: string;
  opens_at: Date | null;
  input_due_at: string;
  due_at: string;
  snapshot: ReportSnapshot | null;
  last_seq: number;
  updated_at: Date;
}

const SELECT = `
  SELECT id, commune, plan_id, year, period, workflow_id, status, opens_at, to_char(input_due_at, 'YYYY-MM-DD') AS input_due_at,
         to_char(due_at, 'YYYY-MM-DD') AS due_at, snapshot, last_seq, updated_at
  FROM reports`;

export interface ReportScheduleRow {
  commune: string;
  planId: string;
  year: number;
  period: ReportPeriod;
  /** ISO instant the report opens (asks the units), or null when it is opened by hand now. */
  opensAt: string | null;
  inputDueAt: string;
  dueAt: string;
}

export class ReportReadModel {
  constructor(private readonly db: DataSource) {}

  async find(commune: string, reportId: string): Promise<ReportRow | null> {
    const rows: ReportRow[] = await this.db.query(`${SELECT} WHERE id::text = $1 AND commune = $2`, [reportId, commune]);
    return rows[0] ?? null;
  }

  async findByPeriod(commune: string, year: number, period: ReportPeriod): Promise<ReportRow | null> {
    const rows: ReportRow[] = await this.db.query(`${SELECT} WHERE commune = $1 AND year = $2 AND period = $3`, [commune, year, period]);
    return rows[0] ?? null;
  }

  /** The reports of a plan, in the order they fall due. */
  listByPlan(commune: string, planId: string): Promise<ReportRow[]> {
    return this.db.query(`${SELECT} WHERE commune = $1 AND plan_id::text = $2 ORDER BY due_at, period`, [commune, planId]);
  }

  /**
   * The report row of a period, created if new. A report not opened yet follows its schedule as it is settled now
   * (the commune may have changed its settings); once opened, its dates are the workflow's.
   */
  async ensure(input: ReportScheduleRow): Promise<ReportRow> {
    await this.db.query(
      `INSERT INTO reports (commune, plan_id, year, period, workflow_id, opens_at, input_due_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (commune, year, period) DO UPDATE
         SET opens_at = coalesce(EXCLUDED.opens_at, reports.opens_at), input_due_at = EXCLUDED.input_due_at, due_at = EXCLUDED.due_at,
             updated_at = now()
         WHERE reports.status = '${REPORT_SCHEDULED}'`,
      [
        input.commune,
        input.planId,
        input.year,
        input.period,
        reportWorkflowId(input.commune, input.year, input.period),
        input.opensAt,
        input.inputDueAt,
        input.dueAt,
      ],
    );
    // A data-modifying statement's own rows are not visible to a SELECT in it: read the row afterwards.
    return (await this.findByPeriod(input.commune, input.year, input.period))!;
  }
}
