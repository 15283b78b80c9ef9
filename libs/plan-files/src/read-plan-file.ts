import JSZip from 'jszip';
import { findControlCharacter, PlanParseError, textToDocument, type PlanDocument } from '@app/domain';
import { readDocx } from './docx';
import { readXlsx } from './xlsx';

/**
 * Reads a plan file into the parser's neutral document. The format is told by the content, never by the file's
 * name: communes rename and mail files, and a ".doc" is often a .docx (or the other way round).
 * - a zip holding `word/document.xml` is a Word .docx, one holding `xl/workbook.xml` an Excel .xlsx;
 * - anything else must be text: UTF-8 or UTF-16 (Notepad's "Unicode"), with or without a byte-order mark.
 * A file that is none of these (a legacy .doc/.xls, a PDF, a picture) is refused with PLAN_INVALID and a sentence
 * saying what to do.
 */
export async function readPlanFile(bytes: Uint8Array): Promise<PlanDocument> {
  const detected = await detectPlanFormat(bytes);
  if (detected.format === 'text') return textToDocument(detected.text);
  return detected.format === 'docx' ? readDocx(bytes) : readXlsx(bytes);
}

export type DetectedFormat = { format: 'docx' | 'xlsx' } | { format: 'text'; text: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

export async function detectPlanFormat(bytes: Uint8Array): Promise<DetectedFormat> {
  if (bytes.length === 0) throw new PlanParseError('Tệp kế hoạch trống.');
  if (startsWith(bytes, ZIP_MAGIC)) return { format: await officeFormat(bytes) };
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new PlanParseError(
      'Tệp Word hoặc Excel định dạng cũ (.doc, .xls) chưa đọc được; hãy mở tệp và lưu lại thành .docx hoặc .xlsx.',
    );
  }
  if (startsWith(bytes, PDF_MAGIC)) {
    throw new PlanParseError('Tệp PDF chưa đọc được; hãy dùng tệp Word (.docx), Excel (.xlsx) hoặc văn bản của kế hoạch.');
  }
  return { format: 'text', text: decodeText(bytes) };
}

async function officeFormat(bytes: Uint8Array): Promise<'docx' | 'xlsx'> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new PlanParseError('Tệp nén (.docx/.xlsx) bị hỏng hoặc chưa tải về đầy đủ; hãy lưu lại tệp rồi thử lại.');
  }
  if (zip.file('word/document.xml')) return 'docx';
  if (zip.file('xl/workbook.xml')) return 'xlsx';
  throw new PlanParseError(
    'Tệp nén này không phải văn bản Word (.docx) hay bảng tính Excel (.xlsx); hãy dùng tệp Word, Excel hoặc văn bản của kế hoạch.',
  );
}

/**
 * UTF-8 or UTF-16 text. Without a byte-order mark, UTF-16 shows as a NUL in every other byte of Latin text.
 * Legacy Vietnamese encodings (TCVN3, VNI) are font tricks that no decoder can undo, so invalid UTF-8 is refused
 * rather than guessed.
 */
function decodeText(bytes: Uint8Array): string {
  const decode = (encoding: string, from = 0) => new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(from));
  try {
    if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checkText(decode('utf-8', 3));
    if (startsWith(bytes, [0xff, 0xfe])) return checkText(decode('utf-16le', 2));
    if (startsWith(bytes, [0xfe, 0xff])) return checkText(decode('utf-16be', 2));
    const sample = bytes.subarray(0, 4096);
    const nulAt = (parity: number) => sample.filter((byte, i) => byte === 0 && i % 2 === parity).length;
    if (nulAt(1) > sample.length / 4) return checkText(decode('utf-16le'));
    if (nulAt(0) > sample.length / 4) return checkText(decode('utf-16be'));
    return checkText(decode('utf-8'));
  } catch (error) {
    if (error instanceof PlanParseError) throw error;
    throw new PlanParseError('Tệp văn bản không dùng mã Unicode (UTF-8 hoặc UTF-16); hãy lưu lại với mã UTF-8 rồi thử lại.');
  }
}

/**
 * Text files have no control characters but tabs, line and page breaks (Word's text export writes a manual line
 * break as a vertical tab and a page break as a form feed). Any other one means a damaged file or not a text at all:
 * refused, saying where the first one is so the person can look.
 */
const PLAN_TEXT_CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f]/;

function checkText(text: string): string {
  const at = findControlCharacter(text, PLAN_TEXT_CONTROLS);
  if (at) {
    throw new PlanParseError(
      `Tệp kế hoạch chứa ký tự điều khiển ${at.codePoint} ở dòng ${at.line}, cột ${at.column}: không phải văn bản, hoặc tệp bị hỏng; hãy dùng tệp Word (.docx), Excel (.xlsx) hoặc lưu lại văn bản dạng UTF-8 (.txt) rồi nhập lại.`,
    );
  }
  return text;
}
