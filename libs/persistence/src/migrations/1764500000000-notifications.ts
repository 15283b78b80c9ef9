import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: the in-app list, the outbound e-mail with its delivery state, and each person's preferences.
 * Both message tables are keyed by an idempotency key — (workflow id, event seq, recipient) for task events — so a
 * retried activity finds what it planned before instead of planning it again.
 */
export class Notifications1764500000000 implements MigrationInterface {
  name = 'Notifications1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        commune text NOT NULL REFERENCES communes(code),
        user_id uuid NOT NULL REFERENCES users(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        link text,
        task_id uuid REFERENCES plan_tasks(id),
        report_id uuid,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE outbound_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        idempotency_key text NOT NULL UNIQUE,
        commune text NOT NULL REFERENCES communes(code),
        user_id uuid REFERENCES users(id),
        kind text NOT NULL,
        to_name text NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        message_id text NOT NULL,
        file_name text NOT NULL,
        task_id uuid REFERENCES plan_tasks(id),
        report_id uuid,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'REFUSED')),
        attempts int NOT NULL DEFAULT 0,
        response text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz,
        sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbound_messages_unsent ON outbound_messages (commune, created_at) WHERE status <> 'SENT'`);
    await q.query(`
      CREATE TABLE user_preferences (
        user_id uuid PRIMARY KEY REFERENCES users(id),
        email_reminders boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['user_preferences', 'outbound_messages', 'notifications']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
