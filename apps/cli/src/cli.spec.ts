import path from 'path';
import { runCli } from './main';
import type { CliIo } from './io';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const sample = (name: string) => path.join(ROOT, 'data', 'samples', name);
const HEADER = 'TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện/ hoàn thành\tSản phẩm';

/** Runs the CLI in-process with `stdin` as standard input; returns what a terminal would show. */
async function cli(args: string[], stdin: string | Uint8Array = '') {
  let out = '';
  let err = '';
  const io: CliIo = { out: (text) => (out += text), err: (text) => (err += text), stdin: () => Buffer.from(stdin) };
  const status = await runCli(args, io);
  return { status, out, err };
}

describe('cchc plan parse', () => {
  it.each(['ke-hoach-an-lao-2026.docx', 'ke-hoach-an-lao-2026.xlsx', 'ke-hoach-an-lao-2026-moi-o-mot-dong.txt'])(
    'reads %s by its content and prints the plan as JSON',
    async (file) => {
      const { status, out, err } = await cli(['plan', 'parse', sample(file)]);
      expect([status, err]).toEqual([0, '']);
      const plan = JSON.parse(out);
      expect(plan.tasks).toHaveLength(32);
      expect(plan.groups).toHaveLength(7);
      expect(plan.tasks[2]).toMatchObject({ number: 3, displayNumber: '3', leadUnits: ['VHXH'], deadline: { kind: 'RECURRING' } });
    },
  );

  it('reads standard input for "-"', async () => {
    const text = ['KẾ HOẠCH', 'Cải cách hành chính năm 2027', HEADER, 'I. Nhóm', '1\tViệc\tPhòng Kinh tế\t\tQuý I\tBáo cáo'].join('\n');
    const { status, out } = await cli(['plan', 'parse', '-'], text);
    expect(status).toBe(0);
    expect(JSON.parse(out).tasks[0].deadline).toEqual({ raw: 'Quý I', kind: 'PERIOD_END', dueDates: ['2027-03-31'] });
  });
});

describe('cchc plan import', () => {
  const saved = process.env.DATABASE_URL;
  // Nothing listens there. The table as read, with the commune's units, is tested against a real database
  // (test/e2e/cli-plan-import.e2e-spec.ts).
  beforeAll(() => (process.env.DATABASE_URL = 'postgres://cchc:cchc@127.0.0.1:1/none'));
  afterAll(() => (saved === undefined ? delete process.env.DATABASE_URL : (process.env.DATABASE_URL = saved)));

  it('reads units with the commune’s directory, so even a dry run needs the database: without it, one line and exit 2', async () => {
    const { status, out, err } = await cli(['plan', 'import', sample('ke-hoach-an-lao-2026.docx'), '--dry-run']);
    expect([status, out]).toEqual([2, '']);
    expect(err).toMatch(/^Không kết nối được cơ sở dữ liệu \(DATABASE_URL\): .+\. Không có dữ liệu nào được ghi\.\n$/);
    expect(err.split('\n')).toHaveLength(2);
  });

  it('says what is wrong with the file before it opens the database', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 …');
    expect(await cli(['plan', 'import', '-', '--dry-run'], pdf)).toEqual({
      status: 2,
      out: '',
      err: 'Không đọc được kế hoạch: Tệp PDF chưa đọc được; hãy dùng tệp Word (.docx), Excel (.xlsx) hoặc văn bản của kế hoạch. Không có dữ liệu nào được ghi.\n',
    });
  });
});

describe('cchc errors: one Vietnamese line on stderr, exit status 2', () => {
  it.each([
    [['plan', 'parse', 'khong-co.docx'], '', 'Tệp "khong-co.docx" không tồn tại.'],
    [['plan', 'parse', '-'], 'Chỉ có lời văn, không có bảng.', 'Không đọc được kế hoạch: Không tìm thấy bảng danh mục nhiệm vụ trong văn bản kế hoạch.'],
    [
      ['plan', 'parse', '-'],
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      'Không đọc được kế hoạch: Tệp Word hoặc Excel định dạng cũ (.doc, .xls) chưa đọc được; hãy mở tệp và lưu lại thành .docx hoặc .xlsx.',
    ],
    [['plan', 'parse', '--bogus', 'x'], '', 'Tùy chọn không hợp lệ: --bogus. Xem "npm run cchc -- --help".'],
    [['plan', 'parse'], '', 'Thiếu tham số file. Xem "npm run cchc -- --help".'],
    [['plan', 'parse', 'x', '--year', '20x'], '', 'Năm không hợp lệ: "20x" (cần dạng 2026).'],
    [['ke-hoach'], '', 'Không có lệnh "ke-hoach". Xem "npm run cchc -- --help".'],
  ])('%j', async (args, stdin, line) => {
    expect(await cli(args, stdin)).toEqual({ status: 2, out: '', err: `${line}\n` });
  });

  it('prints help on --help and exits 0', async () => {
    const { status, out } = await cli(['plan', '--help']);
    expect(status).toBe(0);
    expect(out).toContain('parse [options] <file>');
  });
});

describe('cchc deadline', () => {
  it('prints how a phrase is read', async () => {
    const { status, out } = await cli(['deadline', 'đến hết Quý III/2026', '--year', '2026']);
    expect(status).toBe(0);
    expect(JSON.parse(out)).toEqual({ raw: 'đến hết Quý III/2026', kind: 'PERIOD_END', dueDates: ['2026-09-30'] });
  });
});
