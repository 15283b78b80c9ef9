/**
 * What the city overview reads of many communes at once: each task's status and dates (the status words are the
 * domain's), each plan's state, and, where the reports table exists, each report's state and submission.
 */
import type { DataSource } from 'typeorm';
import type { TaskStatus } from '@app/contracts';

export interface OverviewTaskRow {
  commune: string;
  status: TaskStatus;
  due_at: string | null;
  original_due_at: string | null;
  completed_at: string | null;
}

export interface OverviewPlanRow {
  commune: string;
  plan_id: string;
  status: string;
  task_count: number;
}

export interface OverviewReportRow {
  commune: string;
  id: string;
  period: string;
  status: string;
  due_at: string;
  submitted_at: string | null;
}

export class OverviewReadModel {
  private reportsTable: boolean | undefined;

  constructor(private readonly db: DataSource) {}

  /** The year's tasks of these communes, with the fields a status word needs (as the board reads them). */
  tasks(communes: string[], year: number): Promise<OverviewTaskRow[]> {
    return this.db.query(
      `SELECT t.commune, coalesce(t.snapshot->>'status', t.status) AS status,
              t.snapshot->>'cycleDueAt' AS due_at, t.snapshot->>'cycleOriginalDueAt' AS original_due_at,
              t.snapshot->>'completedAt' AS completed_at
       FROM plans p JOIN plan_tasks t ON t.plan_id = p.id
       WHERE p.commune = ANY ($1::text[]) AND p.year = $2`,
      [communes, year],
    );
  }

  plans(communes: string[], year: number): Promise<OverviewPlanRow[]> {
    return this.db.query(
      `SELECT p.commune, p.id AS plan_id, p.status, (SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = p.id) AS task_count
       FROM plans p WHERE p.commune = ANY ($1::text[]) AND p.year = $2`,
      [communes, year],
    );
  }

  /** The year's reports of these communes; none where the deployment has no reports yet. */
  async reports(communes: string[], year: number): Promise<OverviewReportRow[]> {
    if (this.reportsTable === undefined) {
      const rows: { t: string | null }[] = await this.db.query(`SELECT to_regclass('public.reports')::text AS t`);
      this.reportsTable = !!rows[0]?.t;
    }
    if (!this.reportsTable) return [];
    return this.db.query(
      `SELECT commune, id, period, status, to_char(due_at, 'YYYY-MM-DD') AS due_at, snapshot->'submission'->>'at' AS submitted_at
       FROM reports WHERE commune = ANY ($1::text[]) AND year = $2 ORDER BY commune, due_at`,
      [communes, year],
    );
  }
}
