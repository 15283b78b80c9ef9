import type { Command } from 'commander';
import { databaseUrlOf } from '@app/config';
import { AN_LAO_UNITS } from '@app/domain';
import { importParsedPlan, openDatabase } from '@app/persistence';
import { CliError, databaseUnreachable } from '../errors';
import type { CliIo } from '../io';
import { formatPlanPreview } from '../plan-preview';
import { FORMAT_NAMES, loadPlan } from '../plan-source';
import { parseYearOption } from './options';
import { planGroup } from './plan-group';

/**
 * `plan import <file> [--commune an-lao] [--year N] [--dry-run]`: writes the plan (idempotent) and prints it as
 * read with its warnings. `--dry-run` prints the same and writes nothing: the database is not even opened.
 */
export function registerPlanImport(program: Command, io: CliIo): void {
  planGroup(program)
    .command('import <file>')
    .description('Nhập kế hoạch (Word .docx, Excel .xlsx hoặc văn bản) vào cơ sở dữ liệu (nhập lại sẽ cập nhật, không nhân bản)')
    .option('--commune <code>', 'mã xã', 'an-lao')
    .option('--year <year>', 'năm kế hoạch (mặc định: đọc từ văn bản)', parseYearOption)
    .option('--dry-run', 'chỉ đọc và in bảng như đã hiểu, kèm cảnh báo; không ghi gì vào cơ sở dữ liệu')
    .action(async (file: string, opts: { commune: string; year?: number; dryRun?: boolean }) => {
      const { bytes, document, plan } = await loadPlan(file, io, { year: opts.year });
      // Until communes keep their own unit directory (units table), plans are read with the An Lão seed.
      const preview = formatPlanPreview(plan, { source: `${file} — ${FORMAT_NAMES[document.format]}`, units: AN_LAO_UNITS });
      if (opts.dryRun) {
        io.out(`Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.\n\n${preview}`);
        return;
      }
      // Only the database's address: the CLI needs none of the API's settings (JWT secret, ports).
      const databaseUrl = databaseUrlOf();
      const ds = await openDatabase(databaseUrl, { poolSize: 2 }).catch((error: unknown) => {
        throw databaseUnreachable(databaseUrl, error) ?? error;
      });
      try {
        // A new commune is created with its plan, in the same transaction: a failed import leaves nothing behind.
        const result = await importParsedPlan(ds, opts.commune, plan, bytes, { createCommune: true });
        io.out(
          `${result.created ? 'Đã nhập' : 'Đã cập nhật'} kế hoạch "${plan.title}" (${plan.year}) cho xã ${opts.commune}: ${result.taskCount} nhiệm vụ, ${result.groups} nhóm.\n\n${preview}`,
        );
      } finally {
        await ds.destroy();
      }
    });
}
