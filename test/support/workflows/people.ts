/** Demo people of a test commune (mirrors the demo accounts of api.md). Pure data, no Temporal. */
import type { Actor, AssignInput, UnitCode } from '@app/contracts';

export type Person = Actor;

export function peopleOf(commune: string) {
  const person = (id: string, fullName: string, unit: UnitCode | null, roles: Actor['roles']): Person => ({
    id: `${commune}:${id}`,
    fullName,
    commune,
    unit,
    roles,
  });
  return {
    chairman: person('chutich', 'Nguyễn Văn Hùng', null, ['CHAIRMAN']),
    viceChairman: person('phochutich', 'Trần Thị Mai', null, ['VICE_CHAIRMAN']),
    vhxhHead: person('vhxh.truongphong', 'Lê Thị Hoa', 'VHXH', ['UNIT_HEAD']),
    coordinator: person('vhxh.cchc', 'Phạm Minh Tuấn', 'VHXH', ['STAFF', 'COORDINATOR']),
    vpHead: person('vp.chanhvanphong', 'Đỗ Văn Bình', 'VP', ['UNIT_HEAD']),
    vpStaff: person('vp.chuyenvien', 'Vũ Thị Lan', 'VP', ['STAFF']),
    ktHead: person('kt.truongphong', 'Hoàng Văn Nam', 'KT', ['UNIT_HEAD']),
    ktStaff: person('kt.chuyenvien', 'Bùi Thị Hằng', 'KT', ['STAFF']),
    ttpvhccHead: person('ttpvhcc.giamdoc', 'Ngô Quang Huy', 'TTPVHCC', ['UNIT_HEAD']),
    ttpvhccStaff: person('ttpvhcc.chuyenvien', 'Đặng Thị Thu', 'TTPVHCC', ['STAFF']),
    ttdvsncHead: person('ttdvsnc.giamdoc', 'Phan Văn Long', 'TTDVSNC', ['UNIT_HEAD']),
    ttdvsncStaff: person('ttdvsnc.chuyenvien', 'Trịnh Thị Ngọc', 'TTDVSNC', ['STAFF']),
  };
}
export type People = ReturnType<typeof peopleOf>;

export const asAssignee = (p: Person): AssignInput['assignee'] => ({ id: p.id, fullName: p.fullName, unit: p.unit!, roles: p.roles });

/** The Vice Chairman as the API sends him while he holds the Chairman's delegation. */
export function delegated(vice: Person, chairman: Person, from: string, until: string): Person {
  return { ...vice, delegation: { id: `deleg-${from}`, fromUser: { id: chairman.id, fullName: chairman.fullName }, from, until } };
}

/** Shifts an ISO date by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

