/**
 * What the signed-in user may do on a task is the server's answer (`allowedActions`, computed by the approval
 * policy the workflow enforces): the web shows a button only for a listed action and never reasons about roles or
 * units itself. What is left here is plumbing: which open step a listed action is sent with (so a double click or a
 * step that moved on answers STEP_CLOSED), and keeping what an action's answer leaves out.
 */
import type { Contribution, StepKind, StepView, TaskAction, TaskDetail, TaskUpdate, UnitCode } from '../api/types';

/** True when the server lists `action` for the caller on this task. */
export function can(task: { allowedActions?: readonly TaskAction[] } | null | undefined, action: TaskAction): boolean {
  return Boolean(task?.allowedActions?.includes(action));
}

/** The kinds of open step an action is taken on (api.md), to name the step the user saw. */
const STEP_KINDS: Partial<Record<TaskAction, readonly StepKind[]>> = {
  assign: ['ASSIGN'],
  reassign: ['DRAFT'],
  saveDraft: ['DRAFT'],
  submit: ['DRAFT'],
  approve: ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'],
  return: ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'],
  contribute: ['CONTRIBUTION'],
  setLeadUnit: ['SET_LEAD_UNIT'],
  setSchedule: ['SET_SCHEDULE'],
  requestExtension: ['ASSIGN', 'DRAFT', 'UNIT_REVIEW', 'CONTRIBUTION'],
  decideExtension: ['EXTENSION'],
};

/**
 * The open step a listed action goes with. Among the open steps of the action's kinds, the one the server put in
 * the user's inbox (`mine`: its step ids) comes first, then one of the user's unit, then the first. Null when the
 * action is not listed, or no step of its kind is open (the server then picks the step itself).
 */
export function stepFor(
  task: Pick<TaskDetail, 'allowedActions' | 'steps'>,
  action: TaskAction,
  opts: { mine?: readonly string[]; unit?: UnitCode | null } = {},
): StepView | null {
  if (!can(task, action)) return null;
  const kinds = STEP_KINDS[action] ?? [];
  const open = (task.steps ?? []).filter((s) => kinds.includes(s.kind));
  return (
    open.find((s) => opts.mine?.includes(s.stepId)) ??
    open.find((s) => opts.unit && s.unit === opts.unit) ??
    open[0] ??
    null
  );
}

/**
 * The page's task after an action: the answer (the workflow's snapshot) with what it does not carry kept from what
 * the page has: drafts, attachments, the Temporal link, and the texts of contributions already read. `contributed`
 * is the text the user has just sent, shown at once under its unit.
 */
export function mergeUpdate(prev: TaskDetail, next: TaskUpdate, contributed?: { unit: UnitCode; content: string }): TaskDetail {
  const texts = new Map<string, string>();
  for (const c of prev.contributions ?? []) if (c.contentId && c.content) texts.set(c.contentId, c.content);
  const contributions: Contribution[] = (next.contributions ?? []).map((c) => {
    if (c.content) return c;
    const known = c.contentId ? texts.get(c.contentId) : undefined;
    if (known) return { ...c, content: known };
    if (contributed && c.unit === contributed.unit && c.contentId && !c.open) return { ...c, content: contributed.content };
    return c;
  });
  return {
    ...prev,
    ...next,
    drafts: next.drafts ?? prev.drafts,
    attachments: next.attachments ?? prev.attachments,
    temporalUiUrl: next.temporalUiUrl ?? prev.temporalUiUrl,
    contributions,
  };
}
