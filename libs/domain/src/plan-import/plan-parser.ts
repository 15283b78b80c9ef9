import type { ParsedPlan, ParsedTask, ParseWarning, PlanGroup, SourceRef } from '@app/contracts';
import { parseDeadline } from './deadline';
import { describeSource, type DocumentRow, type PlanDocument } from './document';
import { COLUMN_LABELS, headerColumns, isColumnNumbering, type Column, type ColumnMap } from './header';
import { PlanParseError } from './plan-errors';
import { foldKey } from './text';
import { textToDocument } from './text-layout';
import { AN_LAO_UNITS, resolveUnits, type UnitDirectory } from './units';

export interface ParsePlanOptions {
  /** The plan's year; taken from the title ("… năm 2026") when absent. */
  year?: number;
  /** The commune's unit directory. Until communes keep their own, the An Lão seed. */
  units?: UnitDirectory;
}

/**
 * Reads a commune's CCHC plan: its task table (the appendix, "Phụ lục") row by row, whatever the file's format
 * (`textToDocument` for text; `@app/plan-files` for Word and Excel) and layout. The body of the plan is only read
 * for the title, the decision number and the year.
 *
 * Decisions a reader should know:
 * - The table starts at a header row found by the meaning of its cells (TT/STT, Nội dung/Nhiệm vụ, chủ trì, phối
 *   hợp, thời gian/thời hạn, sản phẩm/kết quả) in any column order; a header row repeated on each page, and the
 *   row numbering the columns ("1 2 3 …") under it, are skipped.
 * - Group headers: "I. Chỉ đạo …" (or "1. …") alone in a row, a numeral and a title as the only cells (Roman; an
 *   Arabic numeral only in a bold row, or in a plan without Roman groups when the numbering shows it: the tasks
 *   under it start again at 1 or are numbered "n.1", or n does not continue the task numbers), or a bold row
 *   without a task number (numbered I, II, … in order). Only inside the table: the body's own "I. MỤC ĐÍCH, YÊU
 *   CẦU" sections are not groups. A group title standing just above the table's header opens the first group.
 * - Every row with a task number ("3", "3.", "2.1") is a task, and so is a row whose number Word draws itself
 *   (automatic numbering, not in the file's text): it is numbered on from the task above, with a warning. Numbers may run through the plan (1…32) or restart
 *   in each group; a task's `number` is the plan's own number when it runs through the plan, else 1…N in plan
 *   order, and `displayNumber` is what users know it by ("12", or "III.2" when numbering restarts per group).
 * - Sub-items without a number of their own ("-", "+", "a)" in the number cell or before the content) are part of
 *   the task above: their text joins its cells on a new line, so their units and dates are not lost. Numbered
 *   sub-items ("2.1") are tasks of their own, since each can have its own lead unit and deadline.
 * - A row without a number continues the task above cell by cell, joined with a space (task 19's lead unit runs
 *   over a page break: "Các phòng, ban, ngành, Trung tâm Phục vụ" + "hành chính công"). A cell merged vertically
 *   with the row above is not joined twice.
 * - A leading list marker in the content cell ("- Tiếp tục …", task 20) is a Word bullet, not part of the task's
 *   name, and is removed; the rest of every cell is kept as written (trimmed, line breaks kept).
 * - When numbers run through the plan, a repeated number keeps the first row and reports the other (numbers are
 *   the key of workflow ids and re-imports); when they restart per group nothing is dropped.
 * - Unit and deadline cells are kept as written beside their reading; what cannot be read becomes a warning that
 *   names the task or the line/row, and the task is imported all the same.
 */
export function parsePlan(source: string | PlanDocument, opts: ParsePlanOptions = {}): ParsedPlan {
  const document = typeof source === 'string' ? textToDocument(source) : source;
  const lines = document.lines.map((line) => line.normalize('NFC'));
  const table = readTable(document);
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

  const numbered = numberTasks(table.rows, warnings);
  if (numbered.length === 0) throw new PlanParseError('Bảng danh mục nhiệm vụ không có nhiệm vụ nào.');
  const units = opts.units ?? AN_LAO_UNITS;
  const tasks = numbered.map((row) => toTask(row, year, units, warnings));
  warnings.push(...groupWarnings(table.groups, tasks));

  return {
    title: title ?? `Kế hoạch cải cách hành chính năm ${year}`,
    year,
    decisionNumber: findDecisionNumber(lines),
    groups: table.groups,
    tasks,
    warnings: warnings.sort(byTaskNumber),
  };
}

type Cells = Record<Column, string>;

interface TaskRow {
  /** The number as written, without its trailing dot: "3", "2.1". */
  written: string;
  group: string;
  cells: Cells;
  source: SourceRef;
}

interface Table {
  groups: PlanGroup[];
  rows: TaskRow[];
  warnings: ParseWarning[];
  /** Task rows numbered by Word's automatic numbering (numbers counted here). */
  autoNumbered: number;
}

const COLUMNS = Object.keys(COLUMN_LABELS) as Column[];
const ROMAN = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;
const TASK_NUMBER = /^(\d{1,4}(?:\.\d{1,3})*)\s*[.)]?$/;
const GROUP_IN_ONE_CELL = /^([IVX]+|\d{1,2})\s*[.)\-–:]\s*(\S[\s\S]*)$/;
const BULLET_CELL = /^(?:[-+•–—*−]|[a-zđ][.)])$/;
const BULLET_START = /^(?:[-+•–—*−]|[a-zđ]\))\s+\S/;

function readTable(document: PlanDocument): Table {
  const table: Table = { groups: [], rows: [], warnings: [], autoNumbered: 0 };
  let found = false;
  for (const section of document.sections) {
    const start = section.findIndex((row) => headerColumns(row.cells) !== null);
    if (start < 0) continue;
    found = true;
    readSection(section, start, table);
  }
  if (!found) throw new PlanParseError('Không tìm thấy bảng danh mục nhiệm vụ trong văn bản kế hoạch.');
  if (table.autoNumbered > 0) {
    table.warnings.push({
      taskNumber: null,
      code: 'AUTO_NUMBERED',
      message: `Số thứ tự của ${table.autoNumbered} nhiệm vụ do Word tự đánh, không có trong văn bản; đã đánh số tiếp theo thứ tự từ trên xuống, cần đối chiếu với văn bản gốc.`,
    });
  }
  return table;
}

function readSection(rows: DocumentRow[], start: number, table: Table): void {
  const { groups, warnings } = table;
  let columns = headerColumns(rows[start].cells)!;
  const arabicGroups = !rows.slice(Math.max(0, start - 1)).some((row) => romanGroup(row, columns));
  // Rows we could not place; reported only if a task row follows them, i.e. when they sit inside the table
  // rather than in text after it (signature, "Nơi nhận").
  let stray: DocumentRow[] = [];
  let last: TaskRow | null = null;

  const useGroup = (group: PlanGroup) => {
    const known = groups.find((g) => g.code === group.code);
    if (!known) groups.push(group);
    else if (foldKey(known.title) !== foldKey(group.title)) {
      warnings.push({
        taskNumber: null,
        code: 'DUPLICATE_GROUP',
        message: `Nhóm ${group.code} xuất hiện nhiều lần với tên khác nhau; giữ tên "${known.title}".`,
      });
    }
    return known ?? group;
  };
  const nextCode = () => toRoman(groups.length + 1);
  /**
   * In a plan without Roman groups, is "<n> | <title>" with nothing else a group (else a task with empty cells)?
   * Yes when the tasks after it start again at 1 or are numbered under it ("n.1"), or when n does not continue
   * the task numbers ("2" after task 5).
   */
  const arabicGroupAt = (index: number) => (code: string) => {
    if (!arabicGroups) return false;
    const next = rows.slice(index + 1).find((row) => {
      const number = columns.number === undefined ? '' : (row.cells[columns.number] ?? '');
      return TASK_NUMBER.test(number) && filledCells(row).length >= 3;
    });
    const nextNumber = next ? TASK_NUMBER.exec(next.cells[columns.number])![1] : '';
    const lastNumber = last ? Number(last.written.split('.')[0]) : 0;
    return nextNumber === '1' || nextNumber.startsWith(`${code}.`) || Number(code) !== lastNumber + 1;
  };
  let currentGroup: PlanGroup | null = null;
  // Only a numbered title opens the first group: the bold line above a header is usually the appendix's title.
  const above = rows[start - 1];
  const opening = above && !above.bold ? groupHeader(above, columns, arabicGroupAt(start), nextCode) : above && numberedGroup(above);
  if (opening) currentGroup = useGroup(opening);
  else if (table.rows.length > 0) currentGroup = groups.find((g) => g.code === table.rows[table.rows.length - 1].group) ?? null;

  const flushStray = () => {
    for (const row of stray) {
      warnings.push({
        taskNumber: null,
        code: 'IGNORED_LINE',
        message: `${capitalize(describeSource(row.source))} ("${excerpt(row.cells.filter(Boolean).join(' '))}") trong bảng nhiệm vụ không đúng định dạng nên đã bị bỏ qua.`,
        source: row.source,
      });
    }
    stray = [];
  };

  for (let index = start + 1; index < rows.length; index++) {
    const row = rows[index];
    const { cells } = row;
    if (cells.every((cell) => cell === '')) continue;
    const header = headerColumns(cells);
    if (header) {
      columns = header;
      continue;
    }
    if (isColumnNumbering(cells)) continue;
    const read = (column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]!] ?? ''));
    const merged = (column: Column) => columns[column] !== undefined && row.mergedFromAbove?.[columns[column]!] === true;
    const number = read('number');
    const others = COLUMNS.filter((column) => column !== 'number').some((column) => read(column) !== '');

    const group = groupHeader(row, columns, arabicGroupAt(index), nextCode);
    if (group) {
      currentGroup = useGroup(group);
      continue;
    }
    const numberMatch = merged('number') ? null : TASK_NUMBER.exec(number);
    const autoNumber = number === '' && columns.number !== undefined && row.autoNumbered?.[columns.number] === true;
    if ((numberMatch || autoNumber) && others) {
      flushStray();
      // Word's own numbering: its numbers are not in the file's text, so they are counted on from the task above.
      const written: string = numberMatch ? numberMatch[1] : String((last ? Number(last.written.split('.')[0]) : 0) + 1);
      last = { written, group: currentGroup?.code ?? '', cells: cellsOf(read), source: row.source };
      if (autoNumber) table.autoNumbered++;
      table.rows.push(last);
      continue;
    }
    if (last && cells.length > 1 && (BULLET_CELL.test(number) || (number === '' && BULLET_START.test(read('content'))))) {
      // A sub-item of the task above: its own line in each cell it fills.
      flushStray();
      const into = last;
      for (const column of COLUMNS) {
        const text = column === 'content' && BULLET_CELL.test(number) ? `${number} ${read(column)}` : read(column);
        if (column === 'number' || text === '' || merged(column) || into.cells[column] === text) continue;
        into.cells[column] = into.cells[column] === '' ? text : `${into.cells[column]}\n${text}`;
      }
      continue;
    }
    if (last && cells.length > 1 && (number === '' || merged('number'))) {
      // A cell cut by a page break goes on in the next row, whose number cell is empty.
      flushStray();
      for (const column of COLUMNS) {
        if (column === 'number' || read(column) === '' || merged(column)) continue;
        last.cells[column] = last.cells[column] === '' ? read(column) : `${last.cells[column]} ${read(column)}`;
      }
      continue;
    }
    stray.push(row);
  }
}

function cellsOf(read: (column: Column) => string): Cells {
  const cells = {} as Cells;
  for (const column of COLUMNS) cells[column] = read(column);
  return cells;
}

/** The cells that hold text, with their positions. */
function filledCells(row: DocumentRow): Array<{ index: number; text: string }> {
  return row.cells.map((text, index) => ({ index, text })).filter(({ text }) => text !== '');
}

/** "I. Chỉ đạo …" or "1. Chỉ đạo …" alone in a row. */
function numberedGroup(row: DocumentRow): PlanGroup | null {
  const filled = filledCells(row);
  const m = filled.length === 1 ? GROUP_IN_ONE_CELL.exec(filled[0].text) : null;
  return m && (ROMAN.test(m[1]) || /^\d+$/.test(m[1])) ? { code: m[1], title: m[2].trim() } : null;
}

function romanGroup(row: DocumentRow, columns: ColumnMap): PlanGroup | null {
  const group = groupHeader(row, columns, () => false, () => '');
  return group && ROMAN.test(group.code) ? group : null;
}

/**
 * A group header row (see parsePlan), or null. `arabicGroup` tells whether a bare Arabic numeral with a title and
 * nothing else is a group here (see arabicGroupAt). `nextCode` numbers a bold group title without numeral.
 */
function groupHeader(
  row: DocumentRow,
  columns: ColumnMap,
  arabicGroup: (code: string) => boolean,
  nextCode: () => string,
): PlanGroup | null {
  const filled = filledCells(row);
  if (filled.length === 1) {
    const numbered = numberedGroup(row);
    if (numbered) return numbered;
    if (row.bold && !TASK_NUMBER.test(filled[0].text)) {
      return { code: nextCode(), title: filled[0].text };
    }
    return null;
  }
  if (filled.length === 2 && filled[0].index === columns.number) {
    const code = filled[0].text.replace(/\s*[.)]$/, '');
    const title = filled[1].text;
    if (ROMAN.test(code)) return { code, title };
    if (/^\d{1,2}$/.test(code) && (row.bold || (filled[1].index === columns.content && arabicGroup(code)))) return { code, title };
  }
  return null;
}

function toRoman(n: number): string {
  const numerals: Array<[number, string]> = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, numeral] of numerals) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

interface NumberedRow extends TaskRow {
  number: number;
  displayNumber: string;
}

/**
 * Gives each task row its key and display number (see parsePlan). Numbering restarts per group when a group other
 * than the first starts again at 1; the plan's own numbers are kept as keys only when they run through the plan as
 * whole numbers.
 */
function numberTasks(rows: TaskRow[], warnings: ParseWarning[]): NumberedRow[] {
  // Sub-numbers ("2.1") say nothing about restarting: only a later group starting again at a plain "1" does.
  const firstOfGroup = rows.filter((row, i) => i === 0 || rows[i - 1].group !== row.group);
  const restarts = firstOfGroup.slice(1).some((row) => row.written === '1');
  const perPlan = !restarts && rows.every((row) => !row.written.includes('.'));

  const display = (row: TaskRow) => {
    if (!restarts || row.group === '' || row.written.startsWith(`${row.group}.`)) return row.written;
    return `${row.group}.${row.written}`;
  };

  const numbered: NumberedRow[] = [];
  const seen = new Map<string, NumberedRow>();
  for (const row of rows) {
    const displayNumber = display(row);
    const first = seen.get(displayNumber);
    if (first && perPlan) {
      warnings.push({
        taskNumber: first.number,
        code: 'DUPLICATE_TASK_NUMBER',
        message: `Số thứ tự ${displayNumber} bị trùng: dòng "${excerpt(row.cells.content)}" (${describeSource(row.source)}) đã bị bỏ qua, cần sửa văn bản rồi nhập lại.`,
        source: row.source,
      });
      continue;
    }
    const number = perPlan ? Number(row.written) : numbered.length + 1;
    const task = { ...row, number, displayNumber };
    if (first) {
      warnings.push({
        taskNumber: number,
        code: 'DUPLICATE_TASK_NUMBER',
        message: `Số thứ tự ${displayNumber} bị trùng (${describeSource(first.source)} và ${describeSource(row.source)}); cả hai nhiệm vụ đều được nhập, cần sửa văn bản.`,
        source: row.source,
      });
    }
    seen.set(displayNumber, first ?? task);
    numbered.push(task);
  }
  warnings.push(...numberGaps(numbered, restarts));
  return numbered;
}

/** Gaps and disorder in the plan's numbers: across the plan, or within each group when numbering restarts. */
function numberGaps(tasks: NumberedRow[], perGroup: boolean): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  let previous = 0;
  let previousDisplay = '';
  let group: string | null = null;
  const label = (task: NumberedRow, n: number) => (perGroup && task.group ? `${task.group}.${n}` : String(n));
  for (const task of tasks) {
    if (task.written.includes('.')) continue;
    if (perGroup && task.group !== group) {
      group = task.group;
      previous = 0;
    }
    const n = Number(task.written);
    if (n > previous + 1) {
      const missing =
        n === previous + 2 ? `nhiệm vụ số ${label(task, previous + 1)}` : `các nhiệm vụ từ số ${label(task, previous + 1)} đến ${label(task, n - 1)}`;
      warnings.push({ taskNumber: task.number, code: 'NUMBER_GAP', message: `Thiếu ${missing} trước nhiệm vụ ${task.displayNumber}.` });
    } else if (n <= previous) {
      warnings.push({
        taskNumber: task.number,
        code: 'NUMBER_GAP',
        message: `Số thứ tự không liên tục: nhiệm vụ ${task.displayNumber} đứng sau nhiệm vụ ${previousDisplay}.`,
      });
    }
    previous = n;
    previousDisplay = task.displayNumber;
  }
  return warnings;
}

const COORDINATOR_NOTE = 'bước đầu tiên sẽ giao cho cán bộ đầu mối CCHC (Phòng Văn hóa - Xã hội) phân công.';

function toTask(row: NumberedRow, year: number, units: UnitDirectory, warnings: ParseWarning[]): ParsedTask {
  const { cells, number, displayNumber } = row;
  const warn = (code: string, message: string) => warnings.push({ taskNumber: number, code, message, source: row.source });
  const name = `Nhiệm vụ ${displayNumber}`;

  for (const column of ['content', 'deadline', 'product'] as const) {
    if (cells[column] === '') warn('EMPTY_CELL', `${name}: ô "${COLUMN_LABELS[column]}" để trống.`);
  }

  const lead = resolveUnits(cells.lead, units);
  const co = resolveUnits(cells.co, units);
  if (lead.codes.length === 0) {
    warn(
      'NO_LEAD_UNIT',
      cells.lead === ''
        ? `${name}: ô "${COLUMN_LABELS.lead}" để trống; ${COORDINATOR_NOTE}`
        : `${name}: "${excerpt(cells.lead)}" không có đơn vị nào của xã chủ trì; ${COORDINATOR_NOTE}`,
    );
  }
  for (const [column, resolution] of [['lead', lead], ['co', co]] as const) {
    for (const fragment of resolution.unresolved) {
      warn('UNKNOWN_UNIT', `${name}: không xác định được đơn vị "${fragment}" trong cột "${COLUMN_LABELS[column]}".`);
    }
  }

  const deadline = parseDeadline(cells.deadline, year);
  if (deadline.kind === 'UNKNOWN' && cells.deadline !== '') {
    warn('UNKNOWN_DEADLINE', `${name}: chưa hiểu được thời hạn "${deadline.raw}", cần đặt lịch thực hiện thủ công.`);
  }

  if (row.group === '') warn('MISSING_GROUP', `${name} không thuộc nhóm nhiệm vụ nào.`);

  return {
    number,
    displayNumber,
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
    source: row.source,
  };
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
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function byTaskNumber(a: ParseWarning, b: ParseWarning): number {
  return (a.taskNumber ?? 0) - (b.taskNumber ?? 0);
}
