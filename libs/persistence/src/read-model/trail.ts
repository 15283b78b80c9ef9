/**
 * `audit_events`: the append-only trail of tasks and reports (a trigger refuses UPDATE, DELETE and TRUNCATE), written
 * by changes.ts.
 */
import type { DataSource } from 'typeorm';

export interface AuditEventRow {
  seq: number;
  at: Date;
  type: string;
  actor_id: string | null;
  actor_name: string | null;
  role: string | null;
  on_behalf_of_id: string | null;
  on_behalf_of_name: string | null;
  comment: string | null;
  from_status: string | null;
  to_status: string | null;
  data: Record<string, unknown> | null;
}

export class TrailReadModel {
  constructor(private readonly db: DataSource) {}

  history(taskId: string): Promise<AuditEventRow[]> {
    return this.db.query(
      `SELECT seq, at, type, actor_id, actor_name, role, on_behalf_of_id, on_behalf_of_name, comment, from_status, to_status, data
       FROM audit_events WHERE task_id = $1 ORDER BY seq`,
      [taskId],
    );
  }

  /** A report's trail, oldest first. */
  reportHistory(reportId: string): Promise<AuditEventRow[]> {
    return this.db.query(
      `SELECT seq, at, type, actor_id, actor_name, role, on_behalf_of_id, on_behalf_of_name, comment, from_status, to_status, data
       FROM audit_events WHERE report_id = $1 ORDER BY seq`,
      [reportId],
    );
  }

  /** Changes set aside because the database refused them (shown to the coordinator). */
  setAside(commune: string): Promise<{ workflow_id: string; seq: number; task_id: string | null; event_type: string | null; error: string; set_aside_at: Date }[]> {
    return this.db.query(
      `SELECT workflow_id, seq, task_id, event_type, error, set_aside_at FROM read_model_set_aside WHERE commune = $1 ORDER BY set_aside_at DESC LIMIT 200`,
      [commune],
    );
  }
}
