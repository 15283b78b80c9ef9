/**
 * The search attributes every workflow carries, so an operator finds any commune's workflows with Temporal's own
 * tools (the UI's filter, `temporal workflow list --query`), and the coordinator's "open in Temporal UI" lands on a
 * filtered list. Registered on the server before any workflow starts (worker start, `npm start`, tests).
 */
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';

export const SEARCH_ATTRIBUTES = {
  commune: defineSearchAttributeKey('CchcCommune', SearchAttributeType.KEYWORD),
  year: defineSearchAttributeKey('CchcYear', SearchAttributeType.INT),
  /** plan | task | report | digest */
  kind: defineSearchAttributeKey('CchcKind', SearchAttributeType.KEYWORD),
  taskNumber: defineSearchAttributeKey('CchcTaskNumber', SearchAttributeType.INT),
  /** The task's (or report's) status, as the read model has it. */
  stage: defineSearchAttributeKey('CchcStage', SearchAttributeType.KEYWORD),
  overdue: defineSearchAttributeKey('CchcOverdue', SearchAttributeType.BOOL),
} as const;

/** Name → type as `temporal operator search-attribute create` and `start-dev --search-attribute` spell them. */
export const SEARCH_ATTRIBUTE_CLI_TYPES: Record<string, 'Keyword' | 'Int' | 'Bool'> = Object.fromEntries(
  Object.values(SEARCH_ATTRIBUTES).map((k) => [k.name, k.type === 'KEYWORD' ? 'Keyword' : k.type === 'INT' ? 'Int' : 'Bool']),
);

export type WorkflowKind = 'plan' | 'task' | 'report' | 'digest';

/** The stage a task or report starts in (its first status); the workflow upserts the later ones. */
const FIRST_STAGE: Partial<Record<WorkflowKind, string>> = { task: 'NOT_STARTED', report: 'COLLECTING' };

/** What a workflow is given at its start. */
export function startSearchAttributes(a: { commune: string; year: number; kind: WorkflowKind; taskNumber?: number }): SearchAttributePair[] {
  const stage = FIRST_STAGE[a.kind];
  const pairs: SearchAttributePair[] = [
    { key: SEARCH_ATTRIBUTES.commune, value: a.commune },
    { key: SEARCH_ATTRIBUTES.year, value: a.year },
    { key: SEARCH_ATTRIBUTES.kind, value: a.kind },
  ];
  if (a.taskNumber !== undefined) pairs.push({ key: SEARCH_ATTRIBUTES.taskNumber, value: a.taskNumber });
  if (stage !== undefined) pairs.push({ key: SEARCH_ATTRIBUTES.stage, value: stage }, { key: SEARCH_ATTRIBUTES.overdue, value: false });
  return pairs;
}

/** The Temporal UI's list of a commune's workflows (of one kind and year, when given): its visibility query. */
export function workflowListQuery(a: { commune: string; year?: number; kind?: WorkflowKind; taskNumber?: number }): string {
  const parts = [`${SEARCH_ATTRIBUTES.commune.name}="${a.commune}"`];
  if (a.year !== undefined) parts.push(`${SEARCH_ATTRIBUTES.year.name}=${a.year}`);
  if (a.kind) parts.push(`${SEARCH_ATTRIBUTES.kind.name}="${a.kind}"`);
  if (a.taskNumber !== undefined) parts.push(`${SEARCH_ATTRIBUTES.taskNumber.name}=${a.taskNumber}`);
  return parts.join(' AND ');
}
