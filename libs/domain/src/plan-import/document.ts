import type { SourceRef } from '@app/contracts';

/**
 * A plan file as the parser sees it, whatever its format: the text lines of the document and the rows in which the
 * task table is looked for. The format readers (`@app/plan-files` for Word and Excel, `textToDocument` for text)
 * only take the file apart; what the rows mean is decided by the parser, the same way for every format.
 */
export interface PlanDocument {
  format: PlanFormat;
  /**
   * Every paragraph or line of text in reading order, table cells included (a Word plan often sets "Số: …" and the
   * heading in a layout table). Title, year and decision number are read from here.
   */
  lines: string[];
  /**
   * Rows in reading order, in which the task table is looked for: table rows as cells, and the paragraphs between
   * tables as rows of one cell (a group title can be a paragraph between two tables, a page's table can go on in
   * the next table). One section per Excel sheet; a Word or text file is one section.
   */
  sections: DocumentRow[][];
}

export type PlanFormat = 'docx' | 'xlsx' | 'text';

export interface DocumentRow {
  /** Cell texts, trimmed, in column order; a line break inside a cell is kept as "\n". */
  cells: string[];
  source: SourceRef;
  /** Every piece of text in the row is bold (Word, Excel, "**…**" in a text table). Absent when the format cannot say. */
  bold?: boolean;
  /**
   * Per cell: true where the cell belongs to a cell merged vertically with the row above (Word vMerge, Excel merged
   * range); such a cell repeats the merged cell's text.
   */
  mergedFromAbove?: boolean[];
  /**
   * Per cell: true where the cell's only content is Word's automatic list numbering, whose number is not in the
   * text (a TT column numbered by Word).
   */
  autoNumbered?: boolean[];
}

/**
 * "dòng 12", "hàng 5 của bảng 2", "hàng 14 của trang tính "Phụ lục"", "đoạn văn thứ 40": where a warning points
 * the user to.
 */
export function describeSource(source: SourceRef): string {
  if (source.kind === 'line') return `dòng ${source.line}`;
  if (source.kind === 'paragraph') return `đoạn văn thứ ${source.paragraph}`;
  if (source.sheet !== undefined) return `hàng ${source.row} của trang tính "${source.sheet}"`;
  if (source.table !== undefined) return `hàng ${source.row} của bảng ${source.table}`;
  return `hàng ${source.row}`;
}
