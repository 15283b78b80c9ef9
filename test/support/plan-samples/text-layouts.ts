import type { ParsedPlan, ParsedTask } from '@app/contracts';

/**
 * The seed plan written in the text layouts other communes use. Each takes the parsed seed and writes its title
 * and its appendix; reading the result must give the seed's tasks back.
 */

const HEADER = ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện/ hoàn thành', 'Sản phẩm'];
const taskCells = (task: ParsedTask, number: string) => [
  number,
  task.content,
  task.leadUnitsText,
  task.coUnitsText,
  task.deadline.raw,
  task.product,
];

/** "Cải cách hành chính xã An Lão năm 2026" under the heading "KẾ HOẠCH", as plans set their title. */
function titleLines(plan: ParsedPlan): string[] {
  return ['KẾ HOẠCH', plan.title.replace(/^Kế hoạch /, ''), '', 'Phụ lục', ''];
}

function tasksOf(plan: ParsedPlan, group: string): ParsedTask[] {
  return plan.tasks.filter((task) => task.group === group);
}

/**
 * Tab-separated, task numbers restarting at 1 in each group, and another wording and order of the header
 * ("STT / Nhiệm vụ / Sản phẩm / Đơn vị chủ trì / Đơn vị phối hợp / Thời gian hoàn thành").
 */
export function perGroupNumberingText(plan: ParsedPlan): string {
  const header = ['STT', 'Nhiệm vụ', 'Sản phẩm', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian hoàn thành'];
  const order = (cells: string[]) => [cells[0], cells[1], cells[5], cells[2], cells[3], cells[4]];
  const lines = [...titleLines(plan), header.join('\t')];
  for (const group of plan.groups) {
    lines.push(`${group.code}. ${group.title}\t\t\t\t\t`);
    tasksOf(plan, group.code).forEach((task, i) => lines.push(order(taskCells(task, String(i + 1))).join('\t')));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const escapePipes = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

/** A Markdown-like `|` table: outer bars, the `|---|` line, group rows with the numeral and title in bold. */
export function pipeTableText(plan: ParsedPlan): string {
  const row = (cells: string[]) => `| ${cells.map(escapePipes).join(' | ')} |`;
  const lines = [...titleLines(plan), row(HEADER), `|${HEADER.map(() => '---').join('|')}|`];
  for (const group of plan.groups) {
    lines.push(row([`**${group.code}**`, `**${group.title}**`, '', '', '', '']));
    for (const task of tasksOf(plan, group.code)) lines.push(row(taskCells(task, task.displayNumber)));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * One cell per line, as a table copied out of a PDF: an empty cell is an empty line, group titles stand on their
 * own line, and at a page break the header is repeated and `breakTask`'s lead cell goes on in a row whose number
 * cell is empty (as the seed's task 19 does).
 */
export function cellPerLineText(plan: ParsedPlan, breakTask = 19): string {
  const lines = [...titleLines(plan), ...HEADER];
  for (const group of plan.groups) {
    lines.push(`${group.code}. ${group.title}`);
    for (const task of tasksOf(plan, group.code)) {
      const cells = taskCells(task, task.displayNumber);
      if (task.number !== breakTask) {
        lines.push(...cells);
        continue;
      }
      const words = task.leadUnitsText.split(' ');
      const head = words.slice(0, -3).join(' ');
      const tail = words.slice(-3).join(' ');
      lines.push(...cells.slice(0, 2), head, ...cells.slice(3), ...HEADER, '', '', tail, '', '', '');
    }
  }
  return `${lines.join('\n')}\n`;
}
