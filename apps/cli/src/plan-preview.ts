import type { Deadline, ParsedPlan, ParsedTask, ParseWarning } from '@app/contracts';
import { previewUnitCell, type UnitDirectory } from '@app/domain';

export interface PreviewOptions {
  /** How the file was named and read, for the heading: "data/samples/… — Word (.docx)". */
  source: string;
  /** The directory the units were read with, to name outside bodies and to mark what it does not know. */
  units: UnitDirectory;
}

const WIDTHS = { number: 6, content: 44, lead: 16, co: 18, deadline: 34 };

/**
 * The plan as read, for a person to check before importing: the heading, then each group with its tasks in a
 * table (number, content, lead and co-units, the deadline as written, what it was read as), each task's warnings
 * under its row, and the warnings about the document at the end. Outside bodies are in [brackets], units the
 * directory does not know start with "?", and a deadline not understood says so; all three also have a warning.
 */
export function formatPlanPreview(plan: ParsedPlan, opts: PreviewOptions): string {
  const perGroup = plan.tasks.some((task) => task.displayNumber !== String(task.number));
  const out: string[] = [
    plan.title,
    [
      `Năm ${plan.year}`,
      `số quyết định: ${plan.decisionNumber ?? 'chưa có'}`,
      `${plan.groups.length} nhóm`,
      `${plan.tasks.length} nhiệm vụ (${perGroup ? 'đánh số lại trong từng nhóm' : 'đánh số theo cả kế hoạch'})`,
      `${plan.warnings.length} cảnh báo`,
    ].join(' · '),
    `Tệp: ${opts.source}`,
  ];

  const header = row(['TT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'Thời hạn (như văn bản)', 'Đọc là']);
  const byTask = new Map<number, ParseWarning[]>();
  for (const warning of plan.warnings) {
    if (warning.taskNumber !== null) byTask.set(warning.taskNumber, [...(byTask.get(warning.taskNumber) ?? []), warning]);
  }
  const groups = [...plan.groups.map((group) => ({ code: group.code, title: `${group.code}. ${group.title}` }))];
  if (plan.tasks.some((task) => task.group === '')) groups.push({ code: '', title: '(Không thuộc nhóm nào)' });

  for (const group of groups) {
    const tasks = plan.tasks.filter((task) => task.group === group.code);
    out.push('', group.title);
    if (tasks.length === 0) {
      out.push('  (không có nhiệm vụ)');
      continue;
    }
    out.push(header);
    for (const task of tasks) {
      out.push(
        row([
          task.displayNumber,
          oneLine(task.content),
          units(task, 'lead', opts.units),
          units(task, 'co', opts.units),
          oneLine(task.deadline.raw),
          schedule(task.deadline),
        ]),
      );
      for (const warning of byTask.get(task.number) ?? []) out.push(`        ⚠ ${warning.message} [${warning.code}]`);
    }
  }

  const general = plan.warnings.filter((warning) => warning.taskNumber === null);
  if (general.length > 0) {
    out.push('', 'Cảnh báo về văn bản:');
    // Their messages already name the line or row they are about.
    for (const warning of general) out.push(`  ⚠ ${warning.message} [${warning.code}]`);
  }
  out.push('', 'Ký hiệu: [..] cơ quan ngoài xã · ?.. đơn vị chưa có trong danh mục · ⚠ cần xem lại.');
  return `${out.join('\n')}\n`;
}

function row(cells: string[]): string {
  const widths = [WIDTHS.number, WIDTHS.content, WIDTHS.lead, WIDTHS.co, WIDTHS.deadline];
  return `  ${cells.map((cell, i) => (i < widths.length ? fit(cell, widths[i]) : cell)).join(' ')}`.trimEnd();
}

/** Cut to `width` characters with "…", padded; counted in characters, not UTF-16 units. */
function fit(text: string, width: number): string {
  const chars = [...text];
  const cut = chars.length > width ? `${chars.slice(0, width - 1).join('')}…` : text;
  return cut + ' '.repeat(Math.max(0, width - [...cut].length));
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' / ');

/** Internal codes ("tất cả" when every unit), outside bodies in brackets, unknown names after "?". */
function units(task: ParsedTask, column: 'lead' | 'co', directory: UnitDirectory): string {
  const cell = previewUnitCell(task, column, directory);
  const parts = [
    ...(cell.allUnits ? ['tất cả'] : cell.units.map((unit) => unit.code)),
    ...cell.external.map((body) => `[${body.name}]`),
    ...cell.unknown.map((name) => `?${name}`),
  ];
  return parts.length > 0 ? parts.join(', ') : '—';
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** "10/03, 10/06, 10/09, 10/12/2026": the year once when all dates share it. */
function dateList(isoDates: string[]): string {
  const years = new Set(isoDates.map((iso) => iso.slice(0, 4)));
  if (years.size !== 1) return isoDates.map(dmy).join(', ');
  return isoDates.map((iso, i) => (i === isoDates.length - 1 ? dmy(iso) : dmy(iso).slice(0, 5))).join(', ');
}

function schedule(deadline: Deadline): string {
  const dates = deadline.dueDates.map(dmy);
  switch (deadline.kind) {
    case 'FIXED':
      return `hạn ${dates[0]}`;
    case 'PERIOD_END':
      return `hết kỳ ${dates[0]}`;
    case 'MILESTONES':
      return `các mốc ${dateList(deadline.dueDates)}`;
    case 'RECURRING':
      return dates.length <= 4
        ? `định kỳ ${dateList(deadline.dueDates)}`
        : `định kỳ ${dates.length} lần: ${dates[0]} … ${dates[dates.length - 1]}`;
    case 'CONTINUOUS':
      return 'thường xuyên, báo cáo mỗi quý';
    case 'ON_REQUEST':
      return 'khi có yêu cầu';
    default:
      return deadline.raw === '' ? '⚠ không có thời hạn' : '⚠ CHƯA HIỂU, cần đặt lịch';
  }
}
