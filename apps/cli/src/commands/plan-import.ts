import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { AN_LAO_UNITS, parsePlan, PlanParseError, type UnitDirectory } from '@app/domain';
import { importParsedPlan, openDatabase, seedCommune, UnitReadModel } from '@app/persistence';
import { CliError, errorLine } from '../errors';
import type { CliIo } from '../io';
import { formatPlanPreview } from '../plan-preview';
import { FORMAT_NAMES, readPlanSource } from '../plan-source';
import { parseYearOption } from './options';
import { planGroup } from './plan-group';

const NOTHING_WRITTEN = 'Không có dữ liệu nào được ghi.';

/**
 * `plan import <file> [--commune an-lao] [--year N] [--dry-run]`: reads the plan with the commune's own unit
 * directory (as the web import does), writes it (idempotent) and prints it as read with its warnings. `--dry-run`
 * prints the same and writes nothing: it only reads the commune's units (no migration, no seeding).
 */
export function registerPlanImport(program: Command, io: CliIo): void {
  planGroup(program)
    .command('import <file>')
    .description('Nhập kế hoạch (Word .docx, Excel .xlsx hoặc văn bản) vào cơ sở dữ liệu (nhập lại sẽ cập nhật, không nhân bản)')
    .option('--commune <code>', 'mã xã (đơn vị trong kế hoạch được đọc theo danh mục đơn vị của xã này)', 'an-lao')
    .option('--year <year>', 'năm kế hoạch (mặc định: đọc từ văn bản)', parseYearOption)
    .option('--dry-run', 'chỉ đọc và in bảng như đã hiểu, kèm cảnh báo; không ghi gì vào cơ sở dữ liệu')
    .action(async (file: string, opts: { commune: string; year?: number; dryRun?: boolean }) => {
      const { bytes, document } = await readPlanSource(file, io).catch(notWritten);
      const ds = await openDatabase(loadConfig().databaseUrl, { poolSize: 2, migrate: !opts.dryRun }).catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        throw new CliError(`Không kết nối được cơ sở dữ liệu (DATABASE_URL): ${reason}. ${NOTHING_WRITTEN}`);
      });
      try {
        if (!opts.dryRun) await seedCommune(ds, opts.commune);
        const { units, label } = await communeUnits(ds, opts.commune);
        const plan = await Promise.resolve()
          .then(() => parsePlan(document, { year: opts.year, units }))
          .catch(notWritten);
        const preview = formatPlanPreview(plan, { source: `${file} — ${FORMAT_NAMES[document.format]}`, units });
        if (opts.dryRun) {
          io.out(`Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu. Đơn vị đọc theo ${label}.\n\n${preview}`);
          return;
        }
        const result = await importParsedPlan(ds, opts.commune, plan, bytes);
        io.out(
          `${result.created ? 'Đã nhập' : 'Đã cập nhật'} kế hoạch "${plan.title}" (${plan.year}) cho xã ${opts.commune}: ${result.taskCount} nhiệm vụ, ${result.groups} nhóm.\n\n${preview}`,
        );
      } finally {
        await ds.destroy();
      }
    });
}

/** A plan that cannot be read is said in one line, with the assurance that nothing was written. */
function notWritten(error: unknown): never {
  throw error instanceof PlanParseError ? new CliError(`${errorLine(error)} ${NOTHING_WRITTEN}`) : error;
}

/**
 * The commune's unit directory. A commune not in the database yet (only on a dry run: an import creates it) reads with
 * the An Lão seed its directory would start from, and says so.
 */
async function communeUnits(ds: DataSource, commune: string): Promise<{ units: UnitDirectory; label: string }> {
  let units: UnitDirectory;
  try {
    units = await new UnitReadModel(ds).directory(commune);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`Không đọc được danh mục đơn vị của xã ${commune} (${reason}); hãy chạy "npm run db:prepare". ${NOTHING_WRITTEN}`);
  }
  if (units.length > 0) return { units, label: `danh mục đơn vị của xã ${commune}` };
  return { units: AN_LAO_UNITS, label: `danh mục đơn vị mẫu (xã ${commune} chưa có trong cơ sở dữ liệu)` };
}
