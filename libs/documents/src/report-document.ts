import type { ReportTotals } from '@app/contracts';
import { indicatorMet as metOf, STATUS_WORDS, type StatusWord } from '@app/domain';

/**
 * The content of a commune's CCHC report (quarterly or annual) as the two renderers need it: the ND30 text
 * (.docx) and the appendix workbook (.xlsx). It is data only: the report workflow fills it from the read model,
 * the renderers never look anything up.
 *
 * Conventions:
 * - Dates are ISO calendar dates (YYYY-MM-DD), never `Date`: a deadline is a day in Vietnam, not an instant.
 * - Text is Vietnamese as printed (NFC). Headings are given in sentence case; the renderer capitalises
 *   section headings, because ND30 prints them in capitals and an upper-cased source cannot be lowered back.
 * - Numbering (I., 1., a)) is generated from position, so inserting a paragraph never leaves a gap.
 */

/** YYYY-MM-DD. */
export type IsoDate = string;

export interface ReportDocument {
  issuer: Issuer;
  /** Place name printed before the date: "An Lão". */
  place: string;
  /** Registered number; null while the draft waits for the clerk (printed "Số:     /BC-UBND"). */
  number: number | null;
  /** Kind and issuer code after the slash: "BC-UBND". */
  symbol: string;
  date: DocumentDate;
  /** "BÁO CÁO". */
  title: string;
  /** Bold line under the title: "Kết quả thực hiện công tác cải cách hành chính Quý IV năm 2026". */
  summary: string;
  /** "Căn cứ …;" paragraphs, printed in italics as ND30 prints the grounds of a document. */
  legalBases: string[];
  /** The sentence that opens the body: "Ủy ban nhân dân xã An Lão báo cáo … như sau:". */
  introduction: string;
  sections: ReportSection[];
  /** Last sentence of the body ("Trên đây là báo cáo …"); "./." is added when missing. */
  closing: string;
  signature: SignatureBlock;
  /** Recipients without the leading "- " and trailing ";" (the renderer writes them). */
  recipients: string[];
  /** Who keeps the archive copy: ["VT", "VHXH"] → "- Lưu: VT, VHXH.". */
  archive: string[];
  appendix: ReportAppendix;
}

export interface Issuer {
  /** The issuing body as printed at the top left, one entry per line: ["ỦY BAN NHÂN DÂN", "XÃ AN LÃO"]. */
  nameLines: string[];
  /** The body in running text: "Ủy ban nhân dân xã An Lão" (appendix captions). */
  name: string;
}

/**
 * When the report is signed. A draft leaves day and month blank for the clerk to write in after signing
 * ("ngày    tháng    năm 2026"), so the year alone is a valid date line.
 */
export type DocumentDate = { kind: 'dated'; on: IsoDate } | { kind: 'undated'; year: number };

export interface ReportSection {
  /** "Công tác chỉ đạo, điều hành cải cách hành chính" → "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH …". */
  title: string;
  /** Text before the first subsection. */
  content: ReportBlock[];
  /** Numbered 1., 2., … */
  subsections?: ReportSubsection[];
}

export interface ReportSubsection {
  title: string;
  content: ReportBlock[];
  /** Lettered a), b), c), d), đ), e), … (the Vietnamese sequence). */
  items?: ReportItem[];
}

export interface ReportItem {
  title: string;
  content: ReportBlock[];
}

export type ReportBlock = ReportParagraph | ReportTable;

export interface ReportParagraph {
  kind: 'paragraph';
  /** Plain text, or runs when part of it is bold or italic. A leading "- " is a list dash, kept as written. */
  text: string | TextPart[];
}

export interface TextPart {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A small table inside the body (figures of a reform area). Cells are printed as given. */
export interface ReportTable {
  kind: 'table';
  columns: ReportTableColumn[];
  rows: string[][];
  /** Print the last row in bold (a total). */
  lastRowIsTotal?: boolean;
}

export interface ReportTableColumn {
  header: string;
  /** Share of the text width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

/**
 * The signer's block: `TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH` when the Chairman signs for the committee,
 * `KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH` when a Vice Chairman signs on the Chairman's behalf.
 */
export interface SignatureBlock {
  authority: string;
  position: string;
  signerName: string;
}

export function signedByChairman(signerName: string, body = 'ỦY BAN NHÂN DÂN'): SignatureBlock {
  return { authority: `TM. ${body}`, position: 'CHỦ TỊCH', signerName };
}

export function signedByViceChairman(signerName: string): SignatureBlock {
  return { authority: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', signerName };
}

export interface ReportAppendix {
  /** Title of the task table: "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH QUÝ IV NĂM 2026". */
  tasksTitle: string;
  /** Title of the indicator table. */
  indicatorsTitle: string;
  /** Day the statuses and figures were taken. */
  dataAsOf: IsoDate;
  /** The plan's groups I–VII in plan order, each with its tasks in plan order. */
  groups: ReportTaskGroup[];
  indicators: ReportIndicator[];
}

export interface ReportTaskGroup {
  /** Roman numeral as in the plan: "I" … "VII". */
  code: string;
  title: string;
  tasks: ReportTask[];
}

export interface ReportTask {
  /** TT in the plan. */
  number: number;
  content: string;
  leadUnit: string;
  /** The plan's "Thời gian thực hiện/hoàn thành" cell exactly as written. */
  deadlineText: string;
  /** The due date that applies to this report; null for continuous tasks and requests not yet dated. */
  dueDate: IsoDate | null;
  status: ReportTaskStatus;
  completedOn: IsoDate | null;
  product: string;
  progressNote: string;
}

export const REPORT_TASK_STATUSES = [
  'DONE_ON_TIME',
  'DONE_LATE',
  'IN_PROGRESS',
  'IN_PROGRESS_OVERDUE',
  'NOT_STARTED',
  'NOT_DONE_LATE_ACTIVATION',
  'NO_DEADLINE',
  'WITHDRAWN',
] as const;
export type ReportTaskStatus = (typeof REPORT_TASK_STATUSES)[number];

/** The document's status of each status word of libs/domain (the one home of the words and of how they are counted). */
export const REPORT_TASK_STATUS_OF: Record<StatusWord, ReportTaskStatus> = {
  DONE_ON_TIME: 'DONE_ON_TIME',
  DONE_LATE: 'DONE_LATE',
  IN_PROGRESS_ON_TIME: 'IN_PROGRESS',
  IN_PROGRESS_LATE: 'IN_PROGRESS_OVERDUE',
  NOT_STARTED: 'NOT_STARTED',
  MISSED: 'NOT_DONE_LATE_ACTIVATION',
  NO_DEADLINE: 'NO_DEADLINE',
  WITHDRAWN: 'WITHDRAWN',
};

/** The words Vietnamese CCHC trackers print in the status column: the status words of libs/domain. */
export const REPORT_TASK_STATUS_LABELS: Record<ReportTaskStatus, string> = Object.fromEntries(
  (Object.keys(REPORT_TASK_STATUS_OF) as StatusWord[]).map((key) => [REPORT_TASK_STATUS_OF[key], STATUS_WORDS[key]]),
) as Record<ReportTaskStatus, string>;

/**
 * Counts of a group (or of the whole plan). `open` is every task not finished (in progress, overdue, not started
 * or without a date yet); `openOverdue` the part of it already past its due date. A task not done because it was
 * activated late is in `total` and `notCounted` only: trackers leave it out of both the on-time and the late
 * figures; a task withdrawn from the plan by an amendment is in `total` and `withdrawn` only.
 */
export type TaskTotals = ReportTotals;

/** Totals are always counted from the rows, never carried beside them, so the two cannot disagree. */
export function taskTotals(tasks: readonly ReportTask[]): TaskTotals {
  const count = (...statuses: ReportTaskStatus[]) => tasks.filter((t) => statuses.includes(t.status)).length;
  return {
    total: tasks.length,
    doneOnTime: count('DONE_ON_TIME'),
    doneLate: count('DONE_LATE'),
    open: count('IN_PROGRESS', 'IN_PROGRESS_OVERDUE', 'NOT_STARTED', 'NO_DEADLINE'),
    openOverdue: count('IN_PROGRESS_OVERDUE'),
    notCounted: count('NOT_DONE_LATE_ACTIVATION'),
    withdrawn: count('WITHDRAWN'),
  };
}

export interface ReportIndicator {
  name: string;
  /** Null when the plan sets no target (the figure is reported for information). */
  target: IndicatorTarget | null;
  /** In `unit`; null when the figure is not available yet. */
  value: number | null;
  /** "%" for rates (value 96.8 means 96,8%), or a count unit such as "hồ sơ". */
  unit: string;
  /** The unit that supplies the figure. */
  sourceUnit: string;
  note?: string;
}

export interface IndicatorTarget {
  /** How the value compares with the target: "≥ 90%", "> 100%", "100%", "≤ 5%". */
  comparison: 'atLeast' | 'moreThan' | 'exactly' | 'atMost';
  value: number;
}

/** Met, not met, or null when there is nothing to judge (no target or no figure): libs/domain's rule. */
export function indicatorMet(indicator: ReportIndicator): boolean | null {
  return metOf(indicator.target, indicator.value);
}
