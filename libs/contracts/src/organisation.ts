/**
 * A unit of the commune's People's Committee, by its code (e.g. "KT"). Units are data, per commune (the `units`
 * table: name, name variants, internal unit or external body); no list of them is fixed in code.
 */
export type UnitCode = string;

export const ROLES = ['STAFF', 'UNIT_HEAD', 'COORDINATOR', 'VICE_CHAIRMAN', 'CHAIRMAN', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface UnitRef {
  code: UnitCode;
  name: string;
}
