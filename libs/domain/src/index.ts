/** Domain rules of a commune's CCHC plan, free of I/O: reading the plan's text, its deadlines and its units. */
export { parseDeadline, normalizeDeadlinePhrase } from './deadline';
export { resolveUnits, type UnitResolution } from './units';
export { parsePlan, type ParsePlanOptions } from './plan-parser';
export { PlanParseError } from './plan-errors';
export { isLeapYear, lastDayOfMonth, isoDate, monthEnd, quarterEnd } from './calendar';
