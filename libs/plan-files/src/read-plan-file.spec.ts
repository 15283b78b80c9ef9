import { existsSync, readFileSync } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import type { ParsedPlan } from '@app/contracts';
import { parsePlan, PlanParseError } from '@app/domain';
import { excelFile, loadSeed, SAMPLES_DIR, SEED_SAMPLES, wordFile } from '../../../test/support/plan-samples';
import { detectPlanFormat, readPlanFile } from './read-plan-file';

const HEADER = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện/ hoàn thành', 'Sản phẩm'];
const TITLE = ['KẾ HOẠCH', 'Cải cách hành chính xã Thử năm 2027'];

async function refusal(bytes: Uint8Array): Promise<PlanParseError> {
  try {
    await readPlanFile(bytes);
  } catch (error) {
    if (error instanceof PlanParseError) return error;
    throw error;
  }
  throw new Error('the file was read');
}

describe('detectPlanFormat: by content, not by name', () => {
  const text = 'KẾ HOẠCH\nCải cách hành chính năm 2027\n';

  it('tells a Word file and an Excel file by the part their zip holds', async () => {
    expect(await detectPlanFormat(await wordFile([{ paragraph: 'KẾ HOẠCH' }]))).toEqual({ format: 'docx' });
    expect(await detectPlanFormat(await excelFile([{ name: 'Phụ lục', rows: [['TT']] }]))).toEqual({ format: 'xlsx' });
  });

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with BOM', Buffer.from(`\uFEFF${text}`, 'utf8')],
    ['UTF-16LE with BOM', Buffer.from(`\uFEFF${text}`, 'utf16le')],
    ['UTF-16LE without BOM', Buffer.from(text, 'utf16le')],
    ['UTF-16BE with BOM', Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()],
  ])('reads %s text', async (_label, bytes) => {
    expect(await detectPlanFormat(new Uint8Array(bytes))).toEqual({ format: 'text', text: expect.stringMatching(/^KẾ HOẠCH\nCải cách hành chính năm 2027\n$/) });
  });

  it.each([
    ['an empty file', async () => new Uint8Array(), 'Tệp kế hoạch trống.'],
    [
      'a zip that is neither Word nor Excel (an OpenDocument text)',
      async () => {
        const zip = new JSZip();
        zip.file('mimetype', 'application/vnd.oasis.opendocument.text');
        zip.file('content.xml', '<office:document-content/>');
        return zip.generateAsync({ type: 'uint8array' });
      },
      'Tệp nén này không phải văn bản Word (.docx) hay bảng tính Excel (.xlsx); hãy dùng tệp Word, Excel hoặc văn bản của kế hoạch.',
    ],
    [
      'a broken zip',
      async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]),
      'Tệp nén (.docx/.xlsx) bị hỏng hoặc chưa tải về đầy đủ; hãy lưu lại tệp rồi thử lại.',
    ],
    [
      'a legacy Word .doc',
      async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      'Tệp Word hoặc Excel định dạng cũ (.doc, .xls) chưa đọc được; hãy mở tệp và lưu lại thành .docx hoặc .xlsx.',
    ],
    [
      'a PDF',
      async () => new Uint8Array(Buffer.from('%PDF-1.7\n%âãÏÓ\n')),
      'Tệp PDF chưa đọc được; hãy dùng tệp Word (.docx), Excel (.xlsx) hoặc văn bản của kế hoạch.',
    ],
    [
      'text in a legacy encoding (Windows-1258 bytes)',
      async () => new Uint8Array([0x4b, 0xca, 0x20, 0x48, 0x4f, 0xa1, 0xc3, 0x28]),
      'Tệp văn bản không dùng mã Unicode (UTF-8 hoặc UTF-16); hãy lưu lại với mã UTF-8 rồi thử lại.',
    ],
    [
      'a picture',
      async () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'Tệp văn bản không dùng mã Unicode (UTF-8 hoặc UTF-16); hãy lưu lại với mã UTF-8 rồi thử lại.',
    ],
    [
      'binary data that happens to be valid UTF-8',
      async () => new Uint8Array([0x01, 0x02, 0x03, 0x41, 0x42]),
      'Tệp kế hoạch chứa ký tự điều khiển U+0001 ở dòng 1, cột 1: không phải văn bản, hoặc tệp bị hỏng; hãy dùng tệp Word (.docx), Excel (.xlsx) hoặc lưu lại văn bản dạng UTF-8 (.txt) rồi nhập lại.',
    ],
  ])('refuses %s with PLAN_INVALID and what to do', async (_label, bytes, message) => {
    expect(await refusal(await bytes())).toMatchObject({ code: 'PLAN_INVALID', message });
  });
});

describe('readPlanFile: Word tables', () => {
  it('reads merged group rows, a repeated header, line breaks in a cell and a lead unit merged down', async () => {
    const bytes = await wordFile([
      { paragraph: TITLE[0], bold: true },
      { paragraph: TITLE[1] },
      {
        table: [
          { cells: HEADER, header: true },
          { cells: [{ text: 'I. Chỉ đạo điều hành', span: 6 }], bold: true },
          {
            cells: [
              '1',
              'Ban hành kế hoạch\nvà tổ chức triển khai',
              { text: 'Phòng Văn hóa - Xã hội', merge: 'restart' },
              'Các phòng, ban, ngành',
              'Quý I/2027',
              'Kế hoạch',
            ],
          },
          { cells: ['2', 'Báo cáo CCHC', { text: '', merge: 'continue' }, 'Công an xã\nPhòng Kinh tế', 'Trước ngày 10 của tháng cuối quý', 'Báo cáo'] },
          { cells: HEADER, header: true },
          { cells: [{ text: 'II. Cải cách thể chế', span: 6 }], bold: true },
          { cells: ['3', 'Rà soát văn bản', 'Văn phòng HĐND và UBND xã', '', 'Thường xuyên', 'Báo cáo'] },
        ],
      },
    ]);
    const document = await readPlanFile(bytes);
    expect(document.format).toBe('docx');
    const rows = document.sections[0];
    expect(rows.map((row) => row.cells)).toEqual([
      [TITLE[0]],
      [TITLE[1]],
      HEADER,
      ['I. Chỉ đạo điều hành', '', '', '', '', ''],
      ['1', 'Ban hành kế hoạch\nvà tổ chức triển khai', 'Phòng Văn hóa - Xã hội', 'Các phòng, ban, ngành', 'Quý I/2027', 'Kế hoạch'],
      ['2', 'Báo cáo CCHC', 'Phòng Văn hóa - Xã hội', 'Công an xã\nPhòng Kinh tế', 'Trước ngày 10 của tháng cuối quý', 'Báo cáo'],
      HEADER,
      ['II. Cải cách thể chế', '', '', '', '', ''],
      ['3', 'Rà soát văn bản', 'Văn phòng HĐND và UBND xã', '', 'Thường xuyên', 'Báo cáo'],
    ]);
    expect(rows[0].bold).toBe(true);
    expect(rows[3]).toMatchObject({ bold: true, source: { kind: 'row', table: 1, row: 2 } });
    expect(rows[4].bold).toBeUndefined();
    expect(rows[5].mergedFromAbove).toEqual([false, false, true, false, false, false]);

    const plan = parsePlan(document);
    expect(plan.title).toBe('Kế hoạch Cải cách hành chính xã Thử năm 2027');
    expect(plan.groups.map((g) => g.code)).toEqual(['I', 'II']);
    expect(plan.tasks.map((t) => [t.displayNumber, t.group, t.leadUnits, t.coUnits, t.coExternal, t.deadline.kind])).toEqual([
      ['1', 'I', ['VHXH'], ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'], [], 'PERIOD_END'],
      ['2', 'I', ['VHXH'], ['KT'], ['CA_XA'], 'RECURRING'],
      ['3', 'II', ['VP'], [], [], 'CONTINUOUS'],
    ]);
    expect(plan.tasks[0].content).toBe('Ban hành kế hoạch\nvà tổ chức triển khai');
    expect(plan.tasks[1].source).toEqual({ kind: 'row', table: 1, row: 4 });
    expect(plan.warnings).toEqual([]);
  });

  it('reads a table split over pages: several tables, and a row broken in two', async () => {
    const bytes = await wordFile([
      { paragraph: TITLE[0] },
      { paragraph: TITLE[1] },
      {
        table: [
          { cells: HEADER, header: true },
          { cells: ['I', 'Cải cách hành chính', '', '', '', ''], bold: true },
          { cells: ['1', 'Việc một', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'] },
          { cells: ['2', 'Việc hai, dài đến cuối', 'Các phòng, ban, ngành, Trung tâm Phục vụ', 'Văn phòng', 'Cả năm', 'Quyết'] },
        ],
      },
      { paragraph: 'II. Cải cách tài chính công', bold: true },
      {
        table: [
          { cells: HEADER, header: true },
          { cells: ['', 'trang', 'hành chính công', '', '', 'định'] },
          { cells: ['3', 'Việc ba', 'Phòng Kinh tế', '', 'Tháng 6/2027', 'Báo cáo'] },
        ],
      },
      {
        table: [
          { cells: ['4', 'Việc bốn', 'Phòng Kinh tế', '', 'Tháng 9/2027', 'Báo cáo'] },
          { cells: ['', 'và việc năm (hàng ngắt trang)', '', '', '', ''] },
        ],
      },
    ]);
    const plan = parsePlan(await readPlanFile(bytes));
    expect(plan.groups).toEqual([
      { code: 'I', title: 'Cải cách hành chính' },
      { code: 'II', title: 'Cải cách tài chính công' },
    ]);
    expect(plan.tasks.map((t) => [t.number, t.group, t.content, t.leadUnitsText, t.product])).toEqual([
      [1, 'I', 'Việc một', 'Phòng Kinh tế', 'Báo cáo'],
      [2, 'I', 'Việc hai, dài đến cuối trang', 'Các phòng, ban, ngành, Trung tâm Phục vụ hành chính công', 'Quyết định'],
      [3, 'II', 'Việc ba', 'Phòng Kinh tế', 'Báo cáo'],
      [4, 'II', 'Việc bốn và việc năm (hàng ngắt trang)', 'Phòng Kinh tế', 'Báo cáo'],
    ]);
    expect(plan.tasks[1].leadUnits).toEqual(['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC']);
    expect(plan.tasks[3].source).toEqual({ kind: 'row', table: 3, row: 1 });
    expect(plan.warnings).toEqual([]);
  });

  it('numbers the tasks of a TT column that Word numbers itself, and says so', async () => {
    const auto = { text: '', numbered: true };
    const bytes = await wordFile([
      { paragraph: TITLE[0] },
      { paragraph: TITLE[1] },
      {
        table: [
          { cells: HEADER, header: true },
          { cells: [{ text: 'I. Nhóm một', span: 6 }] },
          { cells: [auto, 'Việc một', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'] },
          { cells: [auto, 'Việc hai', 'Phòng Kinh tế', '', 'Quý II/2027', 'Báo cáo'] },
          { cells: ['', 'tiếp theo', '', '', '', ''] },
          { cells: [{ text: 'II. Nhóm hai', span: 6 }] },
          { cells: [auto, 'Việc ba', 'Phòng Kinh tế', '', 'Quý III/2027', 'Báo cáo'] },
        ],
      },
    ]);
    const plan = parsePlan(await readPlanFile(bytes));
    expect(plan.tasks.map((t) => [t.number, t.group, t.content])).toEqual([
      [1, 'I', 'Việc một'],
      [2, 'I', 'Việc hai tiếp theo'],
      [3, 'II', 'Việc ba'],
    ]);
    expect(plan.warnings).toEqual([
      {
        taskNumber: null,
        code: 'AUTO_NUMBERED',
        message:
          'Số thứ tự của 3 nhiệm vụ do Word tự đánh, không có trong văn bản; đã đánh số tiếp theo thứ tự từ trên xuống, cần đối chiếu với văn bản gốc.',
      },
    ]);
  });

  it('names the table and row, or the paragraph, of what it cannot read', async () => {
    const bytes = await wordFile([
      { paragraph: TITLE[0] },
      { paragraph: TITLE[1] },
      {
        table: [
          { cells: HEADER, header: true },
          { cells: ['I. Nhóm một', '', '', '', '', ''] },
          { cells: ['x', 'Không phải số', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'] },
          { cells: ['1', 'Việc một', 'Phòng Kinh tế', '', 'Quý I/2027', 'Báo cáo'] },
        ],
      },
      { paragraph: 'Trang 2' },
      { table: [{ cells: ['2', 'Việc hai', 'Phòng Kinh tế', '', 'Quý II/2027', 'Báo cáo'] }] },
    ]);
    const plan = parsePlan(await readPlanFile(bytes));
    expect(plan.tasks.map((t) => [t.number, t.source])).toEqual([
      [1, { kind: 'row', table: 1, row: 4 }],
      [2, { kind: 'row', table: 2, row: 1 }],
    ]);
    expect(plan.warnings).toEqual([
      {
        taskNumber: null,
        code: 'IGNORED_LINE',
        message:
          'Hàng 3 của bảng 1 ("x Không phải số Phòng Kinh tế Quý I/2027 Báo cáo") trong bảng nhiệm vụ không đúng định dạng nên đã bị bỏ qua.',
        source: { kind: 'row', table: 1, row: 3 },
      },
      {
        taskNumber: null,
        code: 'IGNORED_LINE',
        message: 'Đoạn văn thứ 3 ("Trang 2") trong bảng nhiệm vụ không đúng định dạng nên đã bị bỏ qua.',
        source: { kind: 'paragraph', paragraph: 3 },
      },
    ]);
  });
});

describe('readPlanFile: Excel sheets', () => {
  it('reads merged cells, a title row above the header, numbers, dates, and bold group rows', async () => {
    const bytes = await excelFile([
      {
        name: 'Kế hoạch',
        rows: [
          ['KẾ HOẠCH'],
          [TITLE[1]],
          [],
          HEADER,
          ['I. Chỉ đạo điều hành'],
          [1, 'Ban hành kế hoạch\nnăm 2027', 'Phòng Văn hóa - Xã hội', 'Các phòng, ban, ngành', new Date(Date.UTC(2027, 0, 15)), 'Kế hoạch'],
          [2, 'Tuyên truyền', 'Phòng Văn hóa - Xã hội', 'Trung tâm Dịch vụ sự nghiệp công', 'Quý III,IV/2027', 'Tin bài'],
          [null, 'Cải cách thể chế'],
          [1.1, 'Rà soát văn bản', 'Văn phòng HĐND và UBND xã', null, 'Thường xuyên', 'Báo cáo'],
        ],
        merges: ['A1:F1', 'A2:F2', 'A5:F5', 'C6:C7'],
        boldRows: [1, 4, 5, 8],
      },
    ]);
    const document = await readPlanFile(bytes);
    expect(document.format).toBe('xlsx');
    const rows = document.sections[0];
    expect(rows.map((row) => row.cells)).toEqual([
      ['KẾ HOẠCH'],
      [TITLE[1]],
      HEADER,
      ['I. Chỉ đạo điều hành'],
      ['1', 'Ban hành kế hoạch\nnăm 2027', 'Phòng Văn hóa - Xã hội', 'Các phòng, ban, ngành', '15/01/2027', 'Kế hoạch'],
      ['2', 'Tuyên truyền', 'Phòng Văn hóa - Xã hội', 'Trung tâm Dịch vụ sự nghiệp công', 'Quý III,IV/2027', 'Tin bài'],
      ['', 'Cải cách thể chế'],
      ['1.1', 'Rà soát văn bản', 'Văn phòng HĐND và UBND xã', '', 'Thường xuyên', 'Báo cáo'],
    ]);
    expect(rows.map((row) => row.source)).toEqual([1, 2, 4, 5, 6, 7, 8, 9].map((row) => ({ kind: 'row', row, sheet: 'Kế hoạch' })));
    expect(rows[5].mergedFromAbove).toEqual([false, false, true, false, false, false]);
    expect(rows[6].bold).toBe(true);

    const plan = parsePlan(document);
    expect(plan.year).toBe(2027);
    expect(plan.groups).toEqual([
      { code: 'I', title: 'Chỉ đạo điều hành' },
      { code: 'II', title: 'Cải cách thể chế' },
    ]);
    expect(plan.tasks.map((t) => [t.number, t.displayNumber, t.group, t.leadUnits, t.deadline.kind, t.deadline.dueDates])).toEqual([
      [1, '1', 'I', ['VHXH'], 'FIXED', ['2027-01-15']],
      [2, '2', 'I', ['VHXH'], 'MILESTONES', ['2027-09-30', '2027-12-31']],
      [3, '1.1', 'II', ['VP'], 'CONTINUOUS', []],
    ]);
  });

  it('reads each sheet on its own and skips sheets without a task table', async () => {
    const bytes = await excelFile([
      { name: 'Chỉ tiêu', rows: [['STT', 'Chỉ tiêu', 'Kết quả'], [1, 'Hài lòng', '90%']] },
      { name: 'Nhiệm vụ', rows: [[TITLE[1]], HEADER, ['I. Nhóm'], [1, 'Việc', 'Phòng Kinh tế', null, 'Quý I/2027', 'Báo cáo']] },
    ]);
    const plan = parsePlan(await readPlanFile(bytes));
    expect(plan.tasks.map((t) => [t.content, t.source])).toEqual([['Việc', { kind: 'row', row: 4, sheet: 'Nhiệm vụ' }]]);
  });
});

/** What must not change whatever the file's format: the 32 tasks, their groups, deadlines and units. */
function essentials(plan: ParsedPlan) {
  return {
    year: plan.year,
    title: plan.title,
    groups: plan.groups,
    tasks: plan.tasks.map((t) => ({
      number: t.number,
      group: t.group,
      content: t.content,
      leadUnits: t.leadUnits,
      coUnits: t.coUnits,
      leadUnitsText: t.leadUnitsText,
      deadline: t.deadline,
      product: t.product,
    })),
    warnings: plan.warnings,
  };
}

describe('the seed plan in every format and layout', () => {
  const seed = loadSeed();
  const expected = essentials(seed.plan);

  it('is the An Lão plan: 32 tasks in 7 groups', () => {
    expect(expected.tasks).toHaveLength(32);
    expect(expected.groups).toHaveLength(7);
  });

  it.each(SEED_SAMPLES.map((sample) => [sample.file, sample]))('%s reads as the text seed', async (_file, sample) => {
    const plan = parsePlan(await readPlanFile(await sample.bytes(seed)));
    expect(essentials(plan)).toEqual(expected);
    if (sample.file.includes('so-theo-nhom')) {
      expect(plan.tasks.slice(0, 8).map((t) => t.displayNumber)).toEqual(['I.1', 'I.2', 'I.3', 'I.4', 'I.5', 'I.6', 'II.1', 'II.2']);
    } else {
      expect(plan.tasks.map((t) => t.displayNumber)).toEqual(expected.tasks.map((t) => String(t.number)));
    }
  });

  it.each(SEED_SAMPLES.map((sample) => [sample.file]))('the committed data/samples/%s reads as the text seed', async (file) => {
    const committed = path.join(SAMPLES_DIR, file);
    expect(existsSync(committed)).toBe(true);
    expect(essentials(parsePlan(await readPlanFile(readFileSync(committed))))).toEqual(expected);
  });
});
