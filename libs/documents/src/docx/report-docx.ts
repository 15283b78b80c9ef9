import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import {
  INDICATOR_COLUMNS,
  TASK_COLUMNS,
  appendixCaption,
  cellText,
  indicatorRows,
  taskTableRows,
  type AppendixColumn,
} from '../appendix-table';
import type { ReportBlock, ReportDocument, ReportTable, TextPart } from '../report-document';
import {
  documentNumberLine,
  itemLetter,
  placeAndDateLine,
  romanNumeral,
  shortDate,
  vietnameseUpperCase,
} from '../vietnamese-format';
import {
  A4,
  FIRST_LINE_INDENT,
  FONT,
  LANDSCAPE_MARGINS_MM,
  PORTRAIT_MARGINS_MM,
  SIZE,
  estimateLineWidthPt,
  halfPoints,
  textWidth,
  twipsFromMm,
  type MarginsMm,
} from './nd30-layout';

/**
 * The report as an ND30 administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I): a portrait section with
 * the heading, title, body, signature and recipients, then a landscape section with the two appendix tables.
 *
 * The appendix is printed in the .docx as well as written to the .xlsx: the signed and stamped copy that goes on
 * file is this document, and ND30 has an appendix travel with the text it is attached to ("Kèm theo Báo cáo
 * số …"); the workbook is for the Sở to aggregate figures, not a substitute for the signed copy.
 */
export async function renderReportDocx(doc: ReportDocument): Promise<Buffer> {
  const file = new Document({
    creator: doc.issuer.name,
    title: `${doc.title} ${doc.summary}`,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: halfPoints(SIZE.body), language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections: [mainSection(doc), appendixSection(doc)],
  });
  return Packer.toBuffer(file);
}

const PORTRAIT_TEXT_WIDTH = textWidth(A4.width, PORTRAIT_MARGINS_MM);
const LANDSCAPE_TEXT_WIDTH = textWidth(A4.height, LANDSCAPE_MARGINS_MM);

/** Spacing in twips: 20 per point. */
const pt = (points: number) => points * 20;

const NO_BORDER: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const THIN_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID_BORDERS = {
  top: THIN_BORDER,
  bottom: THIN_BORDER,
  left: THIN_BORDER,
  right: THIN_BORDER,
  insideHorizontal: THIN_BORDER,
  insideVertical: THIN_BORDER,
};

function pageMargins(m: MarginsMm) {
  return {
    top: twipsFromMm(m.top),
    bottom: twipsFromMm(m.bottom),
    left: twipsFromMm(m.left),
    right: twipsFromMm(m.right),
    header: twipsFromMm(m.header),
    footer: twipsFromMm(m.header),
  };
}

/** Page number centred in the top margin (ND30); the first page gets an empty header instead. */
function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(SIZE.pageNumber) })],
      }),
    ],
  });
}

interface RunStyle {
  size?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    // Text pasted from other software may come decomposed (NFD): Word then draws the marks beside the letters.
    text: text.normalize('NFC'),
    bold: style.bold,
    italics: style.italic,
    size: halfPoints(style.size ?? SIZE.body),
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

function centred(text: string, style: RunStyle, spacingBeforePt = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: pt(spacingBeforePt) },
    children: [run(text, style)],
  });
}

/**
 * A short solid rule centred under a line of text, as ND30 draws under the issuer's name and under the summary
 * line: the bottom border of an empty, nearly zero-height paragraph whose indents leave the rule's width.
 */
function shortRule(availableTwips: number, ruleTwips: number): Paragraph {
  const side = Math.max(0, Math.round((availableTwips - ruleTwips) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    // The few points above keep the rule clear of descenders (g, p, ậ) in the line it sits under.
    spacing: { before: pt(2), after: 0, line: pt(2), lineRule: LineRuleType.EXACT },
    run: { size: 2 },
    children: [],
  });
}

/** Rule under a line: `fraction` of the line's estimated width, never wider than the room. */
function ruleUnder(text: string, sizePt: number, availableTwips: number, fraction: number): Paragraph {
  const lineTwips = Math.min(pt(estimateLineWidthPt(text, sizePt, true)), availableTwips);
  return shortRule(availableTwips, Math.round(lineTwips * fraction));
}

function bodyParagraph(parts: TextPart[], opts: { keepNext?: boolean; spacingBeforePt?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: pt(opts.spacingBeforePt ?? 6), line: 276, lineRule: LineRuleType.AUTO },
    keepNext: opts.keepNext,
    children: parts.map((p) => run(p.text, { bold: p.bold, italic: p.italic })),
  });
}

function asParts(text: string | TextPart[], style: Omit<TextPart, 'text'> = {}): TextPart[] {
  return typeof text === 'string' ? [{ text, ...style }] : text.map((p) => ({ ...style, ...p }));
}

function cellParagraphs(text: string, style: RunStyle, align: 'left' | 'center' | 'right', keepNext = false): Paragraph[] {
  const alignment = align === 'center' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  // Line breaks inside a cell become paragraphs, so that Word and LibreOffice wrap them the same way.
  return text.split('\n').map(
    (line) => new Paragraph({ alignment, keepNext, spacing: { before: pt(1), after: pt(1) }, children: [run(line, style)] }),
  );
}

function gridCell(width: number, children: Paragraph[], opts: { span?: number; vAlign?: 'top' | 'center' } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: opts.vAlign === 'center' ? VerticalAlign.CENTER : VerticalAlign.TOP,
    margins: { left: pt(3), right: pt(3), top: pt(1), bottom: pt(1) },
    children,
  });
}

// ---------------------------------------------------------------- first page: heading and title

/** Width of the heading's left column (issuer, number); the right one holds the national name and the date. */
const HEADING_LEFT = twipsFromMm(62);

function headingTable(doc: ReportDocument): Table {
  const right = PORTRAIT_TEXT_WIDTH - HEADING_LEFT;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      children,
    });
  const issuerLines = doc.issuer.nameLines;
  const longestIssuerLine = issuerLines.reduce((a, b) => (estimateLineWidthPt(b, SIZE.issuer, true) > estimateLineWidthPt(a, SIZE.issuer, true) ? b : a), '');
  const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
  const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADING_LEFT, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(HEADING_LEFT, [
            ...issuerLines.map((line) => centred(line, { size: SIZE.issuer, bold: true })),
            // ND30: one third to one half of the line above; 40 % sits in the middle of that range.
            ruleUnder(longestIssuerLine, SIZE.issuer, HEADING_LEFT, 0.4),
          ]),
          cell(right, [
            centred(NATIONAL_NAME, { size: SIZE.nationalName, bold: true }),
            // The motto's own underline is exactly as long as the text, which is what ND30 asks for.
            centred(MOTTO, { size: SIZE.motto, bold: true, underline: true }),
          ]),
        ],
      }),
      new TableRow({
        children: [
          cell(HEADING_LEFT, [centred(documentNumberLine(doc.number, doc.symbol), { size: SIZE.number }, 8)]),
          cell(right, [centred(placeAndDateLine(doc.place, doc.date), { size: SIZE.placeDate, italic: true }, 8)]),
        ],
      }),
    ],
  });
}

function titleBlock(doc: ReportDocument): Paragraph[] {
  return [
    centred(vietnameseUpperCase(doc.title), { size: SIZE.title, bold: true }, 24),
    centred(doc.summary, { size: SIZE.summary, bold: true }),
    ruleUnder(doc.summary, SIZE.summary, PORTRAIT_TEXT_WIDTH, 1 / 3),
    new Paragraph({ spacing: { before: pt(6) }, children: [] }),
  ];
}

// ---------------------------------------------------------------- body

function blocks(content: ReportBlock[], tableWidth: number): (Paragraph | Table)[] {
  return content.map((block) => (block.kind === 'paragraph' ? bodyParagraph(asParts(block.text)) : bodyTable(block, tableWidth)));
}

function bodyTable(table: ReportTable, width: number): Table {
  const totalWeight = table.columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = table.columns.map((c) => Math.floor((width * c.weight) / totalWeight));
  const row = (cells: string[], style: RunStyle, header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((text, i) =>
        gridCell(widths[i], cellParagraphs(text, { size: SIZE.bodyTable, ...style }, header ? 'center' : (table.columns[i].align ?? 'left')), {
          vAlign: 'center',
        }),
      ),
    });
  const last = table.rows.length - 1;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows: [
      row(table.columns.map((c) => c.header), { bold: true }, true),
      ...table.rows.map((cells, i) => row(cells, { bold: table.lastRowIsTotal === true && i === last }, false)),
    ],
  });
}

function sectionsBody(doc: ReportDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  doc.sections.forEach((section, s) => {
    out.push(bodyParagraph([{ text: `${romanNumeral(s + 1)}. ${vietnameseUpperCase(section.title)}`, bold: true }], { keepNext: true, spacingBeforePt: 10 }));
    out.push(...blocks(section.content, PORTRAIT_TEXT_WIDTH));
    (section.subsections ?? []).forEach((sub, i) => {
      out.push(bodyParagraph([{ text: `${i + 1}. ${sub.title}`, bold: true }], { keepNext: true }));
      out.push(...blocks(sub.content, PORTRAIT_TEXT_WIDTH));
      (sub.items ?? []).forEach((item, j) => {
        out.push(bodyParagraph([{ text: `${itemLetter(j)}) ${item.title}`, italic: true }], { keepNext: true }));
        out.push(...blocks(item.content, PORTRAIT_TEXT_WIDTH));
      });
    });
  });
  return out;
}

function withEndMark(text: string): string {
  const trimmed = text.trimEnd();
  if (trimmed.endsWith('./.')) return trimmed;
  return `${trimmed.replace(/[.;:,]+$/, '')}./.`;
}

// ---------------------------------------------------------------- signature and recipients

const RECIPIENTS_WIDTH = twipsFromMm(72);

/** "Nơi nhận" at the left and the signature at the right, side by side as ND30 places them. */
function signatureTable(doc: ReportDocument): Table {
  const right = PORTRAIT_TEXT_WIDTH - RECIPIENTS_WIDTH;
  const cell = (width: number, children: Paragraph[]) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      children,
    });
  const recipient = (text: string) =>
    new Paragraph({ children: [run(text, { size: SIZE.recipients })] });
  const archive = `- Lưu: ${doc.archive.join(', ')}.`;
  const sig = doc.signature;
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [RECIPIENTS_WIDTH, right],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(RECIPIENTS_WIDTH, [
            new Paragraph({ spacing: { before: pt(12) }, children: [run('Nơi nhận:', { size: SIZE.recipientsLabel, bold: true, italic: true })] }),
            ...doc.recipients.map((r) => recipient(`- ${r.replace(/[;.]+$/, '')};`)),
            recipient(archive),
          ]),
          cell(right, [
            centred(vietnameseUpperCase(sig.authority), { size: SIZE.signature, bold: true }, 12),
            centred(vietnameseUpperCase(sig.position), { size: SIZE.signature, bold: true }),
            // Room for the signature and the seal.
            centred(sig.signerName, { size: SIZE.signature, bold: true }, 80),
          ]),
        ],
      }),
    ],
  });
}

function mainSection(doc: ReportDocument): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: pageMargins(PORTRAIT_MARGINS_MM),
      },
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children: [
      headingTable(doc),
      ...titleBlock(doc),
      ...doc.legalBases.map((basis) => bodyParagraph(asParts(basis, { italic: true }))),
      bodyParagraph(asParts(doc.introduction)),
      ...sectionsBody(doc),
      bodyParagraph(asParts(withEndMark(doc.closing)), { keepNext: true }),
      signatureTable(doc),
    ],
  };
}

// ---------------------------------------------------------------- appendix (landscape)

function appendixHeading(label: string, title: string, caption: string, asOf: string, pageBreak: boolean): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      pageBreakBefore: pageBreak,
      children: [run(label, { size: SIZE.title, bold: true })],
    }),
    centred(title, { size: SIZE.title, bold: true }),
    centred(caption, { size: SIZE.placeDate, italic: true }),
    ruleUnder(caption, SIZE.placeDate, LANDSCAPE_TEXT_WIDTH, 1 / 4),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: pt(6), after: pt(4) },
      children: [run(asOf, { size: 12, italic: true })],
    }),
  ];
}

function headerRow<Row>(columns: AppendixColumn<Row>[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => gridCell(widths[i], cellParagraphs(c.header, { size: SIZE.appendixTable, bold: true }, 'center'), { vAlign: 'center' })),
  });
}

function dataRow<Row>(columns: AppendixColumn<Row>[], widths: number[], row: Row): TableRow {
  return new TableRow({
    cantSplit: true,
    children: columns.map((c, i) => gridCell(widths[i], cellParagraphs(cellText(c.cell(row)), { size: SIZE.appendixTable }, c.align))),
  });
}

/**
 * A row whose first cell holds `first` and whose other cells merge into one holding `rest`. `keepNext` holds a
 * group's heading row on the page of its first task.
 */
function spanRow(widths: number[], first: string, rest: string, style: RunStyle, keepNext = false): TableRow {
  const restWidth = widths.slice(1).reduce((a, b) => a + b, 0);
  return new TableRow({
    cantSplit: true,
    children: [
      gridCell(widths[0], cellParagraphs(first, { size: SIZE.appendixTable, ...style }, 'center', keepNext)),
      gridCell(restWidth, cellParagraphs(rest, { size: SIZE.appendixTable, ...style }, 'left', keepNext), { span: widths.length - 1 }),
    ],
  });
}

function taskTable(doc: ReportDocument): Table {
  const widths = TASK_COLUMNS.map((c) => twipsFromMm(c.widthMm));
  const rows = taskTableRows(doc.appendix).map((r) => {
    switch (r.kind) {
      case 'group':
        return spanRow(widths, r.group.code, r.group.title, { bold: true }, true);
      case 'task':
        return dataRow(TASK_COLUMNS, widths, r.task);
      case 'groupTotals':
        return spanRow(widths, '', r.text, { italic: true });
      case 'grandTotals':
        return spanRow(widths, '', r.text, { bold: true });
    }
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows: [headerRow(TASK_COLUMNS, widths), ...rows],
  });
}

function indicatorTable(doc: ReportDocument): Table {
  const widths = INDICATOR_COLUMNS.map((c) => twipsFromMm(c.widthMm));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID_BORDERS,
    rows: [headerRow(INDICATOR_COLUMNS, widths), ...indicatorRows(doc.appendix).map((r) => dataRow(INDICATOR_COLUMNS, widths, r))],
  });
}

function appendixSection(doc: ReportDocument): ISectionOptions {
  const caption = appendixCaption(doc);
  const asOf = `Số liệu tính đến ngày ${shortDate(doc.appendix.dataAsOf)}`;
  return {
    properties: {
      page: {
        // docx swaps width and height for a landscape section; pass the portrait A4 sizes.
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: pageMargins(LANDSCAPE_MARGINS_MM),
      },
    },
    headers: { default: pageNumberHeader() },
    children: [
      ...appendixHeading('PHỤ LỤC I', vietnameseUpperCase(doc.appendix.tasksTitle), caption, asOf, false),
      taskTable(doc),
      ...appendixHeading('PHỤ LỤC II', vietnameseUpperCase(doc.appendix.indicatorsTitle), caption, asOf, true),
      indicatorTable(doc),
    ],
  };
}
