import { readFileSync } from 'fs';
import { join } from 'path';
import type { DeadlineKind } from '@app/contracts';
import { PlanParseError } from './plan-errors';
import { parsePlan } from './plan-parser';

const SEED = readFileSync(join(__dirname, '../../../../data/seed/ke-hoach-cchc-an-lao-2026.txt'), 'utf8');

const ALL = ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'];
const Q_LAST_MONTH_10TH = ['2026-03-10', '2026-06-10', '2026-09-10', '2026-12-10'];

/** Every row of the seed's appendix, read by hand from the document. */
const EXPECTED: Array<[number, string, string[], string[], DeadlineKind, string[]]> = [
  [1, 'I', ['VHXH'], ALL, 'FIXED', ['2026-01-15']],
  [2, 'I', ['VHXH'], ALL, 'ON_REQUEST', []],
  [3, 'I', ['VHXH'], ALL, 'RECURRING', Q_LAST_MONTH_10TH],
  [4, 'I', ['VHXH'], ALL, 'PERIOD_END', ['2026-03-31']],
  [5, 'I', ['VHXH'], ALL, 'PERIOD_END', ['2026-10-31']],
  [6, 'I', ['VHXH'], ALL, 'MILESTONES', ['2026-09-30', '2026-12-31']],
  [7, 'II', ['VP'], ALL, 'PERIOD_END', ['2026-12-31']],
  [8, 'II', ['VP'], ALL, 'PERIOD_END', ['2026-12-31']],
  [9, 'II', ['VP'], ALL, 'PERIOD_END', ['2026-12-31']],
  [10, 'II', ['VP'], ALL, 'PERIOD_END', ['2026-12-31']],
  [11, 'II', ['VP'], ALL, 'PERIOD_END', ['2026-12-31']],
  [12, 'III', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [13, 'III', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [14, 'III', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [15, 'III', ['VP'], ['TTPVHCC'], 'CONTINUOUS', []],
  [16, 'III', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [17, 'III', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [18, 'III', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [19, 'IV', ALL, ['VP'], 'PERIOD_END', ['2026-12-31']],
  [20, 'IV', ['VHXH'], ALL, 'ON_REQUEST', []],
  [21, 'IV', ['VHXH'], ALL, 'ON_REQUEST', []],
  [22, 'IV', ['VHXH'], ALL, 'CONTINUOUS', []],
  [23, 'V', ['VHXH'], ALL, 'CONTINUOUS', []],
  [24, 'V', ['VHXH'], ALL, 'CONTINUOUS', []],
  [25, 'VI', ['KT'], ALL, 'CONTINUOUS', []],
  [26, 'VI', ['KT'], ALL, 'CONTINUOUS', []],
  [27, 'VII', ['VHXH'], ALL, 'CONTINUOUS', []],
  [28, 'VII', ['VHXH'], ALL, 'CONTINUOUS', []],
  [29, 'VII', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [30, 'VII', ['TTPVHCC'], ALL, 'CONTINUOUS', []],
  [31, 'VII', ['VHXH'], ALL, 'CONTINUOUS', []],
  [32, 'VII', ['VHXH'], ALL, 'CONTINUOUS', []],
];

const HEADER = 'TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện/ hoàn thành\tSản phẩm';
const row = (...cells: string[]) => cells.join('\t');

/** A small plan in the seed's layout, for the cases the seed does not have. */
function planText(rows: string[], preamble = 'KẾ HOẠCH\n\nCải cách hành chính xã Thử năm 2027\n'): string {
  return [preamble, 'Phụ lục', '', HEADER, ...rows].join('\n');
}

describe('parsePlan on the seed plan of xã An Lão', () => {
  const plan = parsePlan(SEED);

  it('reads the title, the year and the blank decision number', () => {
    expect(plan.title).toBe('Kế hoạch Cải cách hành chính xã An Lão năm 2026');
    expect(plan.year).toBe(2026);
    expect(plan.decisionNumber).toBeNull();
  });

  it('finds the seven groups of the appendix, not the sections of the body', () => {
    expect(plan.groups).toEqual([
      { code: 'I', title: 'Chỉ đạo điều hành, kiểm tra và tuyên truyền' },
      { code: 'II', title: 'Cải cách thể chế' },
      { code: 'III', title: 'Cải cách thủ tục hành chính' },
      { code: 'IV', title: 'Cải cách tổ chức bộ máy' },
      { code: 'V', title: 'Cải cách chế độ công vụ' },
      { code: 'VI', title: 'Cải cách tài chính công' },
      { code: 'VII', title: 'Xây dựng Chính quyền điện tử, Chính quyền số' },
    ]);
  });

  it('reads 32 tasks, numbered 1 to 32 in order and shown by the same numbers, with no warning', () => {
    expect(plan.tasks.map((t) => t.number)).toEqual(EXPECTED.map(([n]) => n));
    expect(plan.tasks.map((t) => t.displayNumber)).toEqual(EXPECTED.map(([n]) => String(n)));
    expect(plan.warnings).toEqual([]);
  });

  it.each(EXPECTED)('task %i: group %s, lead %j, co %j, %s %j', (number, group, lead, co, kind, dueDates) => {
    const task = plan.tasks.find((t) => t.number === number)!;
    expect(task.group).toBe(group);
    expect(task.leadUnits).toEqual(lead);
    expect(task.coUnits).toEqual(co);
    expect(task.deadline.kind).toBe(kind);
    expect(task.deadline.dueDates).toEqual(dueDates);
  });

  it('has no task with an unknown deadline and none without content, lead unit or product', () => {
    expect(plan.tasks.filter((t) => t.deadline.kind === 'UNKNOWN')).toEqual([]);
    for (const task of plan.tasks) {
      expect(task.content).not.toBe('');
      expect(task.leadUnits.length).toBeGreaterThan(0);
      expect(task.product).not.toBe('');
    }
  });

  it('keeps the cells as written', () => {
    const [first, , , , , sixth] = plan.tasks;
    expect(first).toEqual({
      number: 1,
      displayNumber: '1',
      group: 'I',
      content: 'Ban hành Kế hoạch cải cách hành chính năm 2026',
      leadUnits: ['VHXH'],
      coUnits: ALL,
      leadExternal: [],
      coExternal: [],
      leadUnitsText: 'Phòng Văn hóa - Xã hội',
      coUnitsText: 'Các Phòng, ban, ngành',
      deadline: { raw: 'Trước 15/01/2026', kind: 'FIXED', dueDates: ['2026-01-15'] },
      product: 'Kế hoạch của UBND xã',
      source: { kind: 'line', line: 278 },
    });
    expect(sixth.deadline.raw).toBe('Quý III,IV/2026');
    expect(sixth.coUnitsText).toBe('Trung tâm Dịch vụ sự nghiệp công, Các Phòng, ban, ngành');
    expect(plan.tasks[27].leadUnitsText).toBe('Phòng Văn hóa – Xã hội');
    expect(plan.tasks[31].product).toBe('Kế hoạch; Báo cáo');
  });

  it('joins task 19’s lead unit across the page break', () => {
    const task19 = plan.tasks[18];
    expect(task19.leadUnitsText).toBe('Các phòng, ban, ngành, Trung tâm Phục vụ hành chính công');
    expect(task19.leadUnits).toContain('TTPVHCC');
    expect(task19.coUnitsText).toBe('Văn phòng HĐND và UBND');
    expect(task19.content).toBe(
      'Ban hành Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các cơ quan chuyên môn, đơn vị sự thuộc UBND xã',
    );
    expect(task19.product).toBe('Quyết định');
    expect(task19.source).toEqual({ kind: 'line', line: 308 });
  });

  it('reads task 20 (content written as a bullet) with its number and without the bullet', () => {
    const task20 = plan.tasks[19];
    expect(task20.number).toBe(20);
    expect(task20.content.startsWith('Tiếp tục triển khai rà soát, sắp xếp, tinh gọn bộ máy')).toBe(true);
    expect(task20.deadline).toEqual({
      raw: 'Theo hướng dẫn của Trung ương và Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND thành phố',
      kind: 'ON_REQUEST',
      dueDates: [],
    });
  });

  it('reads the same plan from CRLF text with a BOM', () => {
    expect(parsePlan(`\uFEFF${SEED.replace(/\n/g, '\r\n')}`)).toEqual(plan);
  });

  it('reads the same plan from NFD text', () => {
    expect(parsePlan(SEED.normalize('NFD'))).toEqual(plan);
  });

  it('uses the year it is given for dates without a year', () => {
    const plan2027 = parsePlan(SEED, { year: 2027 });
    expect(plan2027.year).toBe(2027);
    expect(plan2027.tasks[2].deadline.dueDates).toEqual(['2027-03-10', '2027-06-10', '2027-09-10', '2027-12-10']);
    expect(plan2027.tasks[0].deadline.dueDates).toEqual(['2026-01-15']);
  });
});

describe('parsePlan on documents that are not plans', () => {
  it.each([
    ['an empty text', ''],
    ['prose only', 'KẾ HOẠCH\n\nCải cách hành chính năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n1\tkhông phải bảng'],
    ['the body of the seed without its appendix', SEED.slice(0, SEED.indexOf('Phụ lục\n'))],
  ])('throws PlanParseError for %s', (_label, text) => {
    expect(() => parsePlan(text)).toThrow(PlanParseError);
    try {
      parsePlan(text);
    } catch (error) {
      expect(error).toMatchObject({
        code: 'PLAN_INVALID',
        message: 'Không tìm thấy bảng danh mục nhiệm vụ trong văn bản kế hoạch.',
      });
    }
  });

  it('throws PlanParseError for a table header without any task', () => {
    expect(() => parsePlan(planText(['I. Chỉ đạo điều hành\t\t\t\t\t']))).toThrow(
      'Bảng danh mục nhiệm vụ không có nhiệm vụ nào.',
    );
  });
});

describe('parsePlan warnings', () => {
  it('reports unknown deadlines and units, empty cells, and keeps the task', () => {
    const plan = parsePlan(
      planText([
        'I. Chỉ đạo điều hành\t\t\t\t\t',
        row('1', 'Việc một', 'Phòng Kinh tế, Hội Nông dân', 'Các phòng, ban, ngành', 'Sớm nhất có thể', 'Báo cáo'),
        row('2', 'Việc hai', '', '', '', ''),
      ]),
    );
    expect(plan.title).toBe('Kế hoạch Cải cách hành chính xã Thử năm 2027');
    expect(plan.year).toBe(2027);
    expect(plan.tasks).toHaveLength(2);
    expect(plan.tasks[0]).toMatchObject({ leadUnits: ['KT'], deadline: { kind: 'UNKNOWN', raw: 'Sớm nhất có thể', dueDates: [] } });
    const at = (line: number) => ({ kind: 'line', line });
    expect(plan.warnings).toEqual([
      {
        taskNumber: 1,
        code: 'UNKNOWN_UNIT',
        message: 'Nhiệm vụ 1: không xác định được đơn vị "Hội Nông dân" trong cột "Cơ quan chủ trì".',
        source: at(9),
      },
      {
        taskNumber: 1,
        code: 'UNKNOWN_DEADLINE',
        message: 'Nhiệm vụ 1: chưa hiểu được thời hạn "Sớm nhất có thể", cần đặt lịch thực hiện thủ công.',
        source: at(9),
      },
      { taskNumber: 2, code: 'EMPTY_CELL', message: 'Nhiệm vụ 2: ô "Thời gian thực hiện/hoàn thành" để trống.', source: at(10) },
      { taskNumber: 2, code: 'EMPTY_CELL', message: 'Nhiệm vụ 2: ô "Sản phẩm" để trống.', source: at(10) },
      {
        taskNumber: 2,
        code: 'NO_LEAD_UNIT',
        message:
          'Nhiệm vụ 2: ô "Cơ quan chủ trì" để trống; bước đầu tiên sẽ giao cho cán bộ đầu mối CCHC (Phòng Văn hóa - Xã hội) phân công.',
        source: at(10),
      },
    ]);
  });

  it('recognises outside bodies, and warns NO_LEAD_UNIT when no unit of the commune leads', () => {
    const plan = parsePlan(
      planText([
        'I. Một nhóm',
        row('1', 'Việc một', 'Công an xã', 'Phòng Kinh tế, Ban Chỉ huy quân sự xã', 'Quý I/2027', 'Báo cáo'),
        row('2', 'Việc hai', 'Văn phòng UBND thành phố', 'Sở Nội vụ', 'Quý II/2027', 'Báo cáo'),
        row('3', 'Việc ba', 'Phòng Kinh tế, Công an xã', '', 'Quý II/2027', 'Báo cáo'),
      ]),
    );
    expect(plan.tasks.map((t) => [t.leadUnits, t.leadExternal, t.coUnits, t.coExternal])).toEqual([
      [[], ['CA_XA'], ['KT'], ['BCHQS_XA']],
      [[], ['VP_UBND_TP'], [], ['SNV']],
      [['KT'], ['CA_XA'], [], []],
    ]);
    expect(plan.warnings.map((w) => [w.taskNumber, w.code, w.message])).toEqual([
      [1, 'NO_LEAD_UNIT', 'Nhiệm vụ 1: "Công an xã" không có đơn vị nào của xã chủ trì; bước đầu tiên sẽ giao cho cán bộ đầu mối CCHC (Phòng Văn hóa - Xã hội) phân công.'],
      [2, 'NO_LEAD_UNIT', 'Nhiệm vụ 2: "Văn phòng UBND thành phố" không có đơn vị nào của xã chủ trì; bước đầu tiên sẽ giao cho cán bộ đầu mối CCHC (Phòng Văn hóa - Xã hội) phân công.'],
    ]);
  });

  it('reads the units against the directory it is given', () => {
    const units = [
      { code: 'KTHT', name: 'Phòng Kinh tế - Hạ tầng', aliases: ['Phòng KT-HT'], kind: 'INTERNAL' as const },
      { code: 'VP', name: 'Văn phòng HĐND và UBND xã', aliases: [], kind: 'INTERNAL' as const },
    ];
    const plan = parsePlan(planText(['I. Một nhóm', row('1', 'Việc một', 'Phòng KT-HT', 'Các phòng, ban, ngành', 'Quý I/2027', 'Báo cáo')]), {
      units,
    });
    expect(plan.tasks[0]).toMatchObject({ leadUnits: ['KTHT'], coUnits: ['KTHT', 'VP'] });
    expect(plan.warnings).toEqual([]);
  });

  it('keeps the first of two tasks with the same number and reports gaps', () => {
    const plan = parsePlan(
      planText([
        'I. Một nhóm',
        row('1', 'Việc một', 'Phòng Kinh tế', '', 'Thường xuyên', 'Báo cáo'),
        row('1', 'Việc trùng', 'Phòng Kinh tế', '', 'Thường xuyên', 'Báo cáo'),
        row('4', 'Việc bốn', 'Phòng Kinh tế', '', 'Thường xuyên', 'Báo cáo'),
        row('3', 'Việc ba', 'Phòng Kinh tế', '', 'Thường xuyên', 'Báo cáo'),
      ]),
    );
    expect(plan.tasks.map((t) => [t.number, t.content])).toEqual([
      [1, 'Việc một'],
      [4, 'Việc bốn'],
      [3, 'Việc ba'],
    ]);
    expect(plan.warnings.map((w) => [w.taskNumber, w.code])).toEqual([
      [1, 'DUPLICATE_TASK_NUMBER'],
      [3, 'NUMBER_GAP'],
      [4, 'NUMBER_GAP'],
    ]);
    expect(plan.warnings.find((w) => w.taskNumber === 4)!.message).toBe('Thiếu các nhiệm vụ từ số 2 đến 3 trước nhiệm vụ 4.');
    expect(plan.warnings.find((w) => w.taskNumber === 3)!.message).toBe(
      'Số thứ tự không liên tục: nhiệm vụ 3 đứng sau nhiệm vụ 4.',
    );
  });

  it('reports a task outside any group and a stray line inside the table, not text after it', () => {
    const plan = parsePlan(
      planText([
        row('1', 'Việc một', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'),
        'Trang 2',
        'II. Nhóm hai',
        row('2', 'Việc hai', 'Phòng Kinh tế', '', 'Quý II', 'Báo cáo'),
        '',
        'CHỦ TỊCH',
        'Nguyễn Văn A',
      ]),
    );
    expect(plan.tasks.map((t) => [t.number, t.group, t.deadline.dueDates])).toEqual([
      [1, '', ['2027-03-31']],
      [2, 'II', ['2027-06-30']],
    ]);
    expect(plan.warnings).toEqual([
      {
        taskNumber: null,
        code: 'IGNORED_LINE',
        message: 'Dòng 9 ("Trang 2") trong bảng nhiệm vụ không đúng định dạng nên đã bị bỏ qua.',
        source: { kind: 'line', line: 9 },
      },
      { taskNumber: 1, code: 'MISSING_GROUP', message: 'Nhiệm vụ 1 không thuộc nhóm nhiệm vụ nào.', source: { kind: 'line', line: 8 } },
    ]);
  });

  it('reads a decision number when the decision has one', () => {
    const plan = parsePlan(planText([row('1', 'Việc', 'Phòng Kinh tế', '', 'Thường xuyên', 'Báo cáo')], 'Số: 125/QĐ-UBND\n\nKẾ HOẠCH\nCải cách hành chính năm 2027'));
    expect(plan.decisionNumber).toBe('125/QĐ-UBND');
    expect(plan.title).toBe('Kế hoạch Cải cách hành chính năm 2027');
  });
});
