/**
 * A unit of the commune's People's Committee, by its code (e.g. "KT"). Units are data, per commune (the `units`
 * table: name, name variants, internal unit or external body); no list of them is fixed in code.
 */
export type UnitCode = string;

/** The roles inside a commune, which its ADMIN gives. */
export const COMMUNE_ROLES = ['STAFF', 'UNIT_HEAD', 'COORDINATOR', 'VICE_CHAIRMAN', 'CHAIRMAN', 'ADMIN'] as const;
/**
 * Roles above the communes: the deployment's SUPERADMIN (creates communes and their first admin) and the Sở Nội vụ's
 * read-only DEPARTMENT_VIEWER (the communes of its province). Accounts holding them belong to no commune.
 */
export const CITY_ROLES = ['SUPERADMIN', 'DEPARTMENT_VIEWER'] as const;
export const ROLES = [...COMMUNE_ROLES, ...CITY_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type CommuneRole = (typeof COMMUNE_ROLES)[number];

export interface UnitRef {
  code: UnitCode;
  name: string;
}
