/**
 * `attachments`: files of a task. The API stores the file first, then the workflow records it; the task's change
 * links it. A file is deleted only when the workflow refused to record it, never once recorded.
 */
import type { DataSource } from 'typeorm';

export interface AttachmentRow {
  id: string;
  name: string;
  mime_type: string;
  size: number;
  sha256: string;
  uploaded_by_id: string;
  uploaded_by_name: string;
  created_at: Date;
}

export class AttachmentReadModel {
  constructor(private readonly db: DataSource) {}

  async store(a: { id: string; taskId: string; commune: string; name: string; mimeType: string; content: Buffer; sha256: string; uploadedBy: { id: string; fullName: string } }) {
    await this.db.query(
      `INSERT INTO attachments (id, task_id, commune, name, mime_type, size, sha256, content, uploaded_by_id, uploaded_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [a.id, a.taskId, a.commune, a.name, a.mimeType, a.content.length, a.sha256, a.content, a.uploadedBy.id, a.uploadedBy.fullName],
    );
  }

  /** Only for a file the workflow refused to record. */
  async discardRefused(id: string): Promise<void> {
    await this.db.query(`DELETE FROM attachments WHERE id = $1 AND NOT linked`, [id]);
  }

  linked(taskId: string): Promise<AttachmentRow[]> {
    return this.db.query(
      `SELECT id, name, mime_type, size, sha256, uploaded_by_id, uploaded_by_name, created_at FROM attachments
       WHERE task_id = $1 AND linked ORDER BY created_at`,
      [taskId],
    );
  }

  async content(taskId: string, attachmentId: string): Promise<{ name: string; mime_type: string; content: Buffer } | null> {
    const rows = await this.db.query(`SELECT name, mime_type, content FROM attachments WHERE id::text = $1 AND task_id = $2`, [attachmentId, taskId]);
    return rows[0] ?? null;
  }
}
