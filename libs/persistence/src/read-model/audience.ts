/**
 * Who a notice can reach in a commune and how the commune is named, in ONE round trip: the people (with their
 * notification choices), the delegations not yet ended, the commune and its units. Every event that tells someone
 * needs all four; each comes from the query its own module owns, read here side by side as JSON.
 */
import type { DataSource } from 'typeorm';
import type { Unit } from '@app/contracts';
import { COMMUNE_BY_CODE, type CommuneRow } from './communes';
import { GRANTS_NOT_ENDED, type DelegationGrantRow } from './delegations';
import { PEOPLE, type PersonRow } from './preferences';
import { toUnit, UNITS_IN_ORDER, type UnitRow } from './units';

export interface Audience {
  people: PersonRow[];
  grants: DelegationGrantRow[];
  commune: CommuneRow | null;
  units: Unit[];
}

/** `json_agg` keeps the order of a sorted subquery; an empty list is `[]`, not NULL. */
const list = (sql: string) => `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x)`;

const AUDIENCE = `
SELECT ${list(PEOPLE)} AS people,
       ${list(GRANTS_NOT_ENDED)} AS grants,
       (SELECT row_to_json(c) FROM (${COMMUNE_BY_CODE}) c) AS commune,
       ${list(UNITS_IN_ORDER)} AS units`;

export class AudienceReadModel {
  constructor(private readonly db: DataSource) {}

  /** The audience of commune `commune` on `today` (ISO date): the delegations that have not ended by then. */
  async of(commune: string, today: string): Promise<Audience> {
    const [row]: { people: PersonRow[]; grants: DelegationGrantRow[]; commune: CommuneRow | null; units: UnitRow[] }[] = await this.db.query(AUDIENCE, [
      commune,
      today,
    ]);
    return { people: row.people, grants: row.grants, commune: row.commune, units: row.units.map(toUnit) };
  }
}
