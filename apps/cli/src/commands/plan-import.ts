import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { databaseUrlOf } from '@app/config';
import { AN_LAO_UNITS, type UnitDirectory } from '@app/domain';
import { importParsedPlan, openDatabase, readPlanDocument, UnitReadModel } from '@app/persistence';
import { databaseUnreachable } from '../errors';
import type { CliIo } from '../io';
import { formatPlanPreview } from '../plan-preview';
import { FORMAT_NAMES, readPlanSource } from '../plan-source';
import { parseYearOption } from './options';
import { planGroup } from './plan-group';

/**
 * `plan import <file> [--commune an-lao] [--year N] [--dry-run]`: reads the plan with the commune's own unit directory
 * (table `units`, as the web import does), writes it (idempotent) and prints it as read with its warnings.
 * `--dry-run` prints the same and writes nothing; it only reads the directory, and reads with the An Lão seed when
 * the database cannot be reached, saying so.
 */
export function registerPlanImport(program: Command, io: CliIo): void {
  planGroup(program)
    .command('import <file>')
    .description('Nhập kế hoạch (Word .docx, Excel .xlsx hoặc văn bản) vào cơ sở dữ liệu (nhập lại sẽ cập nhật, không nhân bản)')
    .option('--commune <code>', 'mã xã (đơn vị trong kế hoạch được đọc theo danh mục đơn vị của xã này)', 'an-lao')
    .option('--year <year>', 'năm kế hoạch (mặc định: đọc từ văn bản)', parseYearOption)
    .option('--dry-run', 'chỉ đọc và in bảng như đã hiểu, kèm cảnh báo; không ghi gì vào cơ sở dữ liệu')
    .action(async (file: string, opts: { commune: string; year?: number; dryRun?: boolean }) => {
      const { bytes, document } = await readPlanSource(file, io);
      // Only the database's address: the CLI needs none of the API's settings (JWT secret, ports).
      const databaseUrl = databaseUrlOf();
      const ds = await openDatabase(databaseUrl, { poolSize: 2, migrate: !opts.dryRun }).catch((error: unknown) => {
        if (opts.dryRun) return null;
        throw databaseUnreachable(databaseUrl, error) ?? error;
      });
      try {
        const { units, label } = await communeUnits(ds, opts.commune, Boolean(opts.dryRun));
        const plan = readPlanDocument(document, { year: opts.year, units });
        const preview = formatPlanPreview(plan, { source: `${file} — ${FORMAT_NAMES[document.format]}`, units });
        if (opts.dryRun || !ds) {
          io.out(`Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu. Đơn vị đọc theo ${label}.\n\n${preview}`);
          return;
        }
        // A new commune is created with its plan, in the same transaction: a failed import leaves nothing behind.
        const result = await importParsedPlan(ds, opts.commune, plan, bytes, { createCommune: true });
        io.out(
          `${result.created ? 'Đã nhập' : 'Đã cập nhật'} kế hoạch "${plan.title}" (${plan.year}) cho xã ${opts.commune}: ${result.taskCount} nhiệm vụ, ${result.groups} nhóm.\n\n${preview}`,
        );
      } finally {
        await ds?.destroy();
      }
    });
}

/**
 * The commune's unit directory, and in words which one was used. A commune not in the database yet starts from the
 * An Lão seed (the import creates it with that directory); a dry run that cannot read the database (not reachable,
 * not migrated: it migrates nothing) reads with the seed too.
 */
async function communeUnits(ds: DataSource | null, commune: string, dryRun: boolean): Promise<{ units: UnitDirectory; label: string }> {
  const seed = (why: string) => ({ units: AN_LAO_UNITS, label: `danh mục đơn vị mẫu (${why})` });
  if (!ds) return seed('không kết nối được cơ sở dữ liệu');
  const units = await new UnitReadModel(ds).directory(commune).catch((error: unknown) => {
    if (dryRun) return null;
    throw error;
  });
  if (!units) return seed('không đọc được danh mục đơn vị trong cơ sở dữ liệu');
  if (units.length > 0) return { units, label: `danh mục đơn vị của xã ${commune}` };
  return seed(`xã ${commune} chưa có trong cơ sở dữ liệu`);
}
