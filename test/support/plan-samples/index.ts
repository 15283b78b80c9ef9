import { readFileSync } from 'fs';
import path from 'path';
import type { ParsedPlan } from '@app/contracts';
import { parsePlan, textToDocument, type PlanDocument } from '@app/domain';
import { seedAsExcel, seedAsWord } from './office';
import { cellPerLineText, perGroupNumberingText, pipeTableText } from './text-layouts';

export { excelFile, wordFile, type SheetSpec, type WordBlock, type WordCell, type WordRow } from './office';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEED_PLAN_FILE = path.join(ROOT, 'data', 'seed', 'ke-hoach-cchc-an-lao-2026.txt');
export const SAMPLES_DIR = path.join(ROOT, 'data', 'samples');

export interface Seed {
  text: string;
  document: PlanDocument;
  plan: ParsedPlan;
}

export function loadSeed(): Seed {
  const text = readFileSync(SEED_PLAN_FILE, 'utf8');
  return { text, document: textToDocument(text), plan: parsePlan(text) };
}

export interface Sample {
  file: string;
  /** What the file shows, in the words of the README. */
  layout: string;
  bytes(seed: Seed): Promise<Uint8Array>;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Notepad's "Unicode": UTF-16 little-endian with its byte-order mark. */
const utf16le = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));

/** The seed's appendix in each format and layout `npm run plan:samples` writes; each must read as the seed does. */
export const SEED_SAMPLES: Sample[] = [
  {
    file: 'ke-hoach-an-lao-2026.docx',
    layout: 'Word: bảng chia theo trang, tiêu đề lặp lại, dòng nhóm gộp ô, nhiệm vụ 19 bị ngắt trang',
    bytes: (seed) => seedAsWord(seed.document),
  },
  {
    file: 'ke-hoach-an-lao-2026.xlsx',
    layout: 'Excel: tiêu đề phía trên, dòng đánh số cột, ô gộp (nhóm, đơn vị chủ trì), số thứ tự là số, thêm trang tính chỉ tiêu',
    bytes: (seed) => seedAsExcel(seed.plan),
  },
  {
    file: 'ke-hoach-an-lao-2026-so-theo-nhom.txt',
    layout: 'Văn bản UTF-16 (tab): số thứ tự đánh lại từ 1 trong mỗi nhóm, tiêu đề "STT / Nhiệm vụ / …" theo thứ tự cột khác',
    bytes: async (seed) => utf16le(perGroupNumberingText(seed.plan)),
  },
  {
    file: 'ke-hoach-an-lao-2026-bang-gach.txt',
    layout: 'Văn bản: bảng kẻ bằng dấu | (kiểu Markdown), dòng nhóm in đậm',
    bytes: async (seed) => utf8(pipeTableText(seed.plan)),
  },
  {
    file: 'ke-hoach-an-lao-2026-moi-o-mot-dong.txt',
    layout: 'Văn bản: mỗi ô một dòng (chép từ PDF), tiêu đề lặp lại và nhiệm vụ 19 bị ngắt trang',
    bytes: async (seed) => utf8(cellPerLineText(seed.plan)),
  },
];
