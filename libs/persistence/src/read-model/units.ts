/**
 * `units`: a commune's unit directory, as data its admin edits: the units of the People's Committee (INTERNAL) and
 * the outside bodies plans name (EXTERNAL), each with its name variants and its place in the list, and the one
 * internal unit that holds the VHXH_REVIEW level. The plan parser reads plans with it (`directory`).
 *
 * Every write runs under a lock on the commune, so the rules hold however many admins edit at once: one spelling
 * belongs to one body (the domain's findNameClash), exactly one reviewing unit, and a unit that people or tasks
 * belong to stays internal.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Unit, UnitKind } from '@app/contracts';
import { findNameClash, unitNameKey, type UnitDirectory } from '@app/domain';

export interface UnitRow {
  code: string;
  name: string;
  aliases: string[];
  kind: UnitKind;
  reviewing: boolean;
}

export type UnitWriteRefusal =
  | { reason: 'NOT_FOUND' }
  | { reason: 'CODE_TAKEN' }
  /** `name` is already `as`, a spelling of unit `code`. */
  | { reason: 'NAME_TAKEN'; name: string; code: string; as: string }
  /** The commune must keep one reviewing unit: choose another one instead of unsetting it. */
  | { reason: 'REVIEWING_REQUIRED' }
  /** The reviewing unit is a unit of the commune, never an outside body. */
  | { reason: 'REVIEWING_INTERNAL' }
  /** People or plan tasks belong to the unit, so it cannot become an outside body. */
  | { reason: 'IN_USE'; users: number; tasks: number };

export type UnitWrite = { ok: true; unit: Unit } | ({ ok: false } & UnitWriteRefusal);

export interface UnitInput {
  name: string;
  aliases: string[];
  kind: UnitKind;
  /** true: this unit becomes the reviewing one; false: it stops being it (refused for the only one); absent: unchanged. */
  reviewing?: boolean;
}

const SELECT = `SELECT code, name, aliases, kind, reviewing FROM units`;
/** Commune $1's units in the directory's order (also read within `AudienceReadModel`). */
export const UNITS_IN_ORDER = `${SELECT} WHERE commune = $1 ORDER BY kind DESC, position, code`;
/** TypeORM answers an UPDATE … RETURNING with [rows, affected count], an INSERT … RETURNING with the rows. */
const returned = (result: UnitRow[] | [UnitRow[], number]): UnitRow[] => (Array.isArray(result[0]) ? (result[0] as UnitRow[]) : (result as UnitRow[]));
export const toUnit = (r: UnitRow): Unit => ({ code: r.code, name: r.name, aliases: r.aliases, kind: r.kind, reviewing: r.reviewing });

/** Variants as stored: NFC, single spaces, each spelling once, none that is the name itself. */
function cleanAliases(name: string, aliases: string[]): string[] {
  const seen = new Set([unitNameKey(name)]);
  const out: string[] = [];
  for (const alias of aliases) {
    const text = alias.normalize('NFC').replace(/\s+/g, ' ').trim();
    const key = unitNameKey(text);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

export class UnitReadModel {
  constructor(private readonly db: DataSource) {}

  /** The directory in its order: internal units first as the admin ordered them, then outside bodies. */
  async list(commune: string, m: Pick<EntityManager, 'query'> = this.db): Promise<Unit[]> {
    const rows: UnitRow[] = await m.query(UNITS_IN_ORDER, [commune]);
    return rows.map(toUnit);
  }

  async find(commune: string, code: string): Promise<Unit | null> {
    const rows: UnitRow[] = await this.db.query(`${SELECT} WHERE commune = $1 AND code = $2`, [commune, code]);
    return rows[0] ? toUnit(rows[0]) : null;
  }

  /** What the plan parser reads the commune's plans with. */
  async directory(commune: string): Promise<UnitDirectory> {
    return (await this.list(commune)).map(({ code, name, aliases, kind, reviewing }) => ({ code, name, aliases, kind, reviewing }));
  }

  /** Codes of the commune's own units: those that lead tasks and hold steps. */
  async internalCodes(commune: string): Promise<string[]> {
    return (await this.list(commune)).filter((u) => u.kind === 'INTERNAL').map((u) => u.code);
  }

  /** The unit whose head holds VHXH_REVIEW, or null for a commune not set up yet. */
  async reviewingUnit(commune: string): Promise<string | null> {
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM units WHERE commune = $1 AND reviewing`, [commune]);
    return rows[0]?.code ?? null;
  }

  /** Adds a unit at the end of its kind's list. */
  create(commune: string, code: string, input: UnitInput): Promise<UnitWrite> {
    return this.write(commune, async (m, units) => {
      if (units.some((u) => u.code.toLowerCase() === code.toLowerCase())) return { ok: false, reason: 'CODE_TAKEN' };
      const aliases = cleanAliases(input.name, input.aliases);
      const refusal = checkNames(units, code, input.name, aliases) ?? checkReviewing(null, input);
      if (refusal) return { ok: false, ...refusal };
      if (input.reviewing) await m.query(`UPDATE units SET reviewing = false WHERE commune = $1 AND reviewing`, [commune]);
      const rows: UnitRow[] = await m.query(
        `INSERT INTO units (commune, code, name, aliases, kind, reviewing, position)
         SELECT $1, $2, $3, $4, $5, $6, coalesce(max(position), 0) + 1 FROM units WHERE commune = $1 AND kind = $5
         RETURNING code, name, aliases, kind, reviewing`,
        [commune, code, input.name, aliases, input.kind, input.reviewing === true],
      );
      return { ok: true, unit: toUnit(rows[0]) };
    });
  }

  /** Replaces a unit's name, variants and kind; `reviewing` as in UnitInput. */
  update(commune: string, code: string, input: UnitInput): Promise<UnitWrite> {
    return this.write(commune, async (m, units) => {
      const current = units.find((u) => u.code === code);
      if (!current) return { ok: false, reason: 'NOT_FOUND' };
      const aliases = cleanAliases(input.name, input.aliases);
      const refusal =
        checkNames(units, code, input.name, aliases) ?? checkReviewing(current, input) ?? (await this.checkKind(m, commune, current, input.kind));
      if (refusal) return { ok: false, ...refusal };
      if (input.reviewing && !current.reviewing) await m.query(`UPDATE units SET reviewing = false WHERE commune = $1 AND reviewing`, [commune]);
      // A unit that changes kind goes to the end of its new list.
      const rows = returned(await m.query(
        `UPDATE units SET name = $3, aliases = $4, kind = $5, reviewing = $6,
           position = CASE WHEN kind = $5 THEN position
                           ELSE (SELECT coalesce(max(position), 0) + 1 FROM units WHERE commune = $1 AND kind = $5) END
         WHERE commune = $1 AND code = $2 RETURNING code, name, aliases, kind, reviewing`,
        [commune, code, input.name, aliases, input.kind, input.reviewing ?? current.reviewing],
      ));
      return { ok: true, unit: toUnit(rows[0]) };
    });
  }

  /**
   * Keeps a name a plan used as a variant of a unit (the coordinator mapped it once, so the next import knows it).
   * A name the unit already answers to changes nothing.
   */
  addAlias(commune: string, code: string, alias: string): Promise<UnitWrite> {
    return this.write(commune, async (m, units) => {
      const current = units.find((u) => u.code === code);
      if (!current) return { ok: false, reason: 'NOT_FOUND' };
      const aliases = cleanAliases(current.name, [...current.aliases, alias]);
      const refusal = checkNames(units, code, current.name, aliases);
      if (refusal) return { ok: false, ...refusal };
      const rows = returned(
        await m.query(`UPDATE units SET aliases = $3 WHERE commune = $1 AND code = $2 RETURNING code, name, aliases, kind, reviewing`, [commune, code, aliases]),
      );
      return { ok: true, unit: toUnit(rows[0]) };
    });
  }

  /** Runs a write in a transaction holding the commune's row, with the directory as it is under that lock. */
  private write(commune: string, fn: (m: EntityManager, units: Unit[]) => Promise<UnitWrite>): Promise<UnitWrite> {
    return this.db.transaction(async (m) => {
      const found: unknown[] = await m.query(`SELECT 1 FROM communes WHERE code = $1 FOR UPDATE`, [commune]);
      if (found.length === 0) return { ok: false, reason: 'NOT_FOUND' };
      return fn(m, await this.list(commune, m));
    });
  }

  private async checkKind(m: EntityManager, commune: string, current: Unit, kind: UnitKind): Promise<UnitWriteRefusal | null> {
    if (current.kind !== 'INTERNAL' || kind !== 'EXTERNAL') return null;
    const [use]: { users: number; tasks: number }[] = await m.query(
      `SELECT (SELECT count(*)::int FROM users WHERE commune = $1 AND unit_code = $2) AS users,
              (SELECT count(*)::int FROM plan_tasks WHERE commune = $1 AND ($2 = ANY (lead_units) OR $2 = ANY (co_units))) AS tasks`,
      [commune, current.code],
    );
    return use.users > 0 || use.tasks > 0 ? { reason: 'IN_USE', ...use } : null;
  }
}

function checkNames(units: Unit[], code: string, name: string, aliases: string[]): UnitWriteRefusal | null {
  const clash = findNameClash(units, code, [name, ...aliases]);
  return clash ? { reason: 'NAME_TAKEN', ...clash } : null;
}

function checkReviewing(current: Unit | null, input: UnitInput): UnitWriteRefusal | null {
  const reviewing = input.reviewing ?? current?.reviewing ?? false;
  if (reviewing && input.kind !== 'INTERNAL') return { reason: 'REVIEWING_INTERNAL' };
  if (current?.reviewing && input.reviewing === false) return { reason: 'REVIEWING_REQUIRED' };
  return null;
}
