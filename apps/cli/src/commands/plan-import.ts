import { Command } from 'commander';
import { databaseUrlOf } from '@app/config';
import { importPlanText, openDatabase } from '@app/persistence';
import { CliError, databaseUnreachable } from '../errors';
import { parseYearOption } from './options';
import { planGroup } from './plan-group';
import { readPlanText } from './plan-parse';

/** Commune codes are short slugs ("an-lao"): they end up in workflow ids and URLs. */
const COMMUNE_CODE = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * `plan import <file> [--commune an-lao] [--year N]`: writes the plan (idempotent) and prints a short table and the
 * warnings. The commune is created in the same transaction as the plan: a failed import leaves nothing behind.
 */
export function registerPlanImport(program: Command): void {
  planGroup(program)
    .command('import <file>')
    .description('Nhập kế hoạch vào cơ sở dữ liệu (nhập lại sẽ cập nhật, không nhân bản)')
    .option('--commune <code>', 'mã xã', 'an-lao')
    .option('--year <year>', 'năm kế hoạch, khi văn bản không ghi (mặc định: đọc từ văn bản)', parseYearOption)
    .action(async (file: string, opts: { commune: string; year?: number }) => {
      if (!COMMUNE_CODE.test(opts.commune)) {
        throw new CliError(`Mã xã không hợp lệ: "${opts.commune}" (chữ thường không dấu, số và gạch nối, ví dụ an-lao)`);
      }
      const text = readPlanText(file);
      const url = databaseUrlOf();
      const ds = await openDatabase(url, { poolSize: 2 }).catch((e: unknown) => {
        throw databaseUnreachable(url, e) ?? e;
      });
      try {
        const result = await importPlanText(ds, opts.commune, text, { year: opts.year, createCommune: true });
        const { plan } = result;
        console.log(`${result.created ? 'Đã nhập' : 'Đã cập nhật'} kế hoạch "${plan.title}" (${plan.year}) cho xã ${opts.commune}: ${result.taskCount} nhiệm vụ, ${result.groups} nhóm.`);
        console.table(
          plan.tasks.map((t) => ({
            TT: t.number,
            Nhóm: t.group,
            'Chủ trì': t.leadUnits.join(', '),
            'Thời hạn': t.deadline.raw.length > 40 ? t.deadline.raw.slice(0, 39) + '…' : t.deadline.raw,
            Loại: t.deadline.kind,
            'Hạn (ngày)': t.deadline.dueDates.join(', '),
          })),
        );
        if (plan.warnings.length) {
          console.log(`Cảnh báo (${plan.warnings.length}):`);
          for (const w of plan.warnings) console.log(`  - ${w.taskNumber ? `Nhiệm vụ ${w.taskNumber}: ` : ''}${w.message} [${w.code}]`);
        } else {
          console.log('Không có cảnh báo.');
        }
      } finally {
        await ds.destroy();
      }
    });
}
