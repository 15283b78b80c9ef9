import type { Command } from 'commander';
import { parseDeadline } from '@app/domain';
import type { CliIo } from '../io';
import { parseYearOption } from './options';

/** `deadline "<phrase>" [--year N]`: shows how a deadline cell of the plan is read. */
export function registerDeadline(program: Command, io: CliIo): void {
  program
    .command('deadline')
    .description('Đọc một cụm thời hạn của kế hoạch (ví dụ "Quý III,IV/2026") và in lịch dạng JSON')
    .argument('<phrase>', 'nội dung ô "Thời gian thực hiện/hoàn thành"')
    .option('--year <year>', 'năm của kế hoạch, dùng khi cụm từ không ghi năm (mặc định: năm hiện tại)', parseYearOption)
    .action((phrase: string, options: { year?: number }) => {
      const { raw, kind, dueDates } = parseDeadline(phrase, options.year ?? new Date().getFullYear());
      io.out(`${JSON.stringify({ raw, kind, dueDates }, null, 2)}\n`);
    });
}
