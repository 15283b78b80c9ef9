import * as path from 'path';
import { ROOT_DIR } from '@app/config';
import { ReadModel, seedCommune } from '@app/persistence';
import type { CliIo } from '../../apps/cli/src/io';
import { runCli } from '../../apps/cli/src/main';
import { migratedDatabase, type MigratedDatabase } from '../medium/support';

const HEADER = 'TT\tNội dung công việc\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian thực hiện/ hoàn thành\tSản phẩm';
const PLAN = [
  'KẾ HOẠCH',
  'Cải cách hành chính xã Thử năm 2027',
  HEADER,
  'I. Nhóm một',
  '1\tViệc một\tPhòng Kinh tế, Hội Nông dân\tCông an xã\tSớm nhất có thể\tBáo cáo',
  '2\tViệc hai\tSở Nội vụ\tCác phòng, ban, ngành\tTrước ngày 30/10 hằng năm\tBáo cáo',
].join('\n');

/** `cchc plan import` against a real database: units are read with the commune's own directory, also on a dry run. */
describe('cchc plan import --commune (real PostgreSQL)', () => {
  let db: MigratedDatabase;
  let saved: string | undefined;

  async function cli(args: string[], stdin = PLAN) {
    let out = '';
    let err = '';
    const io: CliIo = { out: (text) => (out += text), err: (text) => (err += text), stdin: () => Buffer.from(stdin) };
    const status = await runCli(args, io);
    return { status, out, err };
  }
  const plans = async () => (await db.ds.query(`SELECT commune, year FROM plans ORDER BY commune`)) as { commune: string; year: number }[];

  beforeAll(async () => {
    db = await migratedDatabase('cchc_cli');
    saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = db.url;
    await seedCommune(db.ds, 'an-lao');
    await new ReadModel(db.ds).units.create('an-lao', 'HND', { name: 'Hội Nông dân xã', aliases: [], kind: 'EXTERNAL' });
  });
  afterAll(async () => {
    process.env.DATABASE_URL = saved;
    await db?.drop();
  });

  it('a dry run prints the table as read with the commune’s units, and writes nothing', async () => {
    const { status, out, err } = await cli(['plan', 'import', '-', '--dry-run', '--commune', 'an-lao']);
    expect([status, err]).toEqual([0, '']);
    expect(out.split('\n')[0]).toBe('Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu. Đơn vị đọc theo danh mục đơn vị của xã an-lao.');
    // "Hội Nông dân" is an outside body of this commune's directory, not an unknown name.
    expect(out).toMatch(/^ {2}1 +Việc một +KT, \[Hội Nông d… +\[Công an xã\] +Sớm nhất có thể +⚠ CHƯA HIỂU, cần đặt lịch$/m);
    expect(out).not.toContain('UNKNOWN_UNIT');
    expect(out).toContain('[UNKNOWN_DEADLINE]');
    expect(await plans()).toEqual([]);
  });

  it('a dry run for a commune not in the database reads with the seed directory, and says so', async () => {
    const { status, out } = await cli(['plan', 'import', '-', '--dry-run', '--commune', 'xa-moi']);
    expect(status).toBe(0);
    expect(out.split('\n')[0]).toContain('danh mục đơn vị mẫu (xã xa-moi chưa có trong cơ sở dữ liệu)');
    expect(out).toContain('KT, ?Hội Nông d…');
    expect(out).toContain('[UNKNOWN_UNIT]');
    expect(await plans()).toEqual([]);
  });

  it('imports a Word file for the commune, idempotently', async () => {
    const file = path.join(ROOT_DIR, 'data', 'samples', 'ke-hoach-an-lao-2026.docx');
    const first = await cli(['plan', 'import', file, '--commune', 'an-lao']);
    expect([first.status, first.err]).toEqual([0, '']);
    expect(first.out.split('\n')[0]).toBe('Đã nhập kế hoạch "Kế hoạch Cải cách hành chính xã An Lão năm 2026" (2026) cho xã an-lao: 32 nhiệm vụ, 7 nhóm.');
    const again = await cli(['plan', 'import', file, '--commune', 'an-lao']);
    expect(again.out.split('\n')[0]).toMatch(/^Đã cập nhật kế hoạch/);
    expect(await plans()).toEqual([{ commune: 'an-lao', year: 2026 }]);
    const rows: { display_number: string; source: { kind: string } }[] = await db.ds.query(`SELECT display_number, source FROM plan_tasks ORDER BY number LIMIT 1`);
    expect(rows[0]).toEqual({ display_number: '1', source: expect.objectContaining({ kind: 'row', table: expect.any(Number) }) });
  });

  it('a file that is not a plan: one Vietnamese line, exit 2, nothing written', async () => {
    const { status, out, err } = await cli(['plan', 'import', '-', '--commune', 'an-lao'], 'Chỉ có lời văn.');
    expect({ status, out, err }).toEqual({
      status: 2,
      out: '',
      err: 'Lỗi: Không tìm thấy bảng danh mục nhiệm vụ trong văn bản kế hoạch.\n',
    });
  });
});
