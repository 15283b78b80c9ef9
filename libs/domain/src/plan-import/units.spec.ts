import { resolveUnits } from './units';

const ALL = ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'];

describe('resolveUnits', () => {
  it.each([
    ['Văn phòng HĐND&UBND xã', ['VP']],
    ['Văn phòng HĐND & UBND', ['VP']],
    ['Văn phòng HĐND và UBND', ['VP']],
    ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', ['VP']],
    ['Phòng Văn hóa - Xã hội', ['VHXH']],
    ['Phòng Văn hóa – Xã hội', ['VHXH']],
    ['Phòng Văn hóa—Xã hội', ['VHXH']],
    ['Phòng VH-XH', ['VHXH']],
    ['Phòng Kinh tế', ['KT']],
    ['Trung tâm Phục vụ hành chính công', ['TTPVHCC']],
    ['Trung tâm Dịch vụ sự nghiệp công', ['TTDVSNC']],
    ['Trung tâm Dịch vụ Sự nghiệp công', ['TTDVSNC']],
  ])('%s → %j', (text, codes) => {
    expect(resolveUnits(text)).toEqual({ codes, unresolved: [] });
  });

  it.each([
    'Các Phòng, ban, ngành',
    'Các phòng ban, ngành',
    'Các phòng, cơ quan',
    'Các phòng, ban, ngành, đơn vị',
    'Các phòng, ban, ngành các cơ quan, tổ chức có liên quan',
    'Trung tâm Dịch vụ sự nghiệp công, Các Phòng, ban, ngành',
    'Các phòng, ban, ngành, Trung tâm Phục vụ hành chính công',
    'Các cơ quan, đơn vị có liên quan',
  ])('%s → every unit', (text) => {
    expect(resolveUnits(text)).toEqual({ codes: ALL, unresolved: [] });
  });

  it('lists several units in UNIT_CODES order without duplicates', () => {
    expect(resolveUnits('Trung tâm Dịch vụ sự nghiệp công, Phòng Kinh tế và Văn phòng HĐND&UBND xã, Phòng Kinh tế')).toEqual({
      codes: ['VP', 'KT', 'TTDVSNC'],
      unresolved: [],
    });
  });

  it('reads NFD, upper case and extra spaces', () => {
    expect(resolveUnits('PHÒNG  VĂN HÓA - XÃ HỘI'.normalize('NFD')).codes).toEqual(['VHXH']);
    expect(resolveUnits('Văn phòng HĐND&UBND xã'.normalize('NFD')).codes).toEqual(['VP']);
    expect(resolveUnits('Các phòng, ban, ngành'.normalize('NFD')).codes).toEqual(ALL);
  });

  it('returns what it cannot read, as written', () => {
    expect(resolveUnits('Phòng Kinh tế, Công an xã, Ban Chỉ huy Quân sự')).toEqual({
      codes: ['KT'],
      unresolved: ['Công an xã', 'Ban Chỉ huy Quân sự'],
    });
    expect(resolveUnits('Trung tâm Phục vụ')).toEqual({ codes: [], unresolved: ['Trung tâm Phục vụ'] });
  });

  it('reads an empty cell as no unit', () => {
    expect(resolveUnits('')).toEqual({ codes: [], unresolved: [] });
    expect(resolveUnits('  ')).toEqual({ codes: [], unresolved: [] });
  });
});
