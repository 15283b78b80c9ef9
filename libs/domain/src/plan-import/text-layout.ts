import type { DocumentRow, PlanDocument } from './document';
import { columnOf, headerColumns } from './header';

/**
 * Takes a plan saved as text apart into rows of cells. Plans reach us as text in three layouts:
 * - tab-separated, one row per line (Word's "save as text", a copy of the table): cells split at tabs;
 * - a `|` table, Markdown-like (`| 1 | Ban hành … |`, with or without the outer bars and the `|---|` line) or plain
 *   (`1 | Ban hành … | …`): cells split at bars; `**bold**` cells mark a bold row, `<br>` a line break in a cell;
 * - one cell per line (a table copied out of a PDF or a web page): the header's lines give the number of columns,
 *   and a row starts at a line holding only a task number, a group title, or the header again (see `groupRecords`);
 *   an empty line right after a repeated header starts a row broken by the page break. A cell must be one line
 *   here: a cell's second line cannot be told from the next cell.
 * The layout is the one in which a header row of the task table is found; every other line becomes a row of one
 * cell, so that a group title written as a paragraph between two tables is still seen.
 */
export function textToDocument(text: string): PlanDocument {
  // A form feed is a page break of Word's text export; a vertical tab its line break inside a cell.
  const lines = text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .split(/\r\n|\r|\n|\f/)
    .map((line) => line.replace(/\v/g, '\n'));
  const rows = tabRows(lines) ?? pipeRows(lines) ?? cellPerLineRows(lines) ?? plainRows(lines);
  return { format: 'text', lines: lines.map((line) => line.replace(/[\t\n]+/g, ' ').trim()), sections: [rows] };
}

const lineSource = (index: number) => ({ kind: 'line' as const, line: index + 1 });

/** A cell's text trimmed, and each of its lines too. */
const trimCell = (cell: string) =>
  cell
    .split('\n')
    .map((part) => part.trim())
    .join('\n')
    .trim();

/** Lines that are not part of the table, as rows of one cell; blank lines are no rows. */
function plainRow(line: string, index: number): DocumentRow[] {
  const text = line.trim();
  return text === '' ? [] : [{ cells: [text], source: lineSource(index) }];
}

function plainRows(lines: string[]): DocumentRow[] {
  return lines.flatMap(plainRow);
}

function tabRows(lines: string[]): DocumentRow[] | null {
  const split = (line: string) => line.split('\t').map(trimCell);
  if (!lines.some((line) => line.includes('\t') && headerColumns(split(line)))) return null;
  return lines.flatMap((line, index) =>
    line.includes('\t') && line.trim() !== '' ? [{ cells: split(line), source: lineSource(index) }] : plainRow(line, index),
  );
}

const PIPE_SEPARATOR_LINE = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function splitPipes(line: string): { cells: string[]; bold: boolean } {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  let allBold = true;
  let anyText = false;
  const cells = body.split(/(?<!\\)\|/).map((raw) => {
    let cell = raw.trim().replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '\n');
    const bold = /^\*\*[\s\S]*\*\*$/.test(cell) && cell.length >= 4;
    if (bold) cell = cell.slice(2, -2).trim();
    if (cell !== '') {
      anyText = true;
      if (!bold) allBold = false;
    }
    return trimCell(cell);
  });
  return { cells, bold: anyText && allBold };
}

function pipeRows(lines: string[]): DocumentRow[] | null {
  if (!lines.some((line) => line.includes('|') && headerColumns(splitPipes(line).cells))) return null;
  return lines.flatMap((line, index): DocumentRow[] => {
    if (!line.includes('|')) return plainRow(line, index);
    if (PIPE_SEPARATOR_LINE.test(line)) return [];
    const { cells, bold } = splitPipes(line);
    return [{ cells, source: lineSource(index), ...(bold ? { bold } : {}) }];
  });
}

interface Header {
  start: number;
  labels: string[];
}

/** The first run of lines that reads as a header of the task table, one label per line. */
function findCellPerLineHeader(lines: string[]): Header | null {
  for (let start = 0; start < lines.length; start++) {
    if (columnOf(lines[start]) !== 'number') continue;
    const labels: string[] = [];
    for (let i = start; i < lines.length && lines[i].trim() !== '' && columnOf(lines[i]) !== null; i++) {
      labels.push(lines[i].trim());
    }
    if (headerColumns(labels)) return { start, labels };
  }
  return null;
}

const TASK_NUMBER_LINE = /^\d{1,4}(?:\.\d{1,3})*\.?$/;
const ROMAN_LINE = /^[IVX]{1,6}\.?$/;
const GROUP_TITLE_LINE = /^(?:[IVX]{1,6}|\d{1,2})\s*[.)]\s+\S/;

function cellPerLineRows(lines: string[]): DocumentRow[] | null {
  const header = findCellPerLineHeader(lines);
  if (!header) return null;
  const width = header.labels.length;
  const isHeaderAt = (i: number) => header.labels.every((label, k) => (lines[i + k] ?? '').trim() === label);
  const startsRow = (i: number) => {
    const line = lines[i].trim();
    return (
      // Not a lone "-": tables copied from a PDF often show an empty cell as "-".
      TASK_NUMBER_LINE.test(line) || ROMAN_LINE.test(line) || GROUP_TITLE_LINE.test(line) || isHeaderAt(i)
    );
  };

  const rows: DocumentRow[] = lines.slice(0, header.start).flatMap(plainRow);
  let i = header.start;
  while (i < lines.length) {
    let continuesRow = false;
    if (isHeaderAt(i)) {
      rows.push({ cells: header.labels, source: lineSource(i) });
      i += width;
      // An empty line right after a repeated header is the empty number cell of a row broken by the page break.
      continuesRow = i < lines.length && lines[i].trim() === '';
      if (!continuesRow) continue;
    }
    if (!continuesRow && !startsRow(i)) {
      rows.push(...plainRow(lines[i], i));
      i++;
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !startsRow(end)) end++;
    rows.push(...groupRecords(lines, i, end, width));
    i = end;
  }
  return rows;
}

/**
 * One record of a cell-per-line table: the lines from a row start to the next. Blank lines are empty cells when
 * the record then has the header's width, and separators when only the non-blank lines fit. Lines after a full
 * row and a blank line are text after the table (a signature) and become rows of one cell.
 */
function groupRecords(lines: string[], from: number, to: number, width: number): DocumentRow[] {
  let end = to;
  while (end > from + 1 && lines[end - 1].trim() === '') end--;
  const record = lines.slice(from, end).map((line) => line.trim());
  if (record.length <= width) return [{ cells: record, source: lineSource(from) }];
  const nonBlank = record.filter((line) => line !== '');
  if (record[width] !== '' && nonBlank.length <= width) return [{ cells: nonBlank, source: lineSource(from) }];
  const rest = lines.slice(from + width, end).flatMap((line, k) => plainRow(line, from + width + k));
  return [{ cells: record.slice(0, width), source: lineSource(from) }, ...rest];
}
