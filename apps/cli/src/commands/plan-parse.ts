import { readFileSync } from 'fs';
import type { Command } from 'commander';
import { parsePlan, PlanParseError } from '@app/domain';
import { parseYearOption } from './options';
import { planGroup } from './plan-group';

/** Exit status when the file is not a plan (no task table), distinct from 1 for unreadable input. */
export const EXIT_PLAN_INVALID = 2;

/** `plan parse <file> [--year N]`: prints the parsed plan as JSON; touches no database. */
export function registerPlanParse(program: Command): void {
  planGroup(program)
    .command('parse')
    .description('Đọc văn bản kế hoạch (bảng Phụ lục) và in kết quả dạng JSON, không ghi cơ sở dữ liệu')
    .argument('<file>', 'tệp văn bản kế hoạch (UTF-8), hoặc "-" để đọc từ đầu vào chuẩn')
    .option('--year <year>', 'năm của kế hoạch (mặc định: lấy từ tiêu đề)', parseYearOption)
    .action((file: string, options: { year?: number }) => {
      const text = readPlanText(file);
      if (text === null) return;
      try {
        const plan = parsePlan(text, { year: options.year });
        process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
      } catch (error) {
        if (!(error instanceof PlanParseError)) throw error;
        process.stderr.write(`${error.message}\n`);
        process.exitCode = EXIT_PLAN_INVALID;
      }
    });
}

/** The file's text, or null after telling the user why it cannot be read. */
export function readPlanText(file: string): string | null {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tồn tại' : 'không đọc được';
    process.stderr.write(`Tệp "${file}" ${reason}.\n`);
    process.exitCode = 1;
    return null;
  }
}
