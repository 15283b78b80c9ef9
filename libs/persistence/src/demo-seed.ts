import * as bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { DEFAULT_REPORT_SETTINGS, Role, UnitCode } from '@app/contracts';
import { AN_LAO_UNITS } from '@app/domain';

export interface DemoAccount {
  username: string;
  fullName: string;
  roles: Role[];
  unit: UnitCode | null;
}

/** The demo accounts of api.md. Names are invented except the Chairman's, who signs the An Lão plan. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', fullName: 'Quản trị hệ thống', roles: ['ADMIN'], unit: null },
  { username: 'chutich', fullName: 'Đinh Thành Đồng', roles: ['CHAIRMAN'], unit: null },
  { username: 'phochutich', fullName: 'Nguyễn Văn Hùng', roles: ['VICE_CHAIRMAN'], unit: null },
  { username: 'vhxh.truongphong', fullName: 'Trần Thị Lan', roles: ['UNIT_HEAD'], unit: 'VHXH' },
  { username: 'vhxh.cchc', fullName: 'Phạm Minh Tuấn', roles: ['STAFF', 'COORDINATOR'], unit: 'VHXH' },
  { username: 'vp.chanhvanphong', fullName: 'Lê Văn Bình', roles: ['UNIT_HEAD'], unit: 'VP' },
  { username: 'vp.chuyenvien', fullName: 'Hoàng Thị Mai', roles: ['STAFF'], unit: 'VP' },
  { username: 'kt.truongphong', fullName: 'Vũ Đức Thắng', roles: ['UNIT_HEAD'], unit: 'KT' },
  { username: 'kt.chuyenvien', fullName: 'Đỗ Thị Hương', roles: ['STAFF'], unit: 'KT' },
  { username: 'ttpvhcc.giamdoc', fullName: 'Bùi Quang Huy', roles: ['UNIT_HEAD'], unit: 'TTPVHCC' },
  { username: 'ttpvhcc.chuyenvien', fullName: 'Ngô Thị Thu', roles: ['STAFF'], unit: 'TTPVHCC' },
  { username: 'ttdvsnc.giamdoc', fullName: 'Đặng Văn Nam', roles: ['UNIT_HEAD'], unit: 'TTDVSNC' },
  { username: 'ttdvsnc.chuyenvien', fullName: 'Phan Thị Ngọc', roles: ['STAFF'], unit: 'TTDVSNC' },
];

export const COMMUNE_NAMES: Record<string, string> = { 'an-lao': 'Xã An Lão' };
/** The province of the shipped communes (An Lão is in Hải Phòng). */
export const DEFAULT_PROVINCE = 'Hải Phòng';

/** The accounts above the communes that `npm start` creates in development (api.md "Communes, units, users"). */
export const CITY_DEMO_ACCOUNTS: Array<{ username: string; fullName: string; roles: Role[]; province: string | null }> = [
  { username: 'superadmin', fullName: 'Quản trị toàn hệ thống', roles: ['SUPERADMIN'], province: null },
  { username: 'sonoivu', fullName: 'Sở Nội vụ thành phố Hải Phòng', roles: ['DEPARTMENT_VIEWER'], province: DEFAULT_PROVINCE },
];

/** Anything that runs SQL: a DataSource, or the EntityManager of a transaction. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/**
 * Creates the commune and its unit directory (the An Lão units and the outside bodies plans name, with their name
 * variants; Phòng Văn hóa - Xã hội as the reviewing unit); idempotent. Units already there are the admin's: a unit
 * is only added when missing, never rewritten. Inside a transaction (the CLI's import), it goes or stays with it.
 */
export async function seedCommune(ds: Queryable, commune: string, opts: { name?: string; province?: string } = {}): Promise<void> {
  await ds.query(`INSERT INTO communes (code, name, province) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`, [
    commune,
    opts.name ?? COMMUNE_NAMES[commune] ?? commune,
    opts.province ?? DEFAULT_PROVINCE,
  ]);
  const units = AN_LAO_UNITS.map((u, i) => ({ ...u, reviewing: u.reviewing === true, position: i + 1 }));
  // Without a conflict target, a commune whose admin chose another reviewing unit keeps it (the partial unique index).
  await ds.query(
    `INSERT INTO units (commune, code, name, aliases, kind, reviewing, position)
     SELECT $1, u.code, u.name, u.aliases, u.kind, u.reviewing, u.position
     FROM jsonb_to_recordset($2::jsonb) AS u(code text, name text, aliases text[], kind text, reviewing boolean, position int)
     ORDER BY u.position
     ON CONFLICT DO NOTHING`,
    [commune, JSON.stringify(units)],
  );
}

/**
 * Creates the demo accounts (only in development). Existing accounts keep their password, so a second
 * `npm start` does not undo a password the user changed.
 */
export async function seedDemoAccounts(ds: DataSource, commune: string, password: string, prefix = ''): Promise<void> {
  const hash = await bcrypt.hash(password, 10);
  for (const a of DEMO_ACCOUNTS) {
    await ds.query(
      `INSERT INTO users (commune, username, full_name, email, unit_code, roles, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (commune, username) DO NOTHING`,
      [commune, prefix + a.username, a.fullName, `${prefix + a.username}@${commune}.local`, a.unit, a.roles, hash],
    );
  }
}

/** The SUPERADMIN and the Sở Nội vụ viewer (development only); existing ones keep their password. */
export async function seedCityAccounts(ds: Queryable, password: string): Promise<void> {
  const hash = await bcrypt.hash(password, 10);
  for (const a of CITY_DEMO_ACCOUNTS) {
    await ds.query(
      `INSERT INTO users (commune, province, username, full_name, roles, password_hash)
       VALUES (NULL, $1, $2, $3, $4, $5) ON CONFLICT (username) WHERE commune IS NULL DO NOTHING`,
      [a.province, a.username, a.fullName, a.roles, hash],
    );
  }
}

/**
 * Development only: a Sở Nội vụ address for the demo commune's reports, so that a report can be sent from a fresh
 * `npm start` (without SMTP_URL it lands in the local mailbox). A commune that saved its own settings keeps them.
 */
export async function seedDemoReportSettings(ds: Queryable, commune: string): Promise<void> {
  const value = { ...DEFAULT_REPORT_SETTINGS, departmentEmail: 'vanthu.sonoivu@haiphong.example' };
  await ds.query(`INSERT INTO settings (commune, name, value) VALUES ($1, 'reports', $2) ON CONFLICT (commune, name) DO NOTHING`, [
    commune,
    JSON.stringify(value),
  ]);
}

/**
 * The first administrator of a production install; an existing `admin` keeps its password, unless that password
 * is a demo one (a database first run in development): then ADMIN_PASSWORD replaces it and the account is usable again.
 */
export async function seedAdmin(ds: DataSource, commune: string, password: string, demoPasswords: string[] = ['demo']): Promise<void> {
  if (password.length < 10) throw new Error('ADMIN_PASSWORD phải có ít nhất 10 ký tự.');
  const hash = await bcrypt.hash(password, 10);
  const existing: { id: string; password_hash: string }[] = await ds.query(
    `SELECT id, password_hash FROM users WHERE username = 'admin' AND commune = $1`,
    [commune],
  );
  if (!existing.length) {
    await ds.query(
      `INSERT INTO users (commune, username, full_name, unit_code, roles, password_hash)
       VALUES ($1, 'admin', 'Quản trị hệ thống', NULL, '{ADMIN,COORDINATOR}', $2) ON CONFLICT (commune, username) DO NOTHING`,
      [commune, hash],
    );
  } else if (await holdsAny(existing[0].password_hash, demoPasswords)) {
    await ds.query(`UPDATE users SET password_hash = $2, active = true WHERE id = $1`, [existing[0].id, hash]);
  }
}

async function holdsAny(hash: string, passwords: string[]): Promise<boolean> {
  for (const p of passwords) if (await bcrypt.compare(p, hash)) return true;
  return false;
}

/**
 * What a production start does before it serves anyone: every active account whose password is still a demo
 * password (`demo`, DEMO_PASSWORD) is deactivated, so a database first run in development does not stay open to
 * anyone who read the README. Returns the usernames it deactivated.
 */
export async function disableDemoPasswordAccounts(ds: DataSource, demoPasswords: string[]): Promise<string[]> {
  const users: { id: string; username: string; password_hash: string }[] = await ds.query(
    `SELECT id, username, password_hash FROM users WHERE active ORDER BY username`,
  );
  const disabled: string[] = [];
  for (const u of users) {
    if (!(await holdsAny(u.password_hash, demoPasswords))) continue;
    await ds.query(`UPDATE users SET active = false WHERE id = $1`, [u.id]);
    disabled.push(u.username);
  }
  return disabled;
}
