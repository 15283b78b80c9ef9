import ExcelJS from 'exceljs';
import { PlanParseError, type DocumentRow, type PlanDocument } from '@app/domain';

/**
 * An Excel .xlsx as rows of cells, one section per sheet (a sheet of indicators beside the task sheet is not read
 * as tasks). exceljs reads the workbook; here:
 * - a merged range keeps its text in its top-left cell; the cells to its right are empty (a group row merged
 *   across the table), the cells below repeat it and are marked `mergedFromAbove` (a lead unit merged over
 *   several tasks);
 * - numbers are written as numbers ("1", not "1.0"), dates as dd/mm/yyyy (a deadline typed as a date), formulas
 *   by their result, rich text and links by their text; a line break in a cell stays "\n";
 * - a row is bold when every cell with text is (the group rows of most plans).
 * Hidden sheets are skipped: they hold lists for drop-downs, not the plan.
 */
export async function readXlsx(bytes: Uint8Array): Promise<PlanDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input with a Buffer of its own declaration; a Node Buffer is what it reads.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new PlanParseError('Không đọc được tệp Excel (.xlsx): tệp bị hỏng hoặc không đúng định dạng; hãy mở và lưu lại tệp rồi thử lại.');
  }
  const lines: string[] = [];
  const sections: DocumentRow[][] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return;
    const rows: DocumentRow[] = [];
    const width = sheet.columnCount;
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      const mergedFromAbove: boolean[] = [];
      const bold: boolean[] = [];
      for (let column = 1; column <= width; column++) {
        const cell = row.getCell(column);
        const master = cell.isMerged ? cell.master : cell;
        const below = master !== cell && Number(master.row) < rowNumber;
        const sameColumn = master.col === cell.col;
        // Right of a merged range's first column: empty; below its first row (same column): its text again.
        const text = master === cell || (below && sameColumn) ? cellText(master) : '';
        cells.push(text);
        mergedFromAbove.push(below && sameColumn);
        if (text !== '') bold.push(isBold(master));
      }
      while (cells.length > 0 && cells[cells.length - 1] === '') {
        cells.pop();
        mergedFromAbove.pop();
      }
      if (cells.length === 0) return;
      for (const cell of cells) if (cell !== '') lines.push(...cell.split('\n'));
      const documentRow: DocumentRow = { cells, source: { kind: 'row', row: rowNumber, sheet: sheet.name } };
      if (bold.length > 0 && bold.every(Boolean)) documentRow.bold = true;
      if (mergedFromAbove.some(Boolean)) documentRow.mergedFromAbove = mergedFromAbove;
      rows.push(documentRow);
    });
    sections.push(rows);
  });
  return { format: 'xlsx', lines, sections };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  // exceljs writes a date as JavaScript's long date; plans and the deadline parser use dd/mm/yyyy. Excel's dates
  // are calendar days, read back at midnight UTC.
  const text = value instanceof Date ? formatDate(value) : cell.type === ExcelJS.ValueType.Formula && value == null ? '' : cell.text;
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .trim();
}

function formatDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}

/** The cell's font is bold, or every run of its rich text is. */
function isBold(cell: ExcelJS.Cell): boolean {
  const value = cell.value;
  if (value && typeof value === 'object' && 'richText' in value) {
    return value.richText.every((run) => run.font?.bold ?? cell.font?.bold ?? false);
  }
  return cell.font?.bold === true;
}
