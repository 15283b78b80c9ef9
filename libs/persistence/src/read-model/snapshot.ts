/**
 * Snapshots stored before the step model (no principals, no closed steps, …) are upgraded when read, so a task
 * whose workflow has not moved since the upgrade still shows in the inbox and answers the policy. The holders of
 * each step come from the approval policy, as for new steps; nothing else guesses who may act.
 */
import type { DeadlineKind, OpenStep, TaskSnapshot } from '@app/contracts';
import { holdersOf } from '@app/domain';

interface Fallback {
  leadUnits: string[];
  coUnits: string[];
  deadlineKind: string;
  /** When the stored snapshot was written: the best "opened at" an old step has. */
  at: string;
}

type Loose = Partial<TaskSnapshot> & Record<string, unknown>;

export function upgradeSnapshot(stored: unknown, fallback: Fallback): TaskSnapshot {
  const s = stored as Loose;
  if (Array.isArray(s.closedSteps) && Array.isArray(s.openSteps) && s.openSteps.every((x) => Array.isArray((x as OpenStep).principals))) {
    // Fields added since the step model came in read as their empty value.
    const current = s as TaskSnapshot;
    return {
      ...current,
      cycleOriginalDueAt: current.cycleOriginalDueAt ?? current.cycleDueAt ?? null,
      completedAt: current.completedAt ?? null,
      extensions: current.extensions ?? [],
    };
  }
  const parts = (s.parts ?? []) as TaskSnapshot['parts'];
  const drafters = [...new Set(parts.flatMap((p) => (p.drafter ? [p.drafter.id] : [])))];
  const openSteps: OpenStep[] = ((s.openSteps ?? []) as Partial<OpenStep>[]).map((step) => {
    const kind = step.kind!;
    const unit = kind === 'VHXH_REVIEW' ? (step.unit ?? 'VHXH') : (step.unit ?? null);
    const { principals, holderRole } = holdersOf(kind, unit, step.assignee ?? null);
    return {
      stepId: step.stepId!,
      kind,
      unit,
      holderRole: step.holderRole ?? holderRole,
      assignee: step.assignee ?? null,
      principals,
      excludedUserIds: ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'].includes(kind) ? drafters : [],
      openedAt: step.openedAt ?? fallback.at,
      dueAt: step.dueAt ?? null,
      escalationLevel: step.escalationLevel ?? 0,
    };
  });
  const openContributionUnits = new Set(openSteps.filter((x) => x.kind === 'CONTRIBUTION').map((x) => x.unit));
  return {
    taskId: s.taskId!,
    commune: s.commune!,
    status: s.status!,
    cycle: s.cycle ?? 1,
    cycleDueAt: s.cycleDueAt ?? null,
    cycleOriginalDueAt: s.cycleDueAt ?? null,
    completedAt: null,
    deadlineKind: (s.deadlineKind ?? fallback.deadlineKind) as DeadlineKind,
    leadUnits: s.leadUnits ?? fallback.leadUnits,
    coUnits: s.coUnits ?? fallback.coUnits,
    reviewingUnit: s.reviewingUnit ?? 'VHXH',
    parts,
    contributions: ((s.contributions ?? []) as TaskSnapshot['contributions']).map((c) => ({
      ...c,
      contentId: c.contentId ?? null,
      open: c.open ?? openContributionUnits.has(c.unit),
    })),
    openSteps,
    closedSteps: [],
    lastReturnReason: s.lastReturnReason ?? null,
    lastReturn: s.lastReturn ?? null,
    extensions: [],
    seq: s.seq ?? 0,
  };
}
