import {
  REPORT_TASK_STATUS_LABELS,
  indicatorMet,
  taskTotals,
  type IsoDate,
  type ReportAppendix,
  type ReportDocument,
  type ReportIndicator,
  type ReportTask,
  type ReportTaskGroup,
  type TaskTotals,
} from './report-document';
import { documentDateInWords, documentReference, formatQuantity, formatTarget, shortDate } from './vietnamese-format';

/** Text of a cell as printed in the document. */
export function cellText(value: AppendixCell): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if ('date' in value) return value.date ? shortDate(value.date) : '';
  return value.quantity === null ? '—' : formatQuantity(value.quantity, value.unit);
}

/**
 * What the two appendix tables say, row by row and column by column, shared by the .docx and the .xlsx so the
 * printed report and the workbook cannot drift apart. Each renderer only decides how a row looks.
 */

/**
 * A cell is text, a whole number, a day or a quantity. The workbook stores days as dates and quantities as
 * numbers (rates as fractions with a percent format); the document prints "05/03/2026" and "96,8%".
 */
export type AppendixCell = string | number | { date: IsoDate | null } | { quantity: number | null; unit: string };

export interface AppendixColumn<Row> {
  header: string;
  /** Width on the landscape .docx page, in mm. */
  widthMm: number;
  /** Width in the workbook, in characters. */
  widthChars: number;
  align: 'left' | 'center';
  cell: (row: Row) => AppendixCell;
}

export const TASK_COLUMNS: AppendixColumn<ReportTask>[] = [
  { header: 'TT', widthMm: 9, widthChars: 5, align: 'center', cell: (t) => t.number },
  { header: 'Nội dung nhiệm vụ', widthMm: 60, widthChars: 46, align: 'left', cell: (t) => t.content },
  { header: 'Cơ quan chủ trì', widthMm: 26, widthChars: 20, align: 'left', cell: (t) => t.leadUnit },
  { header: 'Thời gian thực hiện (theo Kế hoạch)', widthMm: 24, widthChars: 16, align: 'center', cell: (t) => t.deadlineText },
  { header: 'Hạn hoàn thành', widthMm: 21, widthChars: 12, align: 'center', cell: (t) => ({ date: t.dueDate }) },
  { header: 'Tình trạng', widthMm: 23, widthChars: 16, align: 'center', cell: (t) => REPORT_TASK_STATUS_LABELS[t.status] },
  { header: 'Ngày hoàn thành', widthMm: 21, widthChars: 12, align: 'center', cell: (t) => ({ date: t.completedOn }) },
  { header: 'Sản phẩm', widthMm: 35, widthChars: 28, align: 'left', cell: (t) => t.product },
  { header: 'Tiến độ, ghi chú', widthMm: 38, widthChars: 32, align: 'left', cell: (t) => t.progressNote },
];

export type TaskTableRow =
  | { kind: 'group'; group: ReportTaskGroup }
  | { kind: 'task'; task: ReportTask }
  | { kind: 'groupTotals'; group: ReportTaskGroup; totals: TaskTotals; text: string }
  | { kind: 'grandTotals'; totals: TaskTotals; text: string };

/** Group row, its tasks, the group's totals; after the last group the totals of the plan. */
export function taskTableRows(appendix: ReportAppendix): TaskTableRow[] {
  const rows: TaskTableRow[] = [];
  for (const group of appendix.groups) {
    rows.push({ kind: 'group', group });
    for (const task of group.tasks) rows.push({ kind: 'task', task });
    const totals = taskTotals(group.tasks);
    rows.push({ kind: 'groupTotals', group, totals, text: totalsText(`Cộng nhóm ${group.code}`, totals) });
  }
  const totals = taskTotals(appendix.groups.flatMap((g) => g.tasks));
  rows.push({ kind: 'grandTotals', totals, text: totalsText('Tổng cộng', totals) });
  return rows;
}

/** "Cộng nhóm I: 6 nhiệm vụ; hoàn thành đúng hạn 3; hoàn thành quá hạn 1; chưa hoàn thành 2 (quá hạn 1)." */
export function totalsText(label: string, t: TaskTotals): string {
  const parts = [
    `${t.total} nhiệm vụ`,
    `hoàn thành đúng hạn ${t.doneOnTime}`,
    `hoàn thành quá hạn ${t.doneLate}`,
    `đang thực hiện, chưa thực hiện ${t.open} (trong đó quá hạn ${t.openOverdue})`,
  ];
  if (t.notCounted > 0) parts.push(`không thực hiện do kích hoạt muộn ${t.notCounted}`);
  if (t.withdrawn > 0) parts.push(`rút khỏi kế hoạch ${t.withdrawn}`);
  return `${label}: ${parts.join('; ')}.`;
}

/** Columns of the summary sheet: one number per status family. */
export const TOTALS_COLUMNS: Array<{ header: string; value: (t: TaskTotals) => number }> = [
  { header: 'Tổng số nhiệm vụ', value: (t) => t.total },
  { header: 'Hoàn thành đúng hạn', value: (t) => t.doneOnTime },
  { header: 'Hoàn thành quá hạn', value: (t) => t.doneLate },
  { header: 'Đang thực hiện, chưa thực hiện', value: (t) => t.open },
  { header: 'Trong đó: quá hạn', value: (t) => t.openOverdue },
  { header: 'Không thực hiện do kích hoạt muộn', value: (t) => t.notCounted },
];

export function metLabel(indicator: ReportIndicator): string {
  if (!indicator.target) return 'Không giao chỉ tiêu';
  switch (indicatorMet(indicator)) {
    case true:
      return 'Đạt';
    case false:
      return 'Chưa đạt';
    default:
      return 'Chưa có số liệu';
  }
}

export interface IndicatorRow {
  index: number;
  indicator: ReportIndicator;
}

export const INDICATOR_COLUMNS: AppendixColumn<IndicatorRow>[] = [
  { header: 'TT', widthMm: 10, widthChars: 5, align: 'center', cell: (r) => r.index },
  { header: 'Chỉ tiêu', widthMm: 95, widthChars: 60, align: 'left', cell: (r) => r.indicator.name },
  { header: 'Chỉ tiêu kế hoạch', widthMm: 24, widthChars: 14, align: 'center', cell: (r) => (r.indicator.target ? formatTarget(r.indicator.target, r.indicator.unit) : '—') },
  { header: 'Kết quả', widthMm: 22, widthChars: 12, align: 'center', cell: (r) => ({ quantity: r.indicator.value, unit: r.indicator.unit }) },
  { header: 'Đánh giá', widthMm: 24, widthChars: 16, align: 'center', cell: (r) => metLabel(r.indicator) },
  { header: 'Đơn vị cung cấp số liệu', widthMm: 36, widthChars: 26, align: 'left', cell: (r) => r.indicator.sourceUnit },
  { header: 'Ghi chú', widthMm: 46, widthChars: 36, align: 'left', cell: (r) => r.indicator.note ?? '' },
];

export function indicatorRows(appendix: ReportAppendix): IndicatorRow[] {
  return appendix.indicators.map((indicator, i) => ({ index: i + 1, indicator }));
}

/** "(Kèm theo Báo cáo số 287/BC-UBND ngày 08 tháng 12 năm 2026 của Ủy ban nhân dân xã An Lão)". */
export function appendixCaption(doc: ReportDocument): string {
  const kind = doc.title.charAt(0) + doc.title.slice(1).toLocaleLowerCase('vi');
  return `(Kèm theo ${kind} số ${documentReference(doc.number, doc.symbol)} ${documentDateInWords(doc.date)} của ${doc.issuer.name})`;
}
