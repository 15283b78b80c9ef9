/** Test fixtures: the An Lão demo people, and task changes shaped as the task workflow records them. */
import type { OpenStep, StepKind, TaskChange, TaskEvent, TaskSnapshot, UnitCode, UserRef } from '@app/contracts';
import { holdersOf } from '@app/domain';
import type { Directory, Person } from '../recipients';
import type { Place } from '../templates';

const person = (id: string, fullName: string, roles: Person['roles'], unit: UnitCode | null): Person => ({
  id,
  fullName,
  email: `${id}@an-lao.local`,
  unit,
  roles,
  emailReminders: true,
});

export const P = {
  admin: person('admin', 'Quản trị hệ thống', ['ADMIN'], null),
  chutich: person('chutich', 'Đinh Thành Đồng', ['CHAIRMAN'], null),
  phochutich: person('phochutich', 'Nguyễn Văn Hùng', ['VICE_CHAIRMAN'], null),
  vhxhHead: person('vhxh.truongphong', 'Trần Thị Lan', ['UNIT_HEAD'], 'VHXH'),
  cchc: person('vhxh.cchc', 'Phạm Minh Tuấn', ['STAFF', 'COORDINATOR'], 'VHXH'),
  vpHead: person('vp.chanhvanphong', 'Lê Văn Bình', ['UNIT_HEAD'], 'VP'),
  vpStaff: person('vp.chuyenvien', 'Hoàng Thị Mai', ['STAFF'], 'VP'),
  ktHead: person('kt.truongphong', 'Vũ Đức Thắng', ['UNIT_HEAD'], 'KT'),
  ktStaff: person('kt.chuyenvien', 'Đỗ Thị Hương', ['STAFF'], 'KT'),
};

export const ref = (p: Person): UserRef => ({ id: p.id, fullName: p.fullName });

export function directory(overrides: Partial<Directory> = {}): Directory {
  return { people: Object.values(P), delegations: [], ...overrides };
}

export const PLACE: Place = {
  communeName: 'Xã An Lão',
  publicUrl: 'http://localhost:3000',
  unitNames: {
    VP: 'Văn phòng HĐND và UBND xã',
    VHXH: 'Phòng Văn hóa - Xã hội',
    KT: 'Phòng Kinh tế',
    TTPVHCC: 'Trung tâm Phục vụ hành chính công',
    TTDVSNC: 'Trung tâm Dịch vụ sự nghiệp công',
  },
};

export const TASK = {
  id: '6f1c0c3e-2b4a-4c59-9a53-0d2b8f0e7a25',
  number: 25,
  year: 2026,
  content:
    'Đẩy mạnh việc thực hiện cơ chế tự chủ, xã hội hoá, nhất là trong lĩnh vực giáo dục và đào tạo, giáo dục nghề nghiệp, y tế, dân số - kế hoạch hóa gia đình.',
};

export const AT = '2026-11-26T03:00:00.000Z';
export const EARLIER = '2026-11-20T03:00:00.000Z';

/** An open step as the workflow opens it (holders from the approval policy). */
export function step(kind: StepKind, unit: UnitCode | null, opts: { assignee?: Person; openedAt?: string; dueAt?: string | null; id?: string; drafters?: Person[] } = {}): OpenStep {
  const assignee = opts.assignee ? ref(opts.assignee) : null;
  const { principals, holderRole } = holdersOf(kind, unit, assignee);
  return {
    stepId: opts.id ?? `c1:${unit ?? 'UBND'}:${kind.toLowerCase()}:1`,
    kind,
    unit,
    holderRole,
    assignee,
    principals,
    excludedUserIds: (opts.drafters ?? []).map((d) => d.id),
    openedAt: opts.openedAt ?? AT,
    dueAt: opts.dueAt === undefined ? '2026-12-31' : opts.dueAt,
    escalationLevel: 0,
  };
}

export function snapshot(overrides: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return {
    taskId: TASK.id,
    commune: 'an-lao',
    status: 'IN_PROGRESS',
    cycle: 1,
    cycleDueAt: '2026-12-31',
    cycleOriginalDueAt: '2026-12-31',
    completedAt: null,
    deadlineKind: 'FIXED',
    leadUnits: ['KT'],
    coUnits: ['VP'],
    reviewingUnit: 'VHXH',
    parts: [{ unit: 'KT', status: 'DRAFT', assignee: ref(P.ktStaff), drafter: ref(P.ktStaff), draftVersion: 2, returnReason: null }],
    contributions: [],
    openSteps: [],
    closedSteps: [],
    lastReturnReason: null,
    lastReturn: null,
    extensions: [],
    seq: 7,
    ...overrides,
  };
}

export function change(event: Partial<TaskEvent> & Pick<TaskEvent, 'type'>, snap: TaskSnapshot): TaskChange {
  return {
    workflowId: 'an-lao:2026:task:25',
    snapshot: snap,
    event: { seq: snap.seq, at: AT, actor: null, role: null, onBehalfOf: null, comment: null, from: null, to: snap.status, ...event },
  };
}
