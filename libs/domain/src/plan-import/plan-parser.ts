import type { ParsedPlan, ParsedTask, ParseWarning, PlanGroup } from '@app/contracts';
import { parseDeadline } from './deadline';
import { PlanParseError } from './plan-errors';
import { foldKey } from './text';
import { AN_LAO_UNITS, resolveUnits, type UnitDirectory } from './units';

export interface ParsePlanOptions {
  /** The plan's year; taken from the title ("… năm 2026") when absent. */
  year?: number;
  /** The commune's unit directory. Until communes keep their own, the An Lão seed. */
  units?: UnitDirectory;
}

/**
 * Reads a commune's CCHC plan exported as text: the task table of the appendix ("Phụ lục") is tab-separated,
 * one row per line, its header row repeated after each page break. The body of the plan is only read for the
 * title, the decision number and the year.
 *
 * Decisions a reader should know:
 * - Group headers ("I. Chỉ đạo điều hành …", with or without trailing tabs) count only inside the table;
 *   the body's own "I. MỤC ĐÍCH, YÊU CẦU" sections are not groups.
 * - A row without a number continues the previous task, cell by cell, joined with a space (task 19's lead unit
 *   runs over a page break: "Các phòng, ban, ngành, Trung tâm Phục vụ" + "hành chính công").
 * - A leading list marker in the content cell ("- Tiếp tục …", task 20) is a Word bullet, not part of the task's
 *   name, and is removed; the rest of every cell is kept as written (trimmed).
 * - A repeated task number keeps the first row and reports the other, so numbers stay unique (workflow ids and
 *   re-imports are keyed by number).
 * - Unit and deadline cells are kept as written beside their reading; what cannot be read becomes a warning.
 */
export function parsePlan(text: string, opts: ParsePlanOptions = {}): ParsedPlan {
  // NFC only: cells stay as written (dashes included), but NFD and NFC documents give the same strings.
  const lines = text.replace(/^\uFEFF/, '').normalize('NFC').split(/\r\n|\r|\n/);
  const table = readTable(lines);
  const title = findTitle(lines);
  const warnings: ParseWarning[] = [...table.warnings];

  let year = opts.year ?? findYear(title, lines);
  if (year === undefined) {
    year = new Date().getFullYear();
    warnings.push({
      taskNumber: null,
      code: 'YEAR_NOT_FOUND',
      message: `Không tìm thấy năm của kế hoạch trong văn bản; tạm dùng năm ${year}.`,
    });
  }

  const tasks: ParsedTask[] = [];
  const seen = new Set<number>();
  for (const row of table.rows) {
    if (seen.has(row.number)) {
      warnings.push({
        taskNumber: row.number,
        code: 'DUPLICATE_TASK_NUMBER',
        message: `Số thứ tự ${row.number} bị trùng: dòng "${excerpt(row.cells.content)}" đã bị bỏ qua, cần sửa văn bản rồi nhập lại.`,
      });
      continue;
    }
    seen.add(row.number);
    tasks.push(toTask(row, year, opts.units ?? AN_LAO_UNITS, warnings));
  }
  if (tasks.length === 0) throw new PlanParseError('Bảng danh mục nhiệm vụ không có nhiệm vụ nào.');

  warnings.push(...numberGaps(tasks), ...groupWarnings(table.groups, tasks));

  return {
    title: title ?? `Kế hoạch cải cách hành chính năm ${year}`,
    year,
    decisionNumber: findDecisionNumber(lines),
    groups: table.groups,
    tasks,
    warnings: warnings.sort(byTaskNumber),
  };
}

type Column = 'number' | 'content' | 'lead' | 'co' | 'deadline' | 'product';
type Cells = Record<Column, string>;

interface TaskRow {
  number: number;
  group: string;
  cells: Cells;
}

const COLUMN_LABELS: Record<Column, string> = {
  number: 'TT',
  content: 'Nội dung công việc',
  lead: 'Cơ quan chủ trì',
  co: 'Cơ quan phối hợp',
  deadline: 'Thời gian thực hiện/hoàn thành',
  product: 'Sản phẩm',
};

/** Header cells by folded keyword; the positions of the seed are the fallback for a column not found. */
const COLUMN_KEYS: Array<[Column, RegExp]> = [
  ['number', /^s?tt$/],
  ['content', /noi dung/],
  ['lead', /chu tri/],
  ['co', /phoi hop/],
  ['deadline', /thoi (?:gian|han)/],
  ['product', /san pham|ket qua/],
];
const DEFAULT_COLUMNS: Record<Column, number> = { number: 0, content: 1, lead: 2, co: 3, deadline: 4, product: 5 };

/** Column positions when `cells` is the table's header row, else null. */
function headerColumns(cells: string[]): Record<Column, number> | null {
  const keys = cells.map(foldKey);
  if (cells.length < 3 || !/^s?tt$/.test(keys[0]) || !keys.some((k) => k.includes('noi dung'))) return null;
  const columns = { ...DEFAULT_COLUMNS };
  for (const [column, pattern] of COLUMN_KEYS) {
    const index = keys.findIndex((k) => pattern.test(k));
    if (index >= 0) columns[column] = index;
  }
  return columns;
}

const ROMAN = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;

/** "I. Chỉ đạo điều hành …" in one cell, or "I" and the title in the first two cells. */
function groupHeader(cells: string[]): PlanGroup | null {
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 1 && cells[0] !== '') {
    const m = /^([IVX]+)\s*[.)]\s*(\S.*)$/.exec(filled[0]);
    if (m && ROMAN.test(m[1])) return { code: m[1], title: m[2].trim() };
  }
  if (filled.length === 2 && cells[0] !== '') {
    const code = cells[0].replace(/[.)]$/, '');
    if (code && ROMAN.test(code) && cells[1] !== '') return { code, title: cells[1] };
  }
  return null;
}

const isBlank = (line: string) => line.trim() === '';

interface Table {
  groups: PlanGroup[];
  rows: TaskRow[];
  warnings: ParseWarning[];
}

function readTable(lines: string[]): Table {
  const start = lines.findIndex((line) => line.includes('\t') && headerColumns(splitCells(line)) !== null);
  if (start < 0) throw new PlanParseError('Không tìm thấy bảng danh mục nhiệm vụ trong văn bản kế hoạch.');

  const groups: PlanGroup[] = [];
  const rows: TaskRow[] = [];
  const warnings: ParseWarning[] = [];
  // Lines we could not place; reported only if a task row follows them, i.e. when they sit inside the table
  // rather than in text after it (signature, "Nơi nhận").
  let strayLines: Array<{ text: string; afterRow: number }> = [];
  let columns = headerColumns(splitCells(lines[start]))!;
  let currentGroup = precedingGroup(lines, start);
  if (currentGroup) groups.push(currentGroup);

  for (const line of lines.slice(start + 1)) {
    if (isBlank(line)) continue;
    const cells = splitCells(line);
    const header = headerColumns(cells);
    if (header) {
      columns = header;
      continue;
    }
    const group = groupHeader(cells);
    if (group) {
      const known = groups.find((g) => g.code === group.code);
      if (!known) groups.push(group);
      else if (foldKey(known.title) !== foldKey(group.title)) {
        warnings.push({
          taskNumber: null,
          code: 'DUPLICATE_GROUP',
          message: `Nhóm ${group.code} xuất hiện nhiều lần với tên khác nhau; giữ tên "${known.title}".`,
        });
      }
      currentGroup = known ?? group;
      continue;
    }
    const read = (column: Column) => cells[columns[column]] ?? '';
    const numberMatch = /^(\d{1,4})\s*\.?$/.exec(read('number'));
    if (numberMatch && cells.length > 1) {
      reportStray(strayLines, warnings);
      strayLines = [];
      const cellsOf = {} as Cells;
      for (const column of Object.keys(COLUMN_LABELS) as Column[]) cellsOf[column] = read(column);
      rows.push({ number: Number(numberMatch[1]), group: currentGroup?.code ?? '', cells: cellsOf });
      continue;
    }
    if (read('number') === '' && cells.length > 1 && rows.length > 0) {
      // A cell cut by a page break goes on in the next row, whose number cell is empty.
      reportStray(strayLines, warnings);
      strayLines = [];
      const last = rows[rows.length - 1];
      for (const column of Object.keys(COLUMN_LABELS) as Column[]) {
        if (column !== 'number' && read(column) !== '') last.cells[column] = joinCell(last.cells[column], read(column));
      }
      continue;
    }
    strayLines.push({ text: line.trim(), afterRow: rows.length });
  }
  return { groups, rows, warnings };
}

function reportStray(stray: Array<{ text: string; afterRow: number }>, warnings: ParseWarning[]): void {
  for (const line of stray) {
    warnings.push({
      taskNumber: null,
      code: 'IGNORED_LINE',
      message: `Dòng "${excerpt(line.text.replace(/\t+/g, ' '))}" trong bảng nhiệm vụ không đúng định dạng nên đã bị bỏ qua.`,
    });
  }
}

/** A group header standing alone just above the first table header (only blank lines between) opens the table. */
function precedingGroup(lines: string[], start: number): PlanGroup | null {
  for (let i = start - 1; i >= 0; i--) {
    if (isBlank(lines[i])) continue;
    return groupHeader(splitCells(lines[i]));
  }
  return null;
}

function splitCells(line: string): string[] {
  return line.split('\t').map((cell) => cell.trim());
}

function joinCell(before: string, after: string): string {
  return before === '' ? after : `${before} ${after}`;
}

const COORDINATOR_NOTE = 'bước đầu tiên sẽ giao cho cán bộ đầu mối CCHC (Phòng Văn hóa - Xã hội) phân công.';

function toTask(row: TaskRow, year: number, units: UnitDirectory, warnings: ParseWarning[]): ParsedTask {
  const { cells, number } = row;
  const warn = (code: string, message: string) => warnings.push({ taskNumber: number, code, message });

  for (const column of ['content', 'deadline', 'product'] as const) {
    if (cells[column] === '') warn('EMPTY_CELL', `Nhiệm vụ ${number}: ô "${COLUMN_LABELS[column]}" để trống.`);
  }

  const lead = resolveUnits(cells.lead, units);
  const co = resolveUnits(cells.co, units);
  if (lead.codes.length === 0) {
    warn(
      'NO_LEAD_UNIT',
      cells.lead === ''
        ? `Nhiệm vụ ${number}: ô "${COLUMN_LABELS.lead}" để trống; ${COORDINATOR_NOTE}`
        : `Nhiệm vụ ${number}: "${excerpt(cells.lead)}" không có đơn vị nào của xã chủ trì; ${COORDINATOR_NOTE}`,
    );
  }
  for (const [column, resolution] of [['lead', lead], ['co', co]] as const) {
    for (const fragment of resolution.unresolved) {
      warn(
        'UNKNOWN_UNIT',
        `Nhiệm vụ ${number}: không xác định được đơn vị "${fragment}" trong cột "${COLUMN_LABELS[column]}".`,
      );
    }
  }

  const deadline = parseDeadline(cells.deadline, year);
  if (deadline.kind === 'UNKNOWN' && cells.deadline !== '') {
    warn(
      'UNKNOWN_DEADLINE',
      `Nhiệm vụ ${number}: chưa hiểu được thời hạn "${deadline.raw}", cần đặt lịch thực hiện thủ công.`,
    );
  }

  if (row.group === '') warn('MISSING_GROUP', `Nhiệm vụ ${number} không thuộc nhóm nhiệm vụ nào.`);

  return {
    number,
    group: row.group,
    content: cells.content.replace(/^[-–—•+*]\s+/, ''),
    leadUnits: lead.codes,
    coUnits: co.codes,
    leadExternal: lead.external,
    coExternal: co.external,
    leadUnitsText: cells.lead,
    coUnitsText: cells.co,
    deadline,
    product: cells.product,
  };
}

function numberGaps(tasks: ParsedTask[]): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  let previous = 0;
  for (const { number } of tasks) {
    if (number === previous + 1) {
      // in order
    } else if (number > previous + 1) {
      const missing =
        number === previous + 2 ? `nhiệm vụ số ${previous + 1}` : `các nhiệm vụ từ số ${previous + 1} đến ${number - 1}`;
      warnings.push({ taskNumber: number, code: 'NUMBER_GAP', message: `Thiếu ${missing} trước nhiệm vụ ${number}.` });
    } else {
      warnings.push({
        taskNumber: number,
        code: 'NUMBER_GAP',
        message: `Số thứ tự không liên tục: nhiệm vụ ${number} đứng sau nhiệm vụ ${previous}.`,
      });
    }
    previous = number;
  }
  return warnings;
}

function groupWarnings(groups: PlanGroup[], tasks: ParsedTask[]): ParseWarning[] {
  return groups
    .filter((group) => !tasks.some((task) => task.group === group.code))
    .map((group) => ({
      taskNumber: null,
      code: 'EMPTY_GROUP',
      message: `Nhóm ${group.code} ("${group.title}") không có nhiệm vụ nào.`,
    }));
}

/**
 * The plan's title: the line after the heading "KẾ HOẠCH" ("Cải cách hành chính xã An Lão năm 2026"), else the
 * plan named in the decision ("Ban hành kèm theo Quyết định này “Kế hoạch …”").
 */
function findTitle(lines: string[]): string | null {
  const plain = lines.map((line) => line.replace(/\*+/g, '').trim());
  const heading = plain.findIndex((line) => foldKey(line) === 'ke hoach');
  if (heading >= 0) {
    const next = plain.slice(heading + 1).find((line) => line !== '');
    if (next && !next.startsWith('(') && next.length <= 250) return `Kế hoạch ${next}`;
  }
  for (const line of plain) {
    const quoted = /[“"]\s*(Kế hoạch [^”"]+?)\s*[”"]/i.exec(line);
    if (quoted) return quoted[1];
  }
  for (const line of plain) {
    const issued = /^Ban hành (Kế hoạch .+?)\.?$/i.exec(line);
    if (issued && issued[1].length <= 250) return issued[1];
  }
  return null;
}

function findYear(title: string | null, lines: string[]): number | undefined {
  const fromTitle = title && /năm (\d{4})/i.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  for (const line of lines) {
    const m = /\bnăm (\d{4})\b/i.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** "Số: 123/QĐ-UBND" → "123/QĐ-UBND". A draft leaves the number blank ("Số: /QĐ-UBND") → null. */
function findDecisionNumber(lines: string[]): string | null {
  for (const line of lines) {
    const m = /^\s*Số\s*:\s*(\S*)/i.exec(line) ?? /Kèm theo Quyết định số\s+(\S*)/i.exec(line);
    if (m) return /^\d+\//.test(m[1]) ? m[1].replace(/[,;.)]+$/, '') : null;
  }
  return null;
}

function excerpt(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function byTaskNumber(a: ParseWarning, b: ParseWarning): number {
  return (a.taskNumber ?? 0) - (b.taskNumber ?? 0);
}
