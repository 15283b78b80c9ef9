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

describe('cchc plan import --dry-run', () => {
  const saved = process.env.DATABASE_URL;
  // Nothing listens there: the dry run reads with the seed directory and says so. With a database, the commune's own
  // directory is used (test/e2e/cli-plan-import.e2e-spec.ts).
  beforeAll(() => (process.env.DATABASE_URL = 'postgres://cchc:cchc@127.0.0.1:1/none'));
  afterAll(() => (saved === undefined ? delete process.env.DATABASE_URL : (process.env.DATABASE_URL = saved)));

  it('prints the table as read with its warnings, and writes nothing', async () => {
    const text = [
      'KẾ HOẠCH',
      'Cải cách hành chính xã Thử năm 2027',
      HEADER,
      'I. Nhóm một',
      '1\tViệc một\tPhòng Kinh tế, Hội Nông dân\tCông an xã\tSớm nhất có thể\tBáo cáo',
      '2\tViệc hai\tSở Nội vụ\tCác phòng, ban, ngành\tTrước ngày 30/10 hằng năm\tBáo cáo',
    ].join('\n');
    const { status, out, err } = await cli(['plan', 'import', '-', '--dry-run'], text);
    expect([status, err]).toEqual([0, '']);
    expect(out.split('\n').slice(0, 9)).toEqual([
      'Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu. Đơn vị đọc theo danh mục đơn vị mẫu (không kết nối được cơ sở dữ liệu).',
      '',
      'Kế hoạch Cải cách hành chính xã Thử năm 2027',
      'Năm 2027 · số quyết định: chưa có · 1 nhóm · 2 nhiệm vụ (đánh số theo cả kế hoạch) · 3 cảnh báo',
      'Tệp: - — văn bản',
      '',
      'I. Nhóm một',
      '  TT     Nội dung                                     Chủ trì          Phối hợp           Thời hạn (như văn bản)             Đọc là',
      '  1      Việc một                                     KT, ?Hội Nông d… [Công an xã]       Sớm nhất có thể                    ⚠ CHƯA HIỂU, cần đặt lịch',
    ]);
    expect(out).toContain('        ⚠ Nhiệm vụ 1: không xác định được đơn vị "Hội Nông dân" trong cột "Cơ quan chủ trì". [UNKNOWN_UNIT]');
    expect(out).toContain('        ⚠ Nhiệm vụ 1: chưa hiểu được thời hạn "Sớm nhất có thể", cần đặt lịch thực hiện thủ công. [UNKNOWN_DEADLINE]');
    expect(out).toMatch(/^ {2}2 +Việc hai +\[Sở Nội vụ\] +tất cả +Trước ngày 30\/10 hằng năm +hạn 30\/10\/2027$/m);
    expect(out).toContain('[NO_LEAD_UNIT]');
  });
});

describe('cchc errors: one Vietnamese line on stderr, exit status 2', () => {
  it.each([
    [['plan', 'parse', 'khong-co.docx'], '', 'Lỗi: Tệp "khong-co.docx" không tồn tại.'],
    [['plan', 'parse', '-'], 'Chỉ có lời văn, không có bảng.', 'Lỗi: Không tìm thấy bảng danh mục nhiệm vụ trong văn bản kế hoạch.'],
    [['plan', 'import', '-', '--dry-run'], 'Chỉ có lời văn.', 'Lỗi: Không tìm thấy bảng danh mục nhiệm vụ trong văn bản kế hoạch.'],
    [
      ['plan', 'parse', '-'],
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
      'Lỗi: Tệp Word hoặc Excel định dạng cũ (.doc, .xls) chưa đọc được; hãy mở tệp và lưu lại thành .docx hoặc .xlsx.',
    ],
    [['plan', 'parse', '--bogus', 'x'], '', 'Lỗi: tùy chọn không hợp lệ --bogus. Xem: npm run cchc -- --help'],
    [['plan', 'parse'], '', 'Lỗi: thiếu tham số file. Xem: npm run cchc -- --help'],
    [['plan', 'parse', 'x', '--year', '20x'], '', 'Lỗi: Năm không hợp lệ: "20x" (cần từ 2000 đến 2100, ví dụ 2026). Xem: npm run cchc -- --help'],
    [['ke-hoach'], '', 'Lỗi: không có lệnh ke-hoach. Xem: npm run cchc -- --help'],
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
