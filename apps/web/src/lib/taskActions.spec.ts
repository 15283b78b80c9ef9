import type { StepView, TaskDetail, TaskUpdate } from '../api/types';
import { can, mergeUpdate, stepFor } from './taskActions';

const step = (stepId: string, kind: StepView['kind'], unit: string | null): StepView => ({
  stepId,
  kind,
  unit,
  unitName: unit,
  holderRole: 'UNIT_HEAD',
  assignee: null,
  openedAt: '2026-11-20T02:00:00Z',
  dueAt: '2026-12-01',
  dueState: 'ON_TIME',
  escalationLevel: 0,
  workingDaysOpen: 3,
});

describe('what the page does with allowedActions', () => {
  it('shows an action only when the server lists it', () => {
    expect(can({ allowedActions: ['approve'] }, 'approve')).toBe(true);
    expect(can({ allowedActions: ['approve'] }, 'return')).toBe(false);
    expect(can({ allowedActions: [] }, 'approve')).toBe(false);
    expect(can(null, 'approve')).toBe(false);
  });

  it('sends a listed action with the step the user saw: the one in his inbox, else one of his unit, else the first', () => {
    const steps = [step('c1:KT:unit_review:3', 'UNIT_REVIEW', 'KT'), step('c1:VP:unit_review:4', 'UNIT_REVIEW', 'VP'), step('c1:VP:draft:2', 'DRAFT', 'VP')];
    const task = { allowedActions: ['approve', 'reassign'] as TaskDetail['allowedActions'], steps };
    expect(stepFor(task, 'approve', { mine: ['c1:VP:unit_review:4'] })?.stepId).toBe('c1:VP:unit_review:4');
    expect(stepFor(task, 'approve', { unit: 'VP' })?.stepId).toBe('c1:VP:unit_review:4');
    expect(stepFor(task, 'approve')?.stepId).toBe('c1:KT:unit_review:3');
    expect(stepFor(task, 'reassign', { unit: 'VP' })?.stepId).toBe('c1:VP:draft:2');
    // Not listed: no step, whatever is open.
    expect(stepFor(task, 'return', { mine: ['c1:KT:unit_review:3'] })).toBeNull();
  });

  it('keeps what an action’s answer leaves out: drafts, attachments, the Temporal link, contribution texts', () => {
    const prev = {
      id: 't',
      drafts: [{ version: 1 }],
      attachments: [{ id: 'a' }],
      temporalUiUrl: 'http://ui',
      contributions: [{ unit: 'VP', contentId: 'c-1', content: 'Ý kiến cũ', open: false }],
      allowedActions: ['contribute'],
    } as unknown as TaskDetail;
    const next = {
      id: 't',
      allowedActions: [],
      contributions: [
        { unit: 'VP', contentId: 'c-1', content: null, open: false },
        { unit: 'KT', contentId: 'c-2', content: null, open: false },
      ],
    } as unknown as TaskUpdate;
    const merged = mergeUpdate(prev, next, { unit: 'KT', content: 'Ý kiến mới' });
    expect(merged.drafts).toBe(prev.drafts);
    expect(merged.attachments).toBe(prev.attachments);
    expect(merged.temporalUiUrl).toBe('http://ui');
    expect(merged.allowedActions).toEqual([]);
    expect(merged.contributions.map((c) => c.content)).toEqual(['Ý kiến cũ', 'Ý kiến mới']);
  });
});
