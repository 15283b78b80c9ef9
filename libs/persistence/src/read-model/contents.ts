/**
 * `text_contents` and `draft_versions`: drafts and contributions of tasks, and the unit inputs and drafts of reports
 * (JSON texts), are stored here by the API before the workflow records them by id (workflow histories carry ids and
 * hashes only, never the text). A text belongs to exactly one task or one report.
 */
import { createHash, randomUUID } from 'crypto';
import type { DataSource } from 'typeorm';
import type { ContentRef, UserRef } from '@app/contracts';

export type TextKind = 'DRAFT' | 'CONTRIBUTION';
export type ReportTextKind = 'REPORT_INPUT' | 'REPORT_DRAFT';

export interface DraftVersionRow {
  version: number;
  cycle: number;
  unit_code: string;
  content: string;
  author_id: string;
  author_name: string;
  created_at: Date;
}

export class ContentReadModel {
  constructor(private readonly db: DataSource) {}

  async store(input: { taskId: string; commune: string; kind: TextKind; content: string; author: UserRef }): Promise<ContentRef> {
    const id = randomUUID();
    const sha256 = createHash('sha256').update(input.content, 'utf8').digest('hex');
    const chars = [...input.content].length;
    await this.db.query(
      `INSERT INTO text_contents (id, task_id, commune, kind, content, sha256, chars, author_id, author_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, input.taskId, input.commune, input.kind, input.content, sha256, chars, input.author.id, input.author.fullName],
    );
    return { id, sha256, chars };
  }

  /** A report's unit input or draft (its JSON text), before the report workflow records it by id. */
  async storeForReport(input: { reportId: string; commune: string; kind: ReportTextKind; content: string; author: UserRef }): Promise<ContentRef> {
    const id = randomUUID();
    const sha256 = createHash('sha256').update(input.content, 'utf8').digest('hex');
    const chars = [...input.content].length;
    await this.db.query(
      `INSERT INTO text_contents (id, report_id, commune, kind, content, sha256, chars, author_id, author_name) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, input.reportId, input.commune, input.kind, input.content, sha256, chars, input.author.id, input.author.fullName],
    );
    return { id, sha256, chars };
  }

  /** A report's texts by id, as a map (unit inputs and drafts the snapshot refers to). */
  async reportTexts(reportId: string, ids: string[]): Promise<Map<string, { content: string; authorName: string; createdAt: Date }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; content: string; author_name: string; created_at: Date }[] = await this.db.query(
      `SELECT id, content, author_name, created_at FROM text_contents WHERE report_id::text = $1 AND id::text = ANY ($2::text[])`,
      [reportId, ids],
    );
    return new Map(rows.map((r) => [r.id, { content: r.content, authorName: r.author_name, createdAt: r.created_at }]));
  }

  /** Only for a text the workflow refused (never recorded): a text a version refers to is never deleted. */
  async discardRefused(id: string): Promise<void> {
    await this.db.query(`DELETE FROM text_contents c WHERE c.id = $1 AND NOT EXISTS (SELECT 1 FROM draft_versions d WHERE d.content_id = c.id)`, [id]);
  }

  /**
   * The latest draft of each task of a plan, its first 400 characters: what the unit last recorded on the task (a
   * report's input starts from it). Drafts stored by reference read their text from text_contents.
   */
  async lastDraftsOfPlan(commune: string, planId: string): Promise<Map<string, string>> {
    const rows: { task_id: string; content: string | null }[] = await this.db.query(
      `SELECT DISTINCT ON (d.task_id) d.task_id, left(coalesce(d.content, c.content), 400) AS content
       FROM draft_versions d JOIN plan_tasks t ON t.id = d.task_id LEFT JOIN text_contents c ON c.id = d.content_id
       WHERE t.plan_id = $1 AND t.commune = $2
       ORDER BY d.task_id, d.created_at DESC`,
      [planId, commune],
    );
    return new Map(rows.filter((r) => r.content !== null).map((r) => [r.task_id, r.content as string]));
  }

  draftVersions(taskId: string): Promise<DraftVersionRow[]> {
    return this.db.query(
      `SELECT d.version, d.cycle, d.unit_code, coalesce(d.content, c.content) AS content, d.author_id, d.author_name, d.created_at
       FROM draft_versions d LEFT JOIN text_contents c ON c.id = d.content_id
       WHERE d.task_id = $1 ORDER BY d.cycle DESC, d.created_at DESC, d.version DESC`,
      [taskId],
    );
  }

  /** Texts by id (contributions), as a map. */
  async texts(taskId: string, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; content: string }[] = await this.db.query(
      `SELECT id, content FROM text_contents WHERE task_id = $1 AND id::text = ANY ($2::text[])`,
      [taskId, ids],
    );
    return new Map(rows.map((r) => [r.id, r.content]));
  }
}
