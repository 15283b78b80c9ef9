import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { ParsedPlan } from '@app/contracts';
import type { DocumentRow, PlanDocument } from '@app/domain';

/** Word and Excel files for tests and samples, made with the libraries a commune's office software would read. */

export interface WordCell {
  text: string;
  bold?: boolean;
  /** Columns this cell spans (a group row merged across the table). */
  span?: number;
  /** Starts or continues a cell merged with the rows below / above. */
  merge?: 'restart' | 'continue';
  /** Numbered by Word's automatic list numbering ("1.", "2." drawn by Word, not typed). */
  numbered?: boolean;
}
export type WordRow = { cells: Array<string | WordCell>; header?: boolean; bold?: boolean };
export type WordBlock = { paragraph: string; bold?: boolean } | { table: WordRow[] };

const NUMBERING = 'so-thu-tu';

/** Column widths in twentieths of a point, wide enough for Word to show the appendix on an A4 landscape page. */
const COLUMN_WIDTHS = [600, 4200, 2000, 2000, 1800, 2400];

function paragraphs(text: string, bold: boolean): Paragraph[] {
  // One Word paragraph per line of the cell, as an official typing a cell presses Enter.
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] }));
}

/** A .docx of paragraphs and tables. */
export async function wordFile(blocks: WordBlock[]): Promise<Uint8Array> {
  const children = blocks.map((block) => {
    if ('paragraph' in block) return new Paragraph({ children: [new TextRun({ text: block.paragraph, bold: block.bold })] });
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths: COLUMN_WIDTHS,
      rows: block.table.map(
        (row) =>
          new TableRow({
            tableHeader: row.header,
            children: row.cells.map((cell) => {
              const spec = typeof cell === 'string' ? { text: cell } : cell;
              const children = spec.numbered
                ? [new Paragraph({ numbering: { reference: NUMBERING, level: 0 }, children: [] })]
                : paragraphs(spec.text, spec.bold ?? row.bold ?? row.header ?? false);
              return new TableCell({
                children,
                columnSpan: spec.span,
                verticalMerge: spec.merge === 'restart' ? VerticalMergeType.RESTART : spec.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
              });
            }),
          }),
      ),
    });
  });
  const numbering = {
    config: [{ reference: NUMBERING, levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT }] }],
  };
  return Packer.toBuffer(new Document({ numbering, sections: [{ children }] }));
}

/**
 * The seed plan's text as Word would have it: every paragraph, and the appendix as the tables it was copied from
 * (a table per page, the header repeated on each, group rows merged across the table and bold, the group III
 * title as a paragraph between two tables, task 19 broken over a page into a row with an empty number cell).
 */
export function seedAsWord(seed: PlanDocument): Promise<Uint8Array> {
  const blocks: WordBlock[] = [];
  let table: WordRow[] | null = null;
  let previousLine = 0;
  for (const row of seed.sections[0]) {
    const line = row.source.kind === 'line' ? row.source.line : 0;
    if (row.cells.length === 1) {
      table = null;
      const bold = /^\*\*[\s\S]*\*\*$/.test(row.cells[0]);
      blocks.push({ paragraph: bold ? row.cells[0].slice(2, -2) : row.cells[0], bold });
    } else {
      // A blank line between two rows of the text is where one table (one page) ends and the next begins.
      if (!table || line !== previousLine + 1) {
        table = [];
        blocks.push({ table });
      }
      table.push(wordRow(row));
    }
    previousLine = line;
  }
  return wordFile(blocks);
}

function wordRow(row: DocumentRow): WordRow {
  if (row.cells[0] === 'TT') return { cells: row.cells, header: true };
  const filled = row.cells.filter((cell) => cell !== '');
  if (filled.length === 1 && row.cells[0] !== '') return { cells: [{ text: row.cells[0], span: 6 }], bold: true };
  return { cells: row.cells };
}

/** An .xlsx: each sheet as rows of values (numbers stay numbers), with merged ranges ("A1:F1") and bold rows. */
export interface SheetSpec {
  name: string;
  rows: Array<Array<string | number | Date | null>>;
  merges?: string[];
  boldRows?: number[];
  columnWidths?: number[];
}

export async function excelFile(sheets: SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((values, index) => {
      const row = sheet.getRow(index + 1);
      values.forEach((value, column) => {
        if (value !== null && value !== '') row.getCell(column + 1).value = value;
      });
      if (spec.boldRows?.includes(index + 1)) row.font = { bold: true };
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
    spec.columnWidths?.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    sheet.eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The seed plan's appendix as communes keep it in Excel: the plan's heading and the appendix title in merged rows
 * above the header, the row numbering the columns, group rows merged across and bold, task numbers as numbers,
 * the same lead unit merged down over the consecutive tasks of a group, and a second sheet of indicators that is
 * not a task table.
 */
export function seedAsExcel(plan: ParsedPlan): Promise<Uint8Array> {
  const rows: SheetSpec['rows'] = [
    ['KẾ HOẠCH'],
    [plan.title.replace(/^Kế hoạch /, '')],
    ['DANH MỤC NHIỆM VỤ, CÔNG VIỆC CỤ THỂ TRIỂN KHAI, THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH'],
    [],
    ['TT', 'Nội dung công việc', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện/ hoàn thành', 'Sản phẩm'],
    ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
  ];
  const merges = ['A1:F1', 'A2:F2', 'A3:F3'];
  const boldRows = [1, 3, 5];
  for (const group of plan.groups) {
    rows.push([`${group.code}. ${group.title}`]);
    merges.push(`A${rows.length}:F${rows.length}`);
    boldRows.push(rows.length);
    // Runs of tasks with the same lead unit: one merged cell down the column, as officials lay them out.
    let run = { start: 0, text: '' };
    const closeRun = (last: number) => {
      if (last > run.start) merges.push(`C${run.start}:C${last}`);
    };
    for (const task of plan.tasks.filter((t) => t.group === group.code)) {
      rows.push([task.number, task.content, task.leadUnitsText, task.coUnitsText, task.deadline.raw, task.product]);
      if (run.start > 0 && task.leadUnitsText === run.text) continue;
      if (run.start > 0) closeRun(rows.length - 1);
      run = { start: rows.length, text: task.leadUnitsText };
    }
    if (run.start > 0) closeRun(rows.length);
  }
  const indicators: SheetSpec = {
    name: 'Chỉ tiêu',
    rows: [
      ['STT', 'Chỉ tiêu', 'Kết quả'],
      [1, 'Mức độ hài lòng của người dân', '90%'],
      [2, 'Hồ sơ TTHC trực tuyến', '100%'],
    ],
    boldRows: [1],
  };
  return excelFile([{ name: 'Phụ lục', rows, merges, boldRows, columnWidths: [6, 60, 25, 25, 22, 30] }, indicators]);
}
