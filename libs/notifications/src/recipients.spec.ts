import { noticesFor, type Notice } from './recipients';
import { AT, EARLIER, P, change, directory, ref, snapshot, step } from './testing/fixtures';

const who = (notices: Notice[]) => notices.map((n) => [n.kind, n.person.id]);

describe('who is told (noticesFor)', () => {
  it('ASSIGNED: the new assignee, not the unit head who assigned', () => {
    const snap = snapshot({ openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff })] });
    const notices = noticesFor(change({ type: 'ASSIGNED', actor: ref(P.ktHead), role: 'UNIT_HEAD', data: { unit: 'KT', assignee: ref(P.ktStaff) } }, snap), { directory: directory() });
    expect(who(notices)).toEqual([['ASSIGNED', 'kt.chuyenvien']]);
    expect(notices[0].step?.kind).toBe('DRAFT');
  });

  it('REASSIGNED: the person the part now belongs to', () => {
    const other = { ...P.ktStaff, id: 'kt.chuyenvien2', fullName: 'Lý Văn Hải' };
    const snap = snapshot({ openSteps: [step('DRAFT', 'KT', { assignee: other })] });
    const notices = noticesFor(
      change({ type: 'REASSIGNED', actor: ref(P.ktHead), data: { unit: 'KT', from: ref(P.ktStaff), to: ref(other) } }, snap),
      { directory: directory({ people: [...Object.values(P), other] }) },
    );
    expect(who(notices)).toEqual([['ASSIGNED', 'kt.chuyenvien2']]);
  });

  it('SUBMITTED: the holders of the review step it opened (the unit head)', () => {
    const snap = snapshot({ status: 'UNIT_REVIEW', openSteps: [step('UNIT_REVIEW', 'KT', { drafters: [P.ktStaff] })] });
    const notices = noticesFor(change({ type: 'SUBMITTED', actor: ref(P.ktStaff), data: { unit: 'KT', version: 2 } }, snap), { directory: directory() });
    expect(who(notices)).toEqual([['SUBMITTED_TO_YOU', 'kt.truongphong']]);
  });

  it('a unit head who drafted and submitted himself: the next level is told, never he', () => {
    const snap = snapshot({ status: 'VHXH_REVIEW', openSteps: [step('VHXH_REVIEW', 'VHXH', { drafters: [P.ktHead] })] });
    const notices = noticesFor(change({ type: 'SUBMITTED', actor: ref(P.ktHead) }, snap), { directory: directory() });
    expect(who(notices)).toEqual([['SUBMITTED_TO_YOU', 'vhxh.truongphong']]);
  });

  it('a step that was already open before the event is not announced again', () => {
    const snap = snapshot({ openSteps: [step('CONTRIBUTION', 'VP', { openedAt: EARLIER }), step('UNIT_REVIEW', 'KT')] });
    const notices = noticesFor(change({ type: 'SUBMITTED', actor: ref(P.ktStaff) }, snap), { directory: directory() });
    expect(who(notices)).toEqual([['SUBMITTED_TO_YOU', 'kt.truongphong']]);
  });

  it('APPROVED below the last level: the holders of the next level', () => {
    const snap = snapshot({ status: 'VHXH_REVIEW', openSteps: [step('VHXH_REVIEW', 'VHXH')] });
    expect(who(noticesFor(change({ type: 'APPROVED', actor: ref(P.ktHead), data: { level: 'UNIT_REVIEW', unit: 'KT' } }, snap), { directory: directory() }))).toEqual([
      ['SUBMITTED_TO_YOU', 'vhxh.truongphong'],
    ]);
  });

  describe('the Chairman’s step', () => {
    const snap = snapshot({ status: 'CHAIRMAN_REVIEW', openSteps: [step('CHAIRMAN_REVIEW', null)] });
    const approved = change({ type: 'APPROVED', actor: ref(P.vhxhHead), data: { level: 'VHXH_REVIEW', unit: 'VHXH' } }, snap);
    const grant = (from: string, until: string) => ({ toUserId: P.phochutich.id, fromUser: ref(P.chutich), from, until });

    it('reaches the Chairman', () => {
      expect(who(noticesFor(approved, { directory: directory() }))).toEqual([['SUBMITTED_TO_YOU', 'chutich']]);
    });

    it('also reaches a Vice Chairman holding a delegation valid today, who acts for the Chairman', () => {
      const notices = noticesFor(approved, { directory: directory({ delegations: [grant('2026-11-20', '2026-11-30')] }) });
      expect(who(notices)).toEqual([
        ['SUBMITTED_TO_YOU', 'chutich'],
        ['SUBMITTED_TO_YOU', 'phochutich'],
      ]);
      expect(notices[1].onBehalfOf).toEqual(ref(P.chutich));
      expect(notices[0].onBehalfOf).toBeNull();
    });

    it('not a Vice Chairman whose delegation is over or not yet begun (judged on the event’s day in the commune)', () => {
      expect(who(noticesFor(approved, { directory: directory({ delegations: [grant('2026-11-01', '2026-11-25')] }) }))).toEqual([['SUBMITTED_TO_YOU', 'chutich']]);
      expect(who(noticesFor(approved, { directory: directory({ delegations: [grant('2026-11-27', '2026-12-05')] }) }))).toEqual([['SUBMITTED_TO_YOU', 'chutich']]);
    });

    it('nobody who is no longer an active user (the directory holds active users only)', () => {
      const people = Object.values(P).filter((p) => p.id !== 'chutich');
      expect(who(noticesFor(approved, { directory: directory({ people }) }))).toEqual([]);
    });
  });

  it('APPROVED at the last level: the drafters and the coordinator, not the Chairman who approved', () => {
    const snap = snapshot({ status: 'COMPLETED', parts: [{ unit: 'KT', status: 'DONE', assignee: ref(P.ktStaff), drafter: ref(P.ktStaff), draftVersion: 2, returnReason: null }] });
    const notices = noticesFor(change({ type: 'APPROVED', actor: ref(P.chutich), role: 'CHAIRMAN', data: { level: 'CHAIRMAN_REVIEW', unit: null } }, snap), { directory: directory() });
    expect(who(notices)).toEqual([
      ['APPROVED', 'kt.chuyenvien'],
      ['APPROVED', 'vhxh.cchc'],
    ]);
  });

  it('COMPLETED says nothing more (the final APPROVED told everyone)', () => {
    const snap = snapshot({ status: 'COMPLETED' });
    expect(noticesFor(change({ type: 'COMPLETED', data: { cycle: 1, cycles: 1, lastCycle: true } }, snap), { directory: directory() })).toEqual([]);
  });

  it('RETURNED: the drafter, once, with the step he must take again', () => {
    const snap = snapshot({ status: 'RETURNED', openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff })] });
    const notices = noticesFor(change({ type: 'RETURNED', actor: ref(P.vhxhHead), comment: 'Bổ sung số liệu', data: { level: 'VHXH_REVIEW', unit: 'VHXH' } }, snap), { directory: directory() });
    expect(who(notices)).toEqual([['RETURNED', 'kt.chuyenvien']]);
    expect(notices[0].step?.kind).toBe('DRAFT');
  });

  it('RETURNED to every part of a task led by two units: each drafter', () => {
    const snap = snapshot({
      status: 'RETURNED',
      leadUnits: ['KT', 'VP'],
      parts: [
        { unit: 'KT', status: 'DRAFT', assignee: ref(P.ktStaff), drafter: ref(P.ktStaff), draftVersion: 1, returnReason: 'x' },
        { unit: 'VP', status: 'DRAFT', assignee: ref(P.vpStaff), drafter: ref(P.vpStaff), draftVersion: 1, returnReason: 'x' },
      ],
      openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff, id: 'a' }), step('DRAFT', 'VP', { assignee: P.vpStaff, id: 'b' })],
    });
    const notices = noticesFor(change({ type: 'RETURNED', actor: ref(P.chutich), comment: 'x', data: { level: 'CHAIRMAN_REVIEW', unit: null } }, snap), { directory: directory() });
    expect(who(notices)).toEqual([
      ['RETURNED', 'kt.chuyenvien'],
      ['RETURNED', 'vp.chuyenvien'],
    ]);
  });

  it('CONTRIBUTION_REQUESTED: the co-unit asked (its staff and head)', () => {
    const snap = snapshot({ openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff, openedAt: EARLIER }), step('CONTRIBUTION', 'VP', { dueAt: '2026-12-15' })] });
    const notices = noticesFor(change({ type: 'CONTRIBUTION_REQUESTED', actor: ref(P.ktStaff), data: { unit: 'VP', dueAt: '2026-12-15' } }, snap), { directory: directory() });
    expect(who(notices).sort()).toEqual([
      ['CONTRIBUTION_REQUESTED', 'vp.chanhvanphong'],
      ['CONTRIBUTION_REQUESTED', 'vp.chuyenvien'],
    ]);
  });

  describe('reminders and the ladder (system events: no actor)', () => {
    const draft = step('DRAFT', 'KT', { assignee: P.ktStaff, openedAt: EARLIER, dueAt: '2026-11-30', id: 'c1:KT:draft:2' });
    const snap = snapshot({ openSteps: [draft] });
    const data = { stepId: draft.stepId, stepKind: 'DRAFT', unit: 'KT', dueAt: '2026-11-30' };

    it('REMINDER: the holder, by e-mail unless he turned reminders off (then in the app only)', () => {
      const on = noticesFor(change({ type: 'REMINDER', data: { ...data, workingDaysLeft: 2, to: ['HOLDER'] } }, snap), { directory: directory() });
      expect(on.map((n) => [n.kind, n.person.id, n.email])).toEqual([['REMINDER', 'kt.chuyenvien', true]]);
      const people = Object.values(P).map((p) => (p.id === 'kt.chuyenvien' ? { ...p, emailReminders: false } : p));
      const off = noticesFor(change({ type: 'REMINDER', data: { ...data, workingDaysLeft: 2 } }, snap), { directory: directory({ people }) });
      expect(off.map((n) => [n.kind, n.person.id, n.email])).toEqual([['REMINDER', 'kt.chuyenvien', false]]);
    });

    it('REMINDER of a step that has moved on since: nobody', () => {
      expect(noticesFor(change({ type: 'REMINDER', data: { ...data, stepId: 'c1:KT:draft:1' } }, snap), { directory: directory() })).toEqual([]);
    });

    it('OVERDUE: the holder and his unit head, even with reminders turned off', () => {
      const people = Object.values(P).map((p) => ({ ...p, emailReminders: false }));
      const notices = noticesFor(change({ type: 'OVERDUE', data: { ...data, rung: 0, afterWorkingDays: 0, to: ['HOLDER', 'UNIT_HEAD'], workingDaysLate: 1 } }, snap), {
        directory: directory({ people }),
      });
      expect(notices.map((n) => [n.kind, n.person.id, n.email]).sort()).toEqual([
        ['OVERDUE', 'kt.chuyenvien', true],
        ['OVERDUE', 'kt.truongphong', true],
      ]);
    });

    it('found late when the plan is activated: the holder and his unit head, whatever rung (the coordinator gets one list)', () => {
      for (const [type, to] of [
        ['OVERDUE', ['HOLDER', 'UNIT_HEAD']],
        ['ESCALATED', ['CHAIRMAN']],
      ] as const) {
        const notices = noticesFor(change({ type, data: { ...data, rung: 2, to, atActivation: true, workingDaysLate: 40 } }, snap), { directory: directory() });
        expect(who(notices).sort()).toEqual([
          ['OVERDUE', 'kt.chuyenvien'],
          ['OVERDUE', 'kt.truongphong'],
        ]);
      }
    });

    it('ESCALATED: the targets of the rung — the coordinator, then the Chairman (and his delegate)', () => {
      expect(who(noticesFor(change({ type: 'ESCALATED', data: { ...data, rung: 1, to: ['COORDINATOR'] } }, snap), { directory: directory() }))).toEqual([['ESCALATED', 'vhxh.cchc']]);
      const delegations = [{ toUserId: P.phochutich.id, fromUser: ref(P.chutich), from: '2026-11-01', until: '2026-12-31' }];
      expect(who(noticesFor(change({ type: 'ESCALATED', data: { ...data, rung: 2, to: ['CHAIRMAN'] } }, snap), { directory: directory({ delegations }) }))).toEqual([
        ['ESCALATED', 'chutich'],
        ['ESCALATED', 'phochutich'],
      ]);
    });
  });

  describe('extensions', () => {
    it('EXTENSION_REQUESTED for the task’s date: the Chairman (the decider)', () => {
      const snap = snapshot({ openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff, openedAt: EARLIER }), step('EXTENSION', null)] });
      const notices = noticesFor(
        change({ type: 'EXTENSION_REQUESTED', actor: ref(P.ktStaff), data: { extensionId: 'e1', scope: 'TASK', newDueAt: '2027-01-15', reason: 'Chờ số liệu' } }, snap),
        { directory: directory() },
      );
      expect(who(notices)).toEqual([['EXTENSION_REQUESTED', 'chutich']]);
    });

    it('EXTENSION_REQUESTED for a step inside the unit, in a run that opens no EXTENSION step: the unit head', () => {
      const draft = step('DRAFT', 'KT', { assignee: P.ktStaff, openedAt: EARLIER });
      const snap = snapshot({ openSteps: [draft] });
      const notices = noticesFor(
        change({ type: 'EXTENSION_REQUESTED', actor: ref(P.ktStaff), data: { extensionId: 'e2', scope: 'STEP', stepId: draft.stepId, newDueAt: '2026-12-10', reason: 'x' } }, snap),
        { directory: directory() },
      );
      expect(who(notices)).toEqual([['EXTENSION_REQUESTED', 'kt.truongphong']]);
    });

    it('EXTENSION_REQUESTED: never the requester, even where he could decide (the step excludes him)', () => {
      const decision = { ...step('EXTENSION', 'KT'), excludedUserIds: [P.ktHead.id] };
      const snap = snapshot({ openSteps: [decision] });
      const c = change({ type: 'EXTENSION_REQUESTED', actor: ref(P.ktStaff), data: { extensionId: 'e3', scope: 'STEP', newDueAt: '2026-12-10', reason: 'x' } }, snap);
      expect(noticesFor(c, { directory: directory() })).toEqual([]);
    });

    it('EXTENSION_APPROVED / _REJECTED: the person who asked (from the extension in the snapshot)', () => {
      const extension = {
        extensionId: 'c1:ext:1',
        scope: 'TASK' as const,
        stepId: null,
        unit: null,
        requestedBy: ref(P.ktStaff),
        reason: 'Chờ số liệu',
        originalDueAt: '2026-12-31',
        currentDueAt: '2026-12-31',
        newDueAt: '2027-01-15',
        status: 'APPROVED' as const,
        decidedBy: ref(P.chutich),
      };
      const snap = snapshot({ extensions: [extension] });
      for (const type of ['EXTENSION_APPROVED', 'EXTENSION_REJECTED'] as const) {
        const notices = noticesFor(change({ type, actor: ref(P.chutich), data: { extensionId: 'c1:ext:1', scope: 'TASK', newDueAt: '2027-01-15' } }, snap), {
          directory: directory(),
        });
        expect(who(notices)).toEqual([['EXTENSION_DECIDED', 'kt.chuyenvien']]);
      }
    });
  });

  it('events that concern nobody stay silent', () => {
    const snap = snapshot({ openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff })] });
    for (const type of ['CYCLE_OPENED', 'DRAFT_SAVED', 'ATTACHMENT_ADDED', 'CONTRIBUTED', 'SCHEDULE_SET'] as const) {
      expect(noticesFor(change({ type, actor: ref(P.ktStaff) }, snap), { directory: directory() })).toEqual([]);
    }
  });

  it('the event time decides the day in the commune (UTC+7), not the server’s', () => {
    // 2026-11-25T18:30Z is already 26/11 in Hải Phòng: a delegation starting on 26/11 counts.
    const snap = snapshot({ status: 'CHAIRMAN_REVIEW', openSteps: [step('CHAIRMAN_REVIEW', null, { openedAt: '2026-11-25T18:30:00.000Z' })] });
    const c = change({ type: 'APPROVED', at: '2026-11-25T18:30:00.000Z', actor: ref(P.vhxhHead), data: { level: 'VHXH_REVIEW' } }, snap);
    const delegations = [{ toUserId: P.phochutich.id, fromUser: ref(P.chutich), from: '2026-11-26', until: '2026-11-26' }];
    expect(who(noticesFor(c, { directory: directory({ delegations }) }))).toEqual([
      ['SUBMITTED_TO_YOU', 'chutich'],
      ['SUBMITTED_TO_YOU', 'phochutich'],
    ]);
    expect(AT).toBe('2026-11-26T03:00:00.000Z');
  });
});
