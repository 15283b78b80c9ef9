import { readFileSync } from 'fs';
import type { Command } from 'commander';
import { readPlanDocument } from '@app/persistence';
import { CliError } from '../errors';
import { parseYearOption } from './options';
import { planGroup } from './plan-group';

/** `plan parse <file> [--year N]`: prints the parsed plan as JSON; touches no database. Same rules as the import. */
export function registerPlanParse(program: Command): void {
  planGroup(program)
    .command('parse')
    .description('Đọc văn bản kế hoạch (bảng Phụ lục) và in kết quả dạng JSON, không ghi cơ sở dữ liệu')
    .argument('<file>', 'tệp văn bản kế hoạch (UTF-8), hoặc "-" để đọc từ đầu vào chuẩn')
    .option('--year <year>', 'năm của kế hoạch, khi văn bản không ghi (mặc định: lấy từ văn bản)', parseYearOption)
    .action((file: string, options: { year?: number }) => {
      const plan = readPlanDocument(readPlanText(file), { year: options.year });
      process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    });
}

/** The file's text; a file that cannot be read is a CliError saying why. */
export function readPlanText(file: string): string {
  try {
    return readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'không tồn tại' : code === 'EISDIR' ? 'là một thư mục' : 'không đọc được';
    throw new CliError(`Tệp "${file}" ${reason}`);
  }
}
