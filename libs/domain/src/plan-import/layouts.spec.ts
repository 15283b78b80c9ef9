import type { DocumentRow, PlanDocument } from './document';
import { parsePlan } from './plan-parser';
import { textToDocument } from './text-layout';

const TITLE = 'KẾ HOẠCH\nCải cách hành chính xã Thử năm 2027\n\nPhụ lục\n';
const HEADER = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện/ hoàn thành', 'Sản phẩm'];
const tabs = (...rows: string[][]) => [TITLE, ...rows.map((row) => row.join('\t'))].join('\n');
const task = (n: string, content: string, lead = 'Phòng Kinh tế', deadline = 'Quý I/2027') => [n, content, lead, '', deadline, 'Báo cáo'];

/** A document as a Word or Excel reader gives it: rows of cells with bold and merge marks. */
function document(rows: Array<Partial<DocumentRow> & { cells: string[] }>): PlanDocument {
  return {
    format: 'docx',
    lines: ['KẾ HOẠCH', 'Cải cách hành chính xã Thử năm 2027'],
    sections: [rows.map((row, i) => ({ source: { kind: 'row', table: 1, row: i + 1 }, ...row }))],
  };
}

describe('textToDocument: text layouts', () => {
  it('splits tab-separated rows and keeps other lines as rows of one cell', () => {
    const doc = textToDocument(tabs(HEADER, ['I. Nhóm một', '', '', '', '', ''], task('1', 'Việc')));
    expect(doc.sections[0].map((row) => row.cells)).toEqual([
      ['KẾ HOẠCH'],
      ['Cải cách hành chính xã Thử năm 2027'],
      ['Phụ lục'],
      HEADER,
      ['I. Nhóm một', '', '', '', '', ''],
      task('1', 'Việc'),
    ]);
    expect(doc.sections[0][5].source).toEqual({ kind: 'line', line: 8 });
  });

  it('reads a Markdown-like | table: outer bars, the --- line, bold cells, <br> and escaped bars', () => {
    const text = [
      TITLE,
      `| ${HEADER.join(' | ')} |`,
      '|:---|---|---|---|---|---:|',
      '| **I** | **Nhóm một** | | | | |',
      '| 1 | Việc một<br>dòng hai | Phòng Kinh tế \\| Phòng VH-XH | | Quý I/2027 | Báo cáo |',
    ].join('\n');
    const rows = textToDocument(text).sections[0];
    expect(rows.slice(3).map((row) => [row.cells, row.bold])).toEqual([
      [HEADER, undefined],
      [['I', 'Nhóm một', '', '', '', ''], true],
      [['1', 'Việc một\ndòng hai', 'Phòng Kinh tế | Phòng VH-XH', '', 'Quý I/2027', 'Báo cáo'], undefined],
    ]);
  });

  it('reads a plain | table without outer bars', () => {
    const text = [TITLE, HEADER.join(' | '), 'I. Nhóm một', task('1', 'Việc').join(' | ')].join('\n');
    expect(textToDocument(text).sections[0].slice(3).map((row) => row.cells)).toEqual([HEADER, ['I. Nhóm một'], task('1', 'Việc')]);
  });

  it('groups a one-cell-per-line table into rows by its header', () => {
    const text = [
      TITLE,
      ...HEADER,
      'I. Nhóm một',
      ...['1', 'Việc một', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'],
      ...['2', 'Việc hai', 'Phòng Kinh tế, Trung tâm Phục vụ', 'Công an xã', 'Quý II/2027', 'Báo cáo'],
      // page break: the header again, and task 2's lead cell going on in a row with an empty number cell
      ...HEADER,
      ...['', '', 'hành chính công', '', '', ''],
      'II',
      'Nhóm hai',
      '',
      ...['3', 'Việc ba', 'Phòng Kinh tế', '', 'Quý III/2027', 'Báo cáo'],
      '',
      'CHỦ TỊCH',
    ].join('\n');
    const rows = textToDocument(text).sections[0];
    expect(rows.slice(3).map((row) => row.cells)).toEqual([
      HEADER,
      ['I. Nhóm một'],
      ['1', 'Việc một', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'],
      ['2', 'Việc hai', 'Phòng Kinh tế, Trung tâm Phục vụ', 'Công an xã', 'Quý II/2027', 'Báo cáo'],
      HEADER,
      ['', '', 'hành chính công'],
      ['II', 'Nhóm hai'],
      ['3', 'Việc ba', 'Phòng Kinh tế', '', 'Quý III/2027', 'Báo cáo'],
      ['CHỦ TỊCH'],
    ]);
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.number, t.group, t.leadUnitsText])).toEqual([
      [1, 'I', 'Phòng Kinh tế'],
      [2, 'I', 'Phòng Kinh tế, Trung tâm Phục vụ hành chính công'],
      [3, 'II', 'Phòng Kinh tế'],
    ]);
  });

  it('treats blank lines as separators when a row only fits without them, "-" as a cell, a form feed as a page break', () => {
    const text = [TITLE, ...HEADER, 'I. Nhóm', '', '1', '', 'Việc một', 'Phòng Kinh tế', 'Sở Nội vụ', 'Quý I/2027', 'Báo cáo', '\fII. Hai', '2', 'Việc hai', 'VP', '-', 'Tháng 5/2027', 'Báo cáo'].join('\n');
    const plan = parsePlan(text);
    expect(plan.tasks.map((t) => [t.displayNumber, t.group, t.content, t.coExternal])).toEqual([
      ['1', 'I', 'Việc một', ['SNV']],
      ['2', 'II', 'Việc hai', []],
    ]);
  });
});

describe('parsePlan: layouts of other plans', () => {
  it('finds the header by meaning, in any column order ("STT / Nhiệm vụ / Đơn vị chủ trì / …")', () => {
    const header = ['STT', 'Sản phẩm', 'Nhiệm vụ', 'Thời gian hoàn thành', 'Đơn vị phối hợp', 'Đơn vị chủ trì', 'Ghi chú'];
    const plan = parsePlan(tabs(header, ['I. Nhóm một'], ['1', 'Báo cáo', 'Việc một', 'Tháng 6/2027', 'Công an xã', 'Phòng Kinh tế', 'x']));
    expect(plan.tasks[0]).toMatchObject({
      content: 'Việc một',
      product: 'Báo cáo',
      leadUnits: ['KT'],
      coExternal: ['CA_XA'],
      deadline: { kind: 'PERIOD_END', dueDates: ['2027-06-30'] },
    });
  });

  it.each([
    [['Số TT', 'Nội dung nhiệm vụ', 'Cơ quan, đơn vị thực hiện', 'Thời hạn', 'Kết quả/sản phẩm']],
    [['TT', 'Tên nhiệm vụ', 'Đơn vị chủ trì thực hiện', 'Đơn vị phối hợp', 'Tiến độ', 'Sản phẩm đầu ra']],
  ])('reads the header %j', (header) => {
    const plan = parsePlan(tabs(header, ['I. Nhóm'], ['1', 'Việc một', 'Phòng Kinh tế', 'Tháng 6/2027', 'Báo cáo'].slice(0, header.length)));
    expect(plan.tasks[0]).toMatchObject({ content: 'Việc một', leadUnits: ['KT'] });
  });

  it('skips the row numbering the columns under the header', () => {
    const plan = parsePlan(tabs(HEADER, ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'], ['I. Nhóm'], task('1', 'Việc')));
    expect(plan.tasks).toHaveLength(1);
    expect(plan.warnings).toEqual([]);
  });

  it('numbers tasks 1…N and shows "II.1" when numbering restarts in each group', () => {
    const plan = parsePlan(
      tabs(HEADER, ['I. Một'], task('1', 'A'), task('2', 'B'), ['II. Hai'], task('1', 'C'), task('3', 'D'), ['III. Ba'], task('1', 'E'), task('1', 'F')),
    );
    expect(plan.tasks.map((t) => [t.number, t.displayNumber, t.content])).toEqual([
      [1, 'I.1', 'A'],
      [2, 'I.2', 'B'],
      [3, 'II.1', 'C'],
      [4, 'II.3', 'D'],
      [5, 'III.1', 'E'],
      [6, 'III.1', 'F'],
    ]);
    // Nothing is dropped: a repeated number in a group is reported, and both tasks are kept.
    expect(plan.warnings.map((w) => [w.taskNumber, w.code, w.message])).toEqual([
      [4, 'NUMBER_GAP', 'Thiếu nhiệm vụ số II.2 trước nhiệm vụ II.3.'],
      [6, 'DUPLICATE_TASK_NUMBER', 'Số thứ tự III.1 bị trùng (dòng 14 và dòng 15); cả hai nhiệm vụ đều được nhập, cần sửa văn bản.'],
      [6, 'NUMBER_GAP', 'Số thứ tự không liên tục: nhiệm vụ III.1 đứng sau nhiệm vụ III.1.'],
    ]);
  });

  it('reads groups numbered in Arabic numerals, alone in a row or as number and title', () => {
    const oneCell = parsePlan(tabs(HEADER, ['1. Cải cách thể chế', '', '', '', '', ''], task('1', 'A'), ['2. Cải cách tài chính công'], task('1', 'B')));
    expect(oneCell.groups).toEqual([
      { code: '1', title: 'Cải cách thể chế' },
      { code: '2', title: 'Cải cách tài chính công' },
    ]);
    expect(oneCell.tasks.map((t) => [t.group, t.displayNumber])).toEqual([
      ['1', '1.1'],
      ['2', '2.1'],
    ]);

    const twoCells = parsePlan(tabs(HEADER, ['1', 'Cải cách thể chế', '', '', '', ''], task('1.1', 'A'), task('1.2', 'B'), ['2', 'Tài chính công'], task('2.1', 'C')));
    expect(twoCells.groups.map((g) => g.code)).toEqual(['1', '2']);
    expect(twoCells.tasks.map((t) => [t.number, t.displayNumber, t.group])).toEqual([
      [1, '1.1', '1'],
      [2, '1.2', '1'],
      [3, '2.1', '2'],
    ]);
    expect(twoCells.warnings).toEqual([]);
  });

  it('tells an Arabic group ("2 | Tài chính công") from a task whose other cells are empty by the numbering', () => {
    const perPlan = parsePlan(tabs(HEADER, ['1', 'Cải cách thể chế', '', '', '', ''], task('1', 'A'), task('2', 'B'), ['2', 'Tài chính công', '', '', '', ''], task('3', 'C')));
    expect(perPlan.groups.map((g) => [g.code, g.title])).toEqual([
      ['1', 'Cải cách thể chế'],
      ['2', 'Tài chính công'],
    ]);
    expect(perPlan.tasks.map((t) => [t.number, t.displayNumber, t.group])).toEqual([
      [1, '1', '1'],
      [2, '2', '1'],
      [3, '3', '2'],
    ]);

    const noGroups = parsePlan(tabs(HEADER, task('1', 'A'), ['2', 'Việc hai chưa điền', '', '', '', ''], task('3', 'C')));
    expect(noGroups.groups).toEqual([]);
    expect(noGroups.tasks.map((t) => [t.number, t.content])).toEqual([
      [1, 'A'],
      [2, 'Việc hai chưa điền'],
      [3, 'C'],
    ]);
  });

  it('reads a bold row without a task number as a group, numbered I, II … in order', () => {
    const plan = parsePlan(
      document([
        { cells: HEADER, bold: true },
        { cells: ['Chỉ đạo điều hành', '', '', '', '', ''], bold: true },
        { cells: task('1', 'A') },
        { cells: ['', 'Cải cách thể chế', '', '', '', ''], bold: true },
        { cells: task('2', 'B') },
      ]),
    );
    expect(plan.groups).toEqual([
      { code: 'I', title: 'Chỉ đạo điều hành' },
      { code: 'II', title: 'Cải cách thể chế' },
    ]);
    expect(plan.tasks.map((t) => t.group)).toEqual(['I', 'II']);
  });

  it('joins sub-items without a number to their task, and makes numbered sub-items tasks of their own', () => {
    const plan = parsePlan(
      tabs(
        HEADER,
        ['I. Nhóm'],
        task('1', 'Tuyên truyền CCHC, gồm:', 'Phòng Văn hóa - Xã hội', 'Quý II/2027'),
        ['-', 'Trên Cổng thông tin điện tử', 'Trung tâm Dịch vụ sự nghiệp công', '', 'Quý II/2027', ''],
        ['', '- Trên hệ thống truyền thanh', '', '', '', 'Bản tin'],
        ['a)', 'Tọa đàm', '', '', 'Quý III/2027', ''],
        task('2', 'Cải cách TTHC', 'Trung tâm Phục vụ hành chính công', 'Thường xuyên'),
        task('2.1', 'Rà soát TTHC', 'Trung tâm Phục vụ hành chính công', 'Quý II/2027'),
        task('2.2', 'Công bố TTHC', 'Văn phòng HĐND và UBND xã', 'Quý III/2027'),
        task('3', 'Việc ba'),
      ),
    );
    expect(plan.tasks.map((t) => [t.number, t.displayNumber, t.content, t.leadUnits, t.deadline.raw, t.product])).toEqual([
      [
        1,
        '1',
        'Tuyên truyền CCHC, gồm:\n- Trên Cổng thông tin điện tử\n- Trên hệ thống truyền thanh\na) Tọa đàm',
        ['VHXH', 'TTDVSNC'],
        'Quý II/2027\nQuý III/2027',
        'Báo cáo\nBản tin',
      ],
      [2, '2', 'Cải cách TTHC', ['TTPVHCC'], 'Thường xuyên', 'Báo cáo'],
      [3, '2.1', 'Rà soát TTHC', ['TTPVHCC'], 'Quý II/2027', 'Báo cáo'],
      [4, '2.2', 'Công bố TTHC', ['VP'], 'Quý III/2027', 'Báo cáo'],
      [5, '3', 'Việc ba', ['KT'], 'Quý I/2027', 'Báo cáo'],
    ]);
    // Two quarters on two lines of one cell is not one phrase we know: the coordinator sets the dates.
    expect(plan.warnings.map((w) => [w.taskNumber, w.code])).toEqual([[1, 'UNKNOWN_DEADLINE']]);
  });

  it('repeats a lead unit merged down over several tasks, and does not join a merged cell twice', () => {
    const merged = [false, false, true, false, false, false];
    const plan = parsePlan(
      document([
        { cells: HEADER },
        { cells: ['I. Nhóm'] },
        { cells: task('1', 'A', 'Phòng Văn hóa - Xã hội') },
        { cells: task('2', 'B', 'Phòng Văn hóa - Xã hội'), mergedFromAbove: merged },
        // task 2 broken over a page: its number cell and its lead unit merged with the row above
        { cells: ['2', 'tiếp', 'Phòng Văn hóa - Xã hội', '', '', ''], mergedFromAbove: [true, false, true, false, false, false] },
      ]),
    );
    expect(plan.tasks.map((t) => [t.number, t.content, t.leadUnitsText, t.leadUnits])).toEqual([
      [1, 'A', 'Phòng Văn hóa - Xã hội', ['VHXH']],
      [2, 'B tiếp', 'Phòng Văn hóa - Xã hội', ['VHXH']],
    ]);
  });

  it('reads a header in two rows ("Cơ quan thực hiện" over "Chủ trì" and "Phối hợp")', () => {
    const plan = parsePlan(
      document([
        { cells: ['TT', 'Nội dung', 'Cơ quan thực hiện', '', 'Thời gian', 'Sản phẩm'] },
        { cells: ['TT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời gian', 'Sản phẩm'], mergedFromAbove: [true, true, false, false, true, true] },
        { cells: ['I. Nhóm'] },
        { cells: ['1', 'Việc', 'Phòng Kinh tế', 'Công an xã', 'Quý I/2027', 'Báo cáo'] },
      ]),
    );
    expect(plan.tasks[0]).toMatchObject({ leadUnits: ['KT'], coExternal: ['CA_XA'], product: 'Báo cáo' });
  });

  it('keeps a task whose cells are empty, with a warning for each, and never drops a numbered row', () => {
    const plan = parsePlan(tabs(HEADER, ['I. Nhóm'], ['1', '', 'Phòng Kinh tế', '', '', '']));
    expect(plan.tasks).toHaveLength(1);
    expect(plan.warnings.map((w) => w.code)).toEqual(['EMPTY_CELL', 'EMPTY_CELL', 'EMPTY_CELL']);
  });
});
