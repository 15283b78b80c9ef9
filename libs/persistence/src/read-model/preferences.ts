/**
 * `user_preferences`: what a person chose about being told (e-mail reminders on or off), and the commune's people
 * as the notifier sees them: the active users with their unit and their choice.
 */
import type { DataSource } from 'typeorm';
import type { Role } from '@app/contracts';

export interface Preferences {
  emailReminders: boolean;
}

export interface PersonRow {
  id: string;
  full_name: string;
  email: string | null;
  unit_code: string | null;
  unit_name: string | null;
  roles: Role[];
  email_reminders: boolean;
}

/** The active people of commune $1 as the notifier sees them (also read within `AudienceReadModel`). */
export const PEOPLE = `
  SELECT u.id, u.full_name, u.email, u.unit_code, un.name AS unit_name, u.roles, coalesce(p.email_reminders, true) AS email_reminders
  FROM users u
  LEFT JOIN units un ON un.commune = u.commune AND un.code = u.unit_code
  LEFT JOIN user_preferences p ON p.user_id = u.id
  WHERE u.commune = $1 AND u.active
  ORDER BY u.full_name, u.id`;

export class PreferenceReadModel {
  constructor(private readonly db: DataSource) {}

  async get(userId: string): Promise<Preferences> {
    const rows: { email_reminders: boolean }[] = await this.db.query(`SELECT email_reminders FROM user_preferences WHERE user_id = $1`, [userId]);
    return { emailReminders: rows[0]?.email_reminders ?? true };
  }

  async set(userId: string, prefs: Preferences): Promise<Preferences> {
    await this.db.query(
      `INSERT INTO user_preferences (user_id, email_reminders) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET email_reminders = EXCLUDED.email_reminders, updated_at = now()`,
      [userId, prefs.emailReminders],
    );
    return this.get(userId);
  }

  /** The active people of a commune, with their notification choices. */
  people(commune: string): Promise<PersonRow[]> {
    return this.db.query(PEOPLE, [commune]);
  }
}
