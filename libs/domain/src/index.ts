/** Domain rules of a commune's CCHC plan, free of I/O: reading the plan's text, its deadlines and its units. */
export { parseDeadline, normalizeDeadlinePhrase } from './plan-import/deadline';
export { describeSource, type DocumentRow, type PlanDocument, type PlanFormat } from './plan-import/document';
export { textToDocument } from './plan-import/text-layout';
export {
  AN_LAO_UNITS,
  findNameClash,
  resolveUnits,
  unitNameKey,
  type UnitDirectory,
  type UnitDirectoryEntry,
  type UnitResolution,
} from './plan-import/units';
export { parsePlan, type ParsePlanOptions } from './plan-import/plan-parser';
export { PlanParseError } from './plan-import/plan-errors';
export { planPreview, previewTask, previewUnitCell, unknownUnitNames } from './plan-import/preview';
export {
  amendmentPreview,
  amendmentTaskView,
  ENDED_NOTES,
  planAmendment,
  rowFieldsOf,
  storedTaskAsParsed,
  taskAmendment,
  type PlannedAmendment,
  type PlannedChange,
  type PlannedWithdrawal,
  type StoredPlanTask,
  type TaskEdit,
} from './plan-import/amendment';
export { diffPlans, type PlanDiff, type TaskChange as PlanTaskChange, type TaskField, type TaskMatch } from './plan-import/plan-diff';
export * from './calendar';
export * from './approval';
export * from './deadlines';
export * from './settings';
export * from './text/clean-text';
export * from './reports';
export * from './notices/told-events';
