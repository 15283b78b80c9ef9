import { AN_LAO_UNITS, resolveUnits, type UnitDirectory } from './units';

const ALL = ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'];
const resolve = (text: string) => resolveUnits(text, AN_LAO_UNITS);

describe('resolveUnits with the An Lão directory', () => {
  it.each([
    ['Văn phòng HĐND&UBND xã', ['VP']],
    ['Văn phòng HĐND & UBND', ['VP']],
    ['Văn phòng HĐND và UBND', ['VP']],
    ['Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã', ['VP']],
    ['Văn phòng UBND xã', ['VP']],
    ['VP', ['VP']],
    ['Phòng Văn hóa - Xã hội', ['VHXH']],
    ['Phòng Văn hóa – Xã hội', ['VHXH']],
    ['Phòng Văn hóa—Xã hội', ['VHXH']],
    ['Phòng VH-XH', ['VHXH']],
    ['Phòng Kinh tế', ['KT']],
    ['Trung tâm Phục vụ hành chính công', ['TTPVHCC']],
    ['Trung tâm Phục vụ hành chính công xã', ['TTPVHCC']],
    ['Bộ phận một cửa', ['TTPVHCC']],
    ['Trung tâm Dịch vụ sự nghiệp công', ['TTDVSNC']],
    ['Trung tâm Dịch vụ Sự nghiệp công', ['TTDVSNC']],
  ])('%s → %j', (text, codes) => {
    expect(resolve(text)).toEqual({ codes, external: [], unresolved: [] });
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
  ])('%s → every internal unit', (text) => {
    expect(resolve(text)).toEqual({ codes: ALL, external: [], unresolved: [] });
  });

  it('lists several units in directory order without duplicates', () => {
    expect(resolve('Trung tâm Dịch vụ sự nghiệp công, Phòng Kinh tế và Văn phòng HĐND&UBND xã, Phòng Kinh tế')).toEqual({
      codes: ['VP', 'KT', 'TTDVSNC'],
      external: [],
      unresolved: [],
    });
  });

  it('recognises outside bodies as external, never as a unit of the commune', () => {
    expect(resolve('Phòng Kinh tế, Công an xã, Ban Chỉ huy Quân sự')).toEqual({
      codes: ['KT'],
      external: ['CA_XA', 'BCHQS_XA'],
      unresolved: [],
    });
    expect(resolve('Sở Nội vụ; UBND thành phố và Ủy ban Mặt trận Tổ quốc Việt Nam xã')).toEqual({
      codes: [],
      external: ['SNV', 'UBND_TP', 'MTTQ_XA'],
      unresolved: [],
    });
  });

  it.each([
    ['Văn phòng UBND thành phố', 'VP_UBND_TP'],
    ['VP UBND TP', 'VP_UBND_TP'],
    ['Trung tâm Phục vụ hành chính công tỉnh', 'TTPVHCC_TP'],
    ['Trung tâm Phục vụ hành chính công thành phố', 'TTPVHCC_TP'],
    ['Văn phòng Đảng ủy', 'DANG_UY_XA'],
    ['Đảng ủy xã', 'DANG_UY_XA'],
    ['Ủy ban nhân dân tỉnh', 'UBND_TINH'],
  ])('%s is a body of another tier (%s), not a unit of the commune', (text, code) => {
    expect(resolve(text)).toEqual({ codes: [], external: [code], unresolved: [] });
  });

  it('keeps a name of another tier that the directory does not know together, unresolved', () => {
    expect(resolve('Văn phòng HĐND và UBND huyện')).toEqual({ codes: [], external: [], unresolved: ['Văn phòng HĐND và UBND huyện'] });
    expect(resolve('Phòng Kinh tế của tỉnh, Phòng Văn hóa - Xã hội')).toEqual({
      codes: ['VHXH'],
      external: [],
      unresolved: ['Phòng Kinh tế của tỉnh'],
    });
    expect(resolve('Bộ phận một cửa Trung ương')).toEqual({ codes: [], external: [], unresolved: ['Bộ phận một cửa Trung ương'] });
    // "và" before the other body is a list, not part of the unit's name.
    expect(resolve('Phòng Kinh tế và Sở Tài chính')).toEqual({ codes: ['KT'], external: ['STC'], unresolved: [] });
  });

  it('reads NFD, upper case, extra spaces and line breaks', () => {
    expect(resolve('PHÒNG  VĂN HÓA - XÃ HỘI'.normalize('NFD')).codes).toEqual(['VHXH']);
    expect(resolve('Văn phòng HĐND&UBND xã'.normalize('NFD')).codes).toEqual(['VP']);
    expect(resolve('Các phòng, ban, ngành'.normalize('NFD')).codes).toEqual(ALL);
    expect(resolve('Phòng Kinh tế\nCông an xã\nHội Nông dân')).toEqual({ codes: ['KT'], external: ['CA_XA'], unresolved: ['Hội Nông dân'] });
  });

  it('returns what it cannot read, as written', () => {
    expect(resolve('Phòng Kinh tế, Hội Cựu chiến binh')).toEqual({ codes: ['KT'], external: [], unresolved: ['Hội Cựu chiến binh'] });
    expect(resolve('Trung tâm Phục vụ')).toEqual({ codes: [], external: [], unresolved: ['Trung tâm Phục vụ'] });
  });

  it('reads an empty cell as no unit', () => {
    expect(resolve('')).toEqual({ codes: [], external: [], unresolved: [] });
    expect(resolve('  ')).toEqual({ codes: [], external: [], unresolved: [] });
  });
});

describe('resolveUnits with another commune’s directory', () => {
  const TAN_TIEN: UnitDirectory = [
    { code: 'VPTT', name: 'Văn phòng HĐND và UBND xã', aliases: ['Văn phòng'], kind: 'INTERNAL' },
    { code: 'KINHTE', name: 'Phòng Kinh tế - Hạ tầng và Đô thị', aliases: ['Phòng KT-HT&ĐT', 'Phòng Kinh tế'], kind: 'INTERNAL' },
    { code: 'HND', name: 'Hội Nông dân xã', aliases: [], kind: 'EXTERNAL' },
  ];

  it('uses its codes, spellings and order, and "các phòng, ban, ngành" means its own internal units', () => {
    expect(resolveUnits('Phòng KT-HT&ĐT, Hội Nông dân', TAN_TIEN)).toEqual({ codes: ['KINHTE'], external: ['HND'], unresolved: [] });
    expect(resolveUnits('Phòng Kinh tế - Hạ tầng và Đô thị', TAN_TIEN).codes).toEqual(['KINHTE']);
    expect(resolveUnits('Các phòng, ban, ngành', TAN_TIEN).codes).toEqual(['VPTT', 'KINHTE']);
  });

  it('knows nothing of An Lão’s units', () => {
    expect(resolveUnits('Phòng Văn hóa - Xã hội', TAN_TIEN)).toEqual({ codes: [], external: [], unresolved: ['Phòng Văn hóa - Xã hội'] });
  });
});
