import { foldKey } from './text';

/** The columns of a plan's task table that the parser reads. */
export type Column = 'number' | 'content' | 'lead' | 'co' | 'deadline' | 'product';

/** Position of each column found in the header row; a column the table does not have is absent. */
export type ColumnMap = { number: number; content: number } & Partial<Record<Column, number>>;

export const COLUMN_LABELS: Record<Column, string> = {
  number: 'TT',
  content: 'Nội dung công việc',
  lead: 'Cơ quan chủ trì',
  co: 'Cơ quan phối hợp',
  deadline: 'Thời gian thực hiện/hoàn thành',
  product: 'Sản phẩm',
};

/**
 * What a header cell means, over folded text. Plans word their headers differently ("TT" / "STT", "Nội dung công
 * việc" / "Nhiệm vụ", "Cơ quan chủ trì" / "Đơn vị chủ trì" / "Đơn vị thực hiện", "Thời gian thực hiện/hoàn thành"
 * / "Thời hạn" / "Tiến độ", "Sản phẩm" / "Kết quả"). Checked in this order, so that "Thời gian thực hiện" is a
 * deadline and not a lead unit, and "Kết quả thực hiện nhiệm vụ" a product and not the task.
 */
const MEANINGS: Array<[Column, RegExp]> = [
  ['number', /^(?:s?tt|so tt|so thu tu)$/],
  ['deadline', /\b(?:thoi gian|thoi han|tien do|han hoan thanh|moc thoi gian)\b/],
  ['co', /\bphoi hop\b/],
  ['lead', /\bchu tri\b/],
  ['product', /\b(?:san pham|ket qua|hinh thuc van ban)\b/],
  ['content', /\b(?:noi dung|nhiem vu|cong viec|hoat dong)\b/],
  ['lead', /\b(?:thuc hien|chiu trach nhiem)\b/],
];

/** The column a header cell names, or null ("Ghi chú" and other columns the parser does not read). */
export function columnOf(cell: string): Column | null {
  const key = foldKey(cell);
  if (key === '' || key.length > 80) return null;
  for (const [column, pattern] of MEANINGS) if (pattern.test(key)) return column;
  return null;
}

/**
 * Column positions when `cells` is a header row of the task table, in any column order, else null. A header
 * names at least the number and the task, and a lead unit or a deadline; the first cell naming a column wins.
 */
export function headerColumns(cells: string[]): ColumnMap | null {
  const found: Partial<Record<Column, number>> = {};
  let named = 0;
  cells.forEach((cell, index) => {
    const column = columnOf(cell);
    if (column === null) return;
    named++;
    if (found[column] === undefined) found[column] = index;
  });
  if (found.number === undefined || found.content === undefined) return null;
  if (found.lead === undefined && found.deadline === undefined) return null;
  // Every named cell must name a different column: a sentence that happens to hold "nhiệm vụ" twice is not a header.
  if (named !== Object.keys(found).length) return null;
  return found as ColumnMap;
}

/** "1 2 3 4 5 6" or "(1) (2) …": the row numbering the columns that many tables put under their header. */
export function isColumnNumbering(cells: string[]): boolean {
  const filled = cells.filter((cell) => cell !== '');
  if (filled.length < 3) return false;
  return cells.every((cell, index) => cell === '' || new RegExp(`^\\(?${index + 1}\\)?$`).test(cell));
}
