import { Command } from 'commander';
import { promises as fs } from 'fs';
import { databaseUrlOf } from '@app/config';
import { planGroup } from './plan-group';
import { parsePlan, PlanParseError } from '@app/domain';
import { importParsedPlan, openDatabase, seedCommune } from '@app/persistence';

/** `plan import <file> [--commune an-lao]`: writes the plan (idempotent) and prints a short table and the warnings. */
export function registerPlanImport(program: Command): void {
  planGroup(program)
    .command('import <file>')
    .description('Nhập kế hoạch vào cơ sở dữ liệu (nhập lại sẽ cập nhật, không nhân bản)')
    .option('--commune <code>', 'mã xã', 'an-lao')
    .option('--year <year>', 'năm kế hoạch (mặc định: đọc từ văn bản)')
    .action(async (file: string, opts: { commune: string; year?: string }) => {
      const text = await fs.readFile(file, 'utf8');
      let parsed;
      try {
        parsed = parsePlan(text, opts.year ? { year: Number(opts.year) } : undefined);
      } catch (e) {
        if (e instanceof PlanParseError) {
          console.error(`Lỗi: ${e.message} Không có dữ liệu nào được ghi.`);
          process.exitCode = 2;
          return;
        }
        throw e;
      }
      const ds = await openDatabase(databaseUrlOf(), { poolSize: 2 });
      try {
        await seedCommune(ds, opts.commune);
        const result = await importParsedPlan(ds, opts.commune, parsed, text);
        console.log(`${result.created ? 'Đã nhập' : 'Đã cập nhật'} kế hoạch "${parsed.title}" (${parsed.year}) cho xã ${opts.commune}: ${result.taskCount} nhiệm vụ, ${result.groups} nhóm.`);
        console.table(
          parsed.tasks.map((t) => ({
            TT: t.number,
            Nhóm: t.group,
            'Chủ trì': t.leadUnits.join(', '),
            'Thời hạn': t.deadline.raw.length > 40 ? t.deadline.raw.slice(0, 39) + '…' : t.deadline.raw,
            Loại: t.deadline.kind,
            'Hạn (ngày)': t.deadline.dueDates.join(', '),
          })),
        );
        if (parsed.warnings.length) {
          console.log(`Cảnh báo (${parsed.warnings.length}):`);
          for (const w of parsed.warnings) console.log(`  - ${w.taskNumber ? `Nhiệm vụ ${w.taskNumber}: ` : ''}${w.message} [${w.code}]`);
        } else {
          console.log('Không có cảnh báo.');
        }
      } finally {
        await ds.destroy();
      }
    });
}
