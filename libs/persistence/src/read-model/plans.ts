/** `plans`: one plan per commune and year, imported (plan-store.ts) then activated (its workflow started). */
import type { DataSource } from 'typeorm';

export interface PlanRow {
  id: string;
  commune: string;
  year: number;
  title: string;
  status: 'DRAFT' | 'ACTIVE';
  decision_number: string | null;
  imported_at: Date;
  activated_at: Date | null;
  groups: { code: string; title: string }[];
  warnings: { taskNumber: number | null; code: string; message: string }[];
  task_count: number;
}

export interface ActivationTaskRow {
  id: string;
  number: number;
  content: string;
  lead_units: string[];
  co_units: string[];
  deadline_kind: string;
  due_dates: string[];
}

const SELECT = `
  SELECT p.id, p.commune, p.year, p.title, p.status, p.decision_number, p.imported_at, p.activated_at, p.groups, p.warnings,
         (SELECT count(*)::int FROM plan_tasks t WHERE t.plan_id = p.id) AS task_count
  FROM plans p`;

export class PlanReadModel {
  constructor(private readonly db: DataSource) {}

  list(commune: string): Promise<PlanRow[]> {
    return this.db.query(`${SELECT} WHERE p.commune = $1 ORDER BY p.year DESC`, [commune]);
  }

  async find(commune: string, planId: string): Promise<PlanRow | null> {
    const rows: PlanRow[] = await this.db.query(`${SELECT} WHERE p.id::text = $1 AND p.commune = $2`, [planId, commune]);
    return rows[0] ?? null;
  }

  /** The commune's plan of a year, if it has one (what an import of that year's plan would update). */
  async findByYear(commune: string, year: number): Promise<PlanRow | null> {
    const rows: PlanRow[] = await this.db.query(`${SELECT} WHERE p.commune = $1 AND p.year = $2`, [commune, year]);
    return rows[0] ?? null;
  }

  tasksToStart(planId: string): Promise<ActivationTaskRow[]> {
    return this.db.query(
      `SELECT id, number, content, lead_units, co_units, deadline_kind, due_dates FROM plan_tasks WHERE plan_id = $1 AND withdrawn_at IS NULL ORDER BY number`,
      [planId],
    );
  }

  async markActive(planId: string): Promise<void> {
    await this.db.query(`UPDATE plans SET status = 'ACTIVE', activated_at = coalesce(activated_at, now()) WHERE id = $1`, [planId]);
  }

  /** Tasks of the plan whose workflow has not written its first state yet (no inbox rows to read). */
  async tasksWithoutState(planId: string): Promise<number> {
    const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE plan_id = $1 AND last_seq < 1`, [planId]);
    return rows[0].n;
  }
}
