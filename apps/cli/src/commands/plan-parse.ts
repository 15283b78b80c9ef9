import type { Command } from 'commander';
import type { CliIo } from '../io';
import { loadPlan } from '../plan-source';
import { parseYearOption } from './options';
import { planGroup } from './plan-group';

/** `plan parse <file> [--year N]`: prints the parsed plan as JSON; touches no database. */
export function registerPlanParse(program: Command, io: CliIo): void {
  planGroup(program)
    .command('parse')
    .description('Đọc kế hoạch (Word .docx, Excel .xlsx hoặc văn bản) và in kết quả dạng JSON, không ghi cơ sở dữ liệu')
    .argument('<file>', 'tệp kế hoạch (nhận dạng theo nội dung, không theo đuôi tên tệp), hoặc "-" để đọc từ đầu vào chuẩn')
    .option('--year <year>', 'năm của kế hoạch (mặc định: lấy từ tiêu đề)', parseYearOption)
    .action(async (file: string, options: { year?: number }) => {
      const { plan } = await loadPlan(file, io, { year: options.year });
      io.out(`${JSON.stringify(plan, null, 2)}\n`);
    });
}
