import { Workbook, type Alignment, type Borders, type Font, type Row, type Worksheet } from 'exceljs';
import {
  INDICATOR_COLUMNS,
  TASK_COLUMNS,
  TOTALS_COLUMNS,
  appendixCaption,
  cellText,
  indicatorRows,
  taskTableRows,
  type AppendixCell,
  type AppendixColumn,
} from '../appendix-table';
import { taskTotals, type ReportDocument } from '../report-document';
import { isoDateToUtc, shortDate, vietnameseUpperCase } from '../vietnamese-format';

/**
 * The appendix as a workbook for the Sở to file and aggregate: "Nhiệm vụ" (the plan's tasks by group with their
 * status), "Chỉ tiêu" (the plan's indicators with target, value and whether met) and "Tổng hợp" (the counts of
 * each group as numbers). Dates are real dates and rates real numbers, so the receiver can sort and sum.
 */
export async function renderReportXlsx(doc: ReportDocument): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = doc.issuer.name;
  // Fixed metadata: the same report gives the same file.
  workbook.created = isoDateToUtc(doc.appendix.dataAsOf);
  workbook.modified = workbook.created;
  workbook.title = `${doc.title} ${doc.summary}`;

  tasksSheet(workbook, doc);
  indicatorsSheet(workbook, doc);
  totalsSheet(workbook, doc);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const SHEET_NAMES = { tasks: 'Nhiệm vụ', indicators: 'Chỉ tiêu', totals: 'Tổng hợp' } as const;

const FONT_NAME = 'Times New Roman';
const FONT_SIZE = 12;
/** Rows above the header: label, title, caption, date of the figures. */
const HEADER_ROW = 5;
const DATE_FORMAT = 'dd/mm/yyyy';
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const ALL_BORDERS: Partial<Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };
const GROUP_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFD9D9D9' } };

const font = (extra: Partial<Font> = {}): Partial<Font> => ({ name: FONT_NAME, size: FONT_SIZE, ...extra });

function newSheet(workbook: Workbook, name: string, columnWidths: number[]): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0, // as many pages tall as needed
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.6, right: 0.6, top: 0.7, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `&C&"${FONT_NAME},Regular"&11Trang &P/&N` },
  });
  sheet.columns = columnWidths.map((width) => ({ width }));
  return sheet;
}

/** Label, title, caption and the date of the figures, each merged across the table's width. */
function titleRows(sheet: Worksheet, doc: ReportDocument, label: string, title: string, columnCount: number): void {
  const lines: Array<[string, Partial<Font>, Partial<Alignment>['horizontal'], number]> = [
    [label, font({ bold: true, size: 13 }), 'center', 20],
    [vietnameseUpperCase(title), font({ bold: true, size: 13 }), 'center', 36],
    [appendixCaption(doc), font({ italic: true }), 'center', 18],
    [`Số liệu tính đến ngày ${shortDate(doc.appendix.dataAsOf)}`, font({ italic: true, size: 11 }), 'right', 18],
  ];
  lines.forEach(([text, f, horizontal, height], i) => {
    const row = sheet.getRow(i + 1);
    sheet.mergeCells(i + 1, 1, i + 1, columnCount);
    const cell = row.getCell(1);
    cell.value = text.normalize('NFC');
    cell.font = f;
    cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
    row.height = height;
  });
}

function headerRow(sheet: Worksheet, headers: string[]): void {
  const row = sheet.getRow(HEADER_ROW);
  headers.forEach((header, i) => {
    const cell = row.getCell(i + 1);
    cell.value = header;
    cell.font = font({ bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = ALL_BORDERS;
    cell.fill = HEADER_FILL;
  });
  row.height = estimateRowHeight(headers, headerWidths(sheet, headers.length), true);
}

function headerWidths(sheet: Worksheet, count: number): number[] {
  return Array.from({ length: count }, (_, i) => sheet.getColumn(i + 1).width ?? 10);
}

/**
 * Row height for wrapped text. Excel grows rows without a stored height by itself but LibreOffice does not,
 * so the height is estimated here by wrapping the words greedily, erring on the tall side: a clipped status
 * is worse than white space.
 */
function estimateRowHeight(texts: string[], widths: number[], bold = false): number {
  const lines = texts.map((text, i) => {
    // A column width counts digits of the default font; Vietnamese text in Times New Roman 12 fits about 1.3
    // characters per unit (bold fewer). Measured on the LibreOffice rendering of the sample.
    const capacity = Math.max(1, (widths[i] - 1) * (bold ? 1.1 : 1.3));
    return text.split('\n').reduce((sum, part) => sum + wrappedLines(part, capacity), 0);
  });
  return Math.max(...lines, 1) * 15.5 + 4;
}

function wrappedLines(text: string, capacity: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const needed = used === 0 ? word.length : used + 1 + word.length;
    if (needed <= capacity) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      // A word longer than the line is broken over as many lines as it needs.
      lines += Math.ceil(word.length / capacity) - 1;
      used = word.length % capacity || capacity;
    }
  }
  return lines;
}

function writeCells<T>(row: Row, columns: AppendixColumn<T>[], data: T): void {
  columns.forEach((column, i) => {
    const cell = row.getCell(i + 1);
    const value: AppendixCell = column.cell(data);
    if (typeof value === 'string') {
      // Text pasted from other software may come decomposed (NFD), which sorts and filters apart from NFC.
      cell.value = value.normalize('NFC');
    } else if (typeof value === 'number') {
      cell.value = value;
    } else if ('date' in value) {
      cell.value = value.date ? isoDateToUtc(value.date) : null;
      cell.numFmt = DATE_FORMAT;
    } else if (value.quantity === null) {
      cell.value = '—';
    } else {
      // Rates as fractions with a percent format, so that the receiver can compute with them.
      cell.value = value.unit === '%' ? value.quantity / 100 : value.quantity;
      cell.numFmt = value.unit === '%' ? '0.0%' : `#,##0.##" ${value.unit}"`;
    }
    cell.font = font();
    cell.alignment = { horizontal: column.align, vertical: 'top', wrapText: true };
    cell.border = ALL_BORDERS;
  });
}


/** First cell holds `first`; the rest of the row is merged and holds `rest`. */
function spanRow(sheet: Worksheet, rowNumber: number, columnCount: number, first: string, rest: string, f: Partial<Font>, fill?: typeof GROUP_FILL): void {
  const row = sheet.getRow(rowNumber);
  sheet.mergeCells(rowNumber, 2, rowNumber, columnCount);
  const a = row.getCell(1);
  const b = row.getCell(2);
  a.value = first;
  b.value = rest.normalize('NFC');
  for (const cell of [a, b]) {
    cell.font = f;
    cell.border = ALL_BORDERS;
    if (fill) cell.fill = fill;
  }
  a.alignment = { horizontal: 'center', vertical: 'top' };
  b.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  // The merged cell spans every column but the first; borders on the hidden cells keep the grid closed in print.
  for (let c = 3; c <= columnCount; c++) row.getCell(c).border = ALL_BORDERS;
  const widths = headerWidths(sheet, columnCount);
  row.height = estimateRowHeight([rest], [widths.slice(1).reduce((x, y) => x + y, 0)], f.bold === true);
}

function tasksSheet(workbook: Workbook, doc: ReportDocument): void {
  const columns = TASK_COLUMNS;
  const sheet = newSheet(workbook, SHEET_NAMES.tasks, columns.map((c) => c.widthChars));
  titleRows(sheet, doc, 'PHỤ LỤC I', doc.appendix.tasksTitle, columns.length);
  headerRow(sheet, columns.map((c) => c.header));

  let r = HEADER_ROW + 1;
  for (const row of taskTableRows(doc.appendix)) {
    switch (row.kind) {
      case 'group':
        spanRow(sheet, r, columns.length, row.group.code, row.group.title, font({ bold: true }), GROUP_FILL);
        break;
      case 'task': {
        writeCells(sheet.getRow(r), columns, row.task);
        const widths = columns.map((c) => c.widthChars);
        sheet.getRow(r).height = estimateRowHeight(columns.map((c) => cellText(c.cell(row.task))), widths);
        break;
      }
      case 'groupTotals':
        spanRow(sheet, r, columns.length, '', row.text, font({ italic: true }));
        break;
      case 'grandTotals':
        spanRow(sheet, r, columns.length, '', row.text, font({ bold: true }));
        break;
    }
    r++;
  }
}

function indicatorsSheet(workbook: Workbook, doc: ReportDocument): void {
  const columns = INDICATOR_COLUMNS;
  const sheet = newSheet(workbook, SHEET_NAMES.indicators, columns.map((c) => c.widthChars));
  titleRows(sheet, doc, 'PHỤ LỤC II', doc.appendix.indicatorsTitle, columns.length);
  headerRow(sheet, columns.map((c) => c.header));

  indicatorRows(doc.appendix).forEach((data, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    writeCells(row, columns, data);
    row.height = estimateRowHeight(columns.map((c) => cellText(c.cell(data))), columns.map((c) => c.widthChars));
  });
}

function totalsSheet(workbook: Workbook, doc: ReportDocument): void {
  const widths = [8, 44, ...TOTALS_COLUMNS.map(() => 16)];
  const sheet = newSheet(workbook, SHEET_NAMES.totals, widths);
  titleRows(sheet, doc, 'TỔNG HỢP', `Số nhiệm vụ theo tình trạng thực hiện - ${doc.summary}`, widths.length);
  headerRow(sheet, ['Nhóm', 'Nội dung', ...TOTALS_COLUMNS.map((c) => c.header)]);

  const lines = [
    ...doc.appendix.groups.map((g) => ({ code: g.code, title: g.title, totals: taskTotals(g.tasks), bold: false })),
    { code: '', title: 'Tổng cộng', totals: taskTotals(doc.appendix.groups.flatMap((g) => g.tasks)), bold: true },
  ];
  lines.forEach((line, i) => {
    const row = sheet.getRow(HEADER_ROW + 1 + i);
    row.values = [line.code, line.title, ...TOTALS_COLUMNS.map((c) => c.value(line.totals))];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.font = font({ bold: line.bold });
      cell.border = ALL_BORDERS;
      cell.alignment = { horizontal: col === 2 ? 'left' : 'center', vertical: 'top', wrapText: true };
    });
    row.height = estimateRowHeight([line.title], [widths[1]]);
  });
}
