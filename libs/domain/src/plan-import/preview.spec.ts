import { parsePlan } from './plan-parser';
import { planPreview } from './preview';
import { AN_LAO_UNITS, findNameClash, unitNameKey } from './units';

const HEADER = 'TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện/ hoàn thành\tSản phẩm';
const plan = (...rows: string[]) => parsePlan(['KẾ HOẠCH', 'Cải cách hành chính xã Thử năm 2027', HEADER, ...rows].join('\n'));

describe('planPreview', () => {
  const preview = planPreview(
    plan(
      'I. Một',
      '1\tViệc một\tPhòng Kinh tế, Hội Nông dân\tCông an xã\tSớm nhất có thể\tBáo cáo',
      '2\tViệc hai\tSở Nội vụ\tCác phòng, ban, ngành, Hội Nông dân\tQuý I\tBáo cáo',
      'Dòng lạc',
      '3\tViệc ba\tPhòng VH-XH\t\tThường xuyên\tBáo cáo',
    ),
    'text',
    AN_LAO_UNITS,
  );

  it('shows each unit cell resolved, external or unknown, with names from the directory', () => {
    expect(preview.tasks[0].lead).toEqual({
      text: 'Phòng Kinh tế, Hội Nông dân',
      units: [{ code: 'KT', name: 'Phòng Kinh tế' }],
      external: [],
      unknown: ['Hội Nông dân'],
      allUnits: false,
    });
    expect(preview.tasks[0].co.external).toEqual([{ code: 'CA_XA', name: 'Công an xã' }]);
    expect(preview.tasks[1].co.allUnits).toBe(true);
    expect(preview.tasks[1].lead.external).toEqual([{ code: 'SNV', name: 'Sở Nội vụ' }]);
  });

  it('lists each unknown name once with the tasks that use it, and keeps warnings with their task or line', () => {
    expect(preview.unknownUnits).toEqual([{ name: 'Hội Nông dân', tasks: ['1', '2'] }]);
    expect(preview.tasks[0].warnings.map((w) => w.code)).toEqual(['UNKNOWN_UNIT', 'UNKNOWN_DEADLINE']);
    expect(preview.tasks[0].deadline).toEqual({ raw: 'Sớm nhất có thể', kind: 'UNKNOWN', dueDates: [] });
    expect(preview.tasks[2].where).toBe('dòng 8');
    expect(preview.warnings).toEqual([expect.objectContaining({ code: 'IGNORED_LINE', where: 'dòng 7' })]);
    expect(preview).toMatchObject({ format: 'text', year: 2027, existing: null });
  });
});

describe('unit names: one spelling, one body', () => {
  it('reads spellings the resolver cannot tell apart as one key', () => {
    expect(unitNameKey('Văn phòng HĐND & UBND xã')).toBe(unitNameKey('Văn phòng Hội đồng nhân dân và Ủy ban nhân dân'));
    expect(unitNameKey('Phòng Văn hóa – Xã hội')).toBe(unitNameKey('phong van hoa xa hoi'));
    expect(unitNameKey(' - ')).toBeNull();
  });

  it('finds a spelling another unit already answers to, never the unit’s own', () => {
    expect(findNameClash(AN_LAO_UNITS, 'KT', ['Phòng Kinh tế hạ tầng', 'VH-XH'])).toEqual({ name: 'VH-XH', code: 'VHXH', as: 'VH-XH' });
    expect(findNameClash(AN_LAO_UNITS, 'VHXH', ['Phòng VH - XH'])).toBeNull();
    expect(findNameClash(AN_LAO_UNITS, 'HND', ['Hội Nông dân xã'])).toBeNull();
  });
});
