import type { HistoryEvent } from '../api/types';
import { headOfUnit, headTitle, historyWho, holderLabel, roleTitle, stepKindLabel } from './labels';

describe('titles of unit heads as Vietnamese offices write them', () => {
  it('a Trung tâm has a Giám đốc, a Phòng a Trưởng phòng, the Văn phòng a Chánh Văn phòng', () => {
    expect(headTitle('TTPVHCC')).toBe('Giám đốc');
    expect(headTitle('TTDVSNC')).toBe('Giám đốc');
    expect(headTitle('KT')).toBe('Trưởng phòng');
    expect(headTitle('VHXH')).toBe('Trưởng phòng');
    expect(headTitle('VP')).toBe('Chánh Văn phòng');
    expect(headTitle(null)).toBe('Trưởng đơn vị');
    // Units are data: one this list does not know is read from the name the server gives.
    expect(headTitle({ code: 'TTYT', name: 'Trung tâm Y tế xã' })).toBe('Giám đốc');
    expect(headOfUnit({ code: 'TP', name: 'Phòng Tư pháp' })).toBe('Trưởng phòng Tư pháp');
    expect(headTitle('XYZ')).toBe('Trưởng đơn vị');
  });

  it('names the unit with the title', () => {
    expect(headOfUnit('KT')).toBe('Trưởng phòng Kinh tế');
    expect(headOfUnit('VHXH')).toBe('Trưởng phòng Văn hóa - Xã hội');
    expect(headOfUnit('VP')).toBe('Chánh Văn phòng HĐND và UBND xã');
    expect(headOfUnit('TTPVHCC')).toBe('Giám đốc Trung tâm Phục vụ hành chính công');
  });

  it('uses them for roles, steps, holders and the trail', () => {
    expect(roleTitle('UNIT_HEAD', 'TTDVSNC')).toBe('Giám đốc');
    expect(roleTitle('UNIT_HEAD', 'TTDVSNC', { withUnit: true })).toBe('Giám đốc Trung tâm Dịch vụ sự nghiệp công');
    expect(roleTitle('UNIT_HEAD')).toBe('Trưởng đơn vị');
    expect(roleTitle('CHAIRMAN', 'KT')).toBe('Chủ tịch UBND xã');
    expect(stepKindLabel('UNIT_REVIEW', 'TTPVHCC')).toBe('Giám đốc duyệt');
    expect(stepKindLabel('UNIT_REVIEW', 'VP')).toBe('Chánh Văn phòng duyệt');
    expect(stepKindLabel('VHXH_REVIEW', 'VHXH')).toBe('Phòng VH-XH thẩm định');
    expect(holderLabel({ kind: 'ASSIGN', unit: 'TTPVHCC', assignee: null })).toBe('Giám đốc Trung tâm Phục vụ hành chính công');
    // By the role the API says holds the step, with the unit's name as the server sent it.
    expect(holderLabel({ kind: 'EXTENSION', unit: null, assignee: null, holderRole: 'CHAIRMAN' })).toBe('Chủ tịch UBND xã');
    expect(holderLabel({ kind: 'EXTENSION', unit: 'KT', unitName: 'Phòng Kinh tế', assignee: null, holderRole: 'UNIT_HEAD' })).toBe('Trưởng phòng Kinh tế');
    expect(holderLabel({ kind: 'SET_LEAD_UNIT', unit: null, assignee: null, holderRole: 'COORDINATOR' })).toBe('Cán bộ đầu mối CCHC');
    expect(holderLabel({ kind: 'DRAFT', unit: 'KT', assignee: 'Đỗ Thị Hương', holderRole: 'STAFF' })).toBe('Đỗ Thị Hương');
    const ev: HistoryEvent = { at: '2026-03-01T08:00:00Z', type: 'RETURNED', actor: { id: '1', fullName: 'Bùi Quang Huy' }, role: 'UNIT_HEAD', data: { level: 'UNIT_REVIEW', unit: 'TTPVHCC' } };
    expect(historyWho(ev)).toBe('Bùi Quang Huy (Giám đốc Trung tâm Phục vụ hành chính công)');
  });
});
