/**
 * Length limits shared by the DTOs (and so by the OpenAPI document). Every string the API accepts has one: a
 * bounded field costs the same to validate, store and show whatever a client sends.
 */
/** Ids: uuids (36) and step ids ("c1:KT:draft:2"), with room to spare. */
export const MAX_ID_CHARS = 100;
/** ISO dates and date-times ("2026-12-15", "2026-12-15T00:00:00+07:00"). */
export const MAX_DATE_CHARS = 35;
/** A reason or a comment on a decision. */
export const MAX_COMMENT_CHARS = 4000;
