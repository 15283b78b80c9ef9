import { DomUtils, parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import { PlanParseError, type DocumentRow, type PlanDocument } from '@app/domain';

/**
 * A Word .docx as rows of cells. mammoth reads the Word file (runs, bold, line breaks, fields, tracked changes,
 * content controls, merged cells as colspan/rowspan, "repeat as header row") into HTML; here the HTML's tables
 * are laid back onto their grid:
 * - a cell spanning columns (a group row merged across the table) keeps its text in its first column, the others
 *   are empty;
 * - a cell spanning rows (a lead unit merged over several tasks) repeats its text in each row it covers, marked
 *   `mergedFromAbove` below its first row, so that every task gets its unit and nothing is joined twice;
 * - paragraphs inside a cell and line breaks become "\n"; a row is bold when all of its text is;
 * - a cell holding only Word's automatic numbering (the number is drawn by Word, not written) is marked
 *   `autoNumbered`, so that the parser can number the task instead of taking it for a continued row.
 * Paragraphs between tables are rows of one cell, so that a group title written between two tables and a table
 * split over pages (several tables, or a row broken in two) read as one table.
 */
export async function readDocx(bytes: Uint8Array): Promise<PlanDocument> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        // Pictures (seals, signatures) are of no use to the parser; an empty source keeps the HTML small.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
        // A TT cell numbered by Word is an empty list paragraph: kept, it shows as <li></li> (see readTable).
        ignoreEmptyParagraphs: false,
      },
    );
    html = result.value;
  } catch {
    throw new PlanParseError('Không đọc được tệp Word (.docx): tệp bị hỏng hoặc không đúng định dạng; hãy mở và lưu lại tệp rồi thử lại.');
  }

  const lines: string[] = [];
  const rows: DocumentRow[] = [];
  let tables = 0;
  let paragraphs = 0;
  for (const node of parseDocument(html).children) {
    if (!isElement(node)) continue;
    if (node.name === 'table') {
      tables++;
      const tableRows = readTable(node, tables);
      rows.push(...tableRows);
      for (const row of tableRows) for (const cell of row.cells) if (cell !== '') lines.push(...cell.split('\n'));
      continue;
    }
    for (const block of blocks(node)) {
      const text = cellText(block);
      if (text === '') continue;
      paragraphs++;
      lines.push(...text.split('\n'));
      rows.push({ cells: [text], source: { kind: 'paragraph', paragraph: paragraphs }, ...(isBold(block) ? { bold: true } : {}) });
    }
  }
  return { format: 'docx', lines, sections: [rows] };
}

type ChildNode = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<ChildNode, { attribs: Record<string, string> }>;
const isElement = (node: ChildNode | null): node is Element => node !== null && DomUtils.isTag(node);
const children = (node: Element) => node.children.filter(isElement);

/** The paragraphs of a top-level element: itself, or the items of a list. */
function blocks(node: Element): Element[] {
  if (node.name === 'ul' || node.name === 'ol') return children(node).flatMap((item) => (item.name === 'li' ? [item] : blocks(item)));
  return [node];
}

/** Text of a cell or paragraph: one line per paragraph (or list item), "\n" for a line break, lines trimmed. */
function cellText(node: Element): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    lines.push(current.replace(/[ \t\u00a0]+/g, ' ').trim());
    current = '';
  };
  const walk = (child: ChildNode) => {
    if (DomUtils.isText(child)) {
      current += child.data;
      return;
    }
    if (!isElement(child)) return;
    if (child.name === 'br') return flush();
    const block = ['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table'].includes(child.name);
    if (block) flush();
    child.children.forEach(walk);
    if (block) flush();
    else if (child.name === 'td' || child.name === 'th') current += ' ';
  };
  node.children.forEach(walk);
  flush();
  return lines.filter((line) => line !== '').join('\n');
}

/** All text of the element is inside <strong> (or <b>), and there is some. */
function isBold(node: Element): boolean {
  const texts = DomUtils.filter((child) => DomUtils.isText(child) && child.data.trim() !== '', node.children, true);
  if (texts.length === 0) return false;
  return texts.every((text) => {
    for (let parent = text.parent; parent && parent !== node; parent = parent.parent) {
      if (isElement(parent as ChildNode) && ['strong', 'b'].includes((parent as Element).name)) return true;
    }
    return false;
  });
}

/** The rows of an HTML table laid onto its grid (see readDocx); rows are numbered from 1 within the table. */
function readTable(table: Element, tableNumber: number): DocumentRow[] {
  const trs = DomUtils.getElementsByTagName('tr', table.children, true).filter((tr) => nearestTable(tr) === table);
  // Columns still covered by a cell spanning rows from above: its text and how many more rows it covers.
  const spanning = new Map<number, { text: string; rows: number }>();
  return trs.map((tr, index) => {
    const cells: string[] = [];
    const mergedFromAbove: boolean[] = [];
    const autoNumbered: boolean[] = [];
    const push = (text: string, merged: boolean, numbered = false) => {
      cells.push(text);
      mergedFromAbove.push(merged);
      autoNumbered.push(numbered);
    };
    const fillSpanned = () => {
      for (let span = spanning.get(cells.length); span && span.rows > 0; span = spanning.get(cells.length)) {
        push(span.text, true);
        span.rows--;
      }
    };
    for (const td of children(tr).filter((child) => child.name === 'td' || child.name === 'th')) {
      fillSpanned();
      const text = cellText(td);
      // Word's own numbering puts the number in the list, not in the text: an empty list item.
      const numbered = text === '' && DomUtils.getElementsByTagName('li', td.children, true).length > 0;
      const colspan = Math.max(1, Number(td.attribs.colspan ?? 1) || 1);
      const rowspan = Math.max(1, Number(td.attribs.rowspan ?? 1) || 1);
      for (let k = 0; k < colspan; k++) {
        const column = cells.length;
        push(k === 0 ? text : '', false, k === 0 && numbered);
        if (rowspan > 1) spanning.set(column, { text: k === 0 ? text : '', rows: rowspan - 1 });
      }
    }
    fillSpanned();
    // Spans that end beyond the last cell of a short row.
    for (const [column, span] of [...spanning.entries()].sort(([a], [b]) => a - b)) {
      if (column < cells.length || span.rows === 0) continue;
      while (cells.length < column) push('', false);
      push(span.text, true);
      span.rows--;
    }
    const row: DocumentRow = { cells, source: { kind: 'row', row: index + 1, table: tableNumber } };
    if (isBold(tr)) row.bold = true;
    if (mergedFromAbove.some(Boolean)) row.mergedFromAbove = mergedFromAbove;
    if (autoNumbered.some(Boolean)) row.autoNumbered = autoNumbered;
    return row;
  });
}

function nearestTable(node: Element): Element | null {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (isElement(parent as ChildNode) && (parent as Element).name === 'table') return parent as Element;
  }
  return null;
}
