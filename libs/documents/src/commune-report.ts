/**
 * The commune's report as a `ReportDocument`: the coordinator's sections (as approved, or as they stand) over the
 * content aggregated from the read model, which also fills both appendix tables. Pure: the caller reads the content,
 * the draft and the facts of the commune; the two renderers then print it.
 */
import type { ReportContent, ReportDraftContent, ReportDraftSection, ReportIndicatorLine, ReportTaskLine, ReportPeriod } from '@app/contracts';
import { reportSummary } from '@app/domain';
import { renderReportDocx } from './docx/report-docx';
import { renderReportXlsx } from './xlsx/report-xlsx';
import {
  REPORT_TASK_STATUS_OF,
  signedByChairman,
  signedByViceChairman,
  type DocumentDate,
  type ReportBlock,
  type ReportDocument,
  type ReportIndicator,
  type ReportSection,
  type ReportTable,
  type ReportTask,
  type SignatureBlock,
} from './report-document';
import { formatNumber, vietnameseUpperCase } from './vietnamese-format';

export interface CommuneReportFacts {
  /** As stored: "Xã An Lão". */
  communeName: string;
  /** Signed on this day once approved; undated (the clerk writes it) before. */
  date: DocumentDate;
  signature: SignatureBlock;
  /** Who receives it: "Sở Nội vụ thành phố Hải Phòng". */
  departmentName: string;
  /** The plan's decision as written ("12/QĐ-UBND"), when the plan file had one. */
  planDecisionNumber: string | null;
  /** Who keeps the file copy besides the clerk (the reviewing unit): "VHXH". */
  archiveUnit: string;
}

/** "An Lão" from "Xã An Lão". */
export function placeName(communeName: string): string {
  return communeName.replace(/^(xã|phường|thị trấn)\s+/i, '').trim();
}

/** "bao-cao-cchc-quy-i-2026": the base name of both files of a report. */
export function reportFileBase(period: ReportPeriod, year: number): string {
  const words: Record<ReportPeriod, string> = { Q1: 'quy-i', Q2: '6-thang', Q3: 'quy-iii', Q4: 'quy-iv', YEAR: 'nam' };
  return `bao-cao-cchc-${words[period]}-${year}`;
}

const paragraphs = (text: string): ReportBlock[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph', text: line }));

/** The TTHC figures of the period as a small table (section II, the area of administrative procedures). */
function serviceTable(content: ReportContent): ReportTable | null {
  const ttpvhcc = content.unitInputs.find((u) => u.unit === 'TTPVHCC' && u.status === 'APPROVED')?.content?.figures;
  if (!ttpvhcc) return null;
  const f = (k: string) => (typeof ttpvhcc[k] === 'number' ? (ttpvhcc[k] as number) : null);
  const count = (n: number | null) => (n === null ? '—' : formatNumber(n, 0));
  const share = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? '' : formatNumber((100 * part) / whole));
  const rows: string[][] = [
    ['Hồ sơ tiếp nhận', count(f('dossiersReceived')), ''],
    ['Trong đó: tiếp nhận trực tuyến', count(f('dossiersReceivedOnline')), share(f('dossiersReceivedOnline'), f('dossiersReceived'))],
    ['Hồ sơ đã giải quyết', count(f('dossiersResolved')), ''],
    ['Trong đó: giải quyết đúng hạn', count(f('dossiersOnTime')), share(f('dossiersOnTime'), f('dossiersResolved'))],
    ['Giải quyết quá hạn', count(f('dossiersLate')), share(f('dossiersLate'), f('dossiersResolved'))],
    ['Giao dịch thanh toán trực tuyến / tổng số giao dịch thanh toán', `${count(f('paymentsOnline'))}/${count(f('paymentsTotal'))}`, share(f('paymentsOnline'), f('paymentsTotal'))],
    ['Hồ sơ có kết quả giải quyết được số hóa', `${count(f('resultsDigitised'))}/${count(f('dossiersResolved'))}`, share(f('resultsDigitised'), f('dossiersResolved'))],
  ];
  if (rows.every((r) => r[1].replace(/[—/]/g, '') === '')) return null;
  return {
    kind: 'table',
    columns: [
      { header: 'Nội dung', weight: 6, align: 'left' },
      { header: 'Số lượng', weight: 2, align: 'center' },
      { header: 'Tỷ lệ (%)', weight: 2, align: 'center' },
    ],
    rows,
  };
}

function section(s: ReportDraftSection, content: ReportContent): ReportSection {
  const subsections = (s.subsections ?? [])
    .map((sub) => {
      const blocks = paragraphs(sub.text);
      if (sub.key === 'group-III') {
        const table = serviceTable(content);
        if (table) blocks.push(table);
      }
      return { title: sub.title.trim(), content: blocks };
    })
    .filter((sub) => sub.content.length > 0);
  const body = paragraphs(s.text);
  // A section left empty still says so: a reader must not wonder whether it was forgotten.
  if (body.length === 0 && subsections.length === 0) body.push({ kind: 'paragraph', text: 'Không có.' });
  return { title: s.title.trim(), content: body, ...(subsections.length ? { subsections } : {}) };
}

function task(line: ReportTaskLine): ReportTask {
  return {
    number: line.number,
    content: line.content,
    leadUnit: line.leadUnitText,
    deadlineText: line.deadlineRaw,
    dueDate: line.originalDueAt,
    status: REPORT_TASK_STATUS_OF[line.statusWord.key],
    completedOn: line.completedOn,
    product: line.product,
    progressNote: line.progressNote,
  };
}

function indicator(line: ReportIndicatorLine): ReportIndicator {
  return { name: line.name, target: line.target, value: line.value, unit: line.unit, sourceUnit: line.sourceUnitName, ...(line.note ? { note: line.note } : {}) };
}

export function communeReportDocument(content: ReportContent, draft: ReportDraftContent, facts: CommuneReportFacts): ReportDocument {
  const place = placeName(facts.communeName);
  const committee = `Ủy ban nhân dân xã ${place}`;
  const plan = facts.planDecisionNumber ? `Quyết định số ${facts.planDecisionNumber}` : 'Quyết định';
  return {
    issuer: { nameLines: ['ỦY BAN NHÂN DÂN', vietnameseUpperCase(`xã ${place}`)], name: committee },
    place,
    number: null,
    symbol: 'BC-UBND',
    date: facts.date,
    title: 'BÁO CÁO',
    summary: reportSummary(content.period, content.year),
    legalBases: [
      'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;',
      `Căn cứ ${plan} của Chủ tịch ${committee} ban hành Kế hoạch cải cách hành chính nhà nước xã ${place} năm ${content.year}.`,
    ],
    introduction: `${committee} báo cáo kết quả thực hiện công tác cải cách hành chính ${content.periodText} như sau:`,
    sections: draft.sections.map((s) => section(s, content)),
    closing: `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${content.periodText} của ${committee}`,
    signature: facts.signature,
    recipients: [`${facts.departmentName} (để báo cáo)`, 'TT Đảng ủy, TT HĐND xã', 'CT, các PCT UBND xã', 'Các phòng, ban, ngành thuộc UBND xã'],
    archive: ['VT', facts.archiveUnit],
    appendix: {
      tasksTitle: `Kết quả thực hiện nhiệm vụ của Kế hoạch cải cách hành chính năm ${content.year}`,
      indicatorsTitle: `Kết quả thực hiện các chỉ tiêu cải cách hành chính ${content.periodText}`,
      dataAsOf: content.asOf,
      groups: content.groups.map((g) => ({ code: g.code, title: g.title, tasks: g.tasks.map(task) })),
      indicators: content.indicators.map(indicator),
    },
  };
}

/** What `renderCommuneReport` needs: the read model's content, the draft, and the facts of the form. */
export interface CommuneReportSources {
  content: ReportContent;
  draft: ReportDraftContent;
  facts: {
    communeName: string;
    signedOn: string | null;
    signer: { name: string; role: 'CHAIRMAN' | 'VICE_CHAIRMAN' };
    departmentName: string;
    planDecisionNumber: string | null;
    reviewingUnit: string;
  };
}

export interface CommuneReportFiles {
  document: ReportDocument;
  docx: Buffer;
  xlsx: Buffer;
  docxName: string;
  xlsxName: string;
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Both files of a report: the ND30 text (.docx, the appendix included) and the appendix workbook (.xlsx). */
export async function renderCommuneReport(src: CommuneReportSources): Promise<CommuneReportFiles> {
  const { facts, content } = src;
  const document = communeReportDocument(content, src.draft, {
    communeName: facts.communeName,
    date: facts.signedOn ? { kind: 'dated', on: facts.signedOn } : { kind: 'undated', year: content.year },
    signature: facts.signer.role === 'VICE_CHAIRMAN' ? signedByViceChairman(facts.signer.name) : signedByChairman(facts.signer.name),
    departmentName: facts.departmentName,
    planDecisionNumber: facts.planDecisionNumber,
    archiveUnit: facts.reviewingUnit,
  });
  const [docx, xlsx] = await Promise.all([renderReportDocx(document), renderReportXlsx(document)]);
  const base = reportFileBase(content.period, content.year);
  return { document, docx, xlsx, docxName: `${base}.docx`, xlsxName: `phu-luc-${base}.xlsx` };
}
