import { readFileSync } from 'fs';
import type { ParsedPlan } from '@app/contracts';
import type { PlanDocument, UnitDirectory } from '@app/domain';
import { readPlanDocument } from '@app/persistence';
import { readPlanFile } from '@app/plan-files';
import { CliError } from './errors';
import type { CliIo } from './io';

export interface PlanFile {
  bytes: Buffer;
  document: PlanDocument;
}

export interface LoadedPlan extends PlanFile {
  plan: ParsedPlan;
}

/** Reads a plan file (Word, Excel or text, told by its content; `-` is standard input) into the parser's document. */
export async function readPlanSource(file: string, io: CliIo): Promise<PlanFile> {
  const bytes = readBytes(file, io);
  return { bytes, document: await readPlanFile(bytes) };
}

/**
 * Reads and parses a plan file as the import does: clean text, a task table, a year from --year or the document, in
 * range; unit cells with `units` (the commune's directory; without it, the An Lão seed).
 */
export async function loadPlan(file: string, io: CliIo, opts: { year?: number; units?: UnitDirectory } = {}): Promise<LoadedPlan> {
  const { bytes, document } = await readPlanSource(file, io);
  return { bytes, document, plan: readPlanDocument(document, opts) };
}

function readBytes(file: string, io: CliIo): Buffer {
  if (file === '-') return io.stdin();
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`Tệp "${file}" không tồn tại.`);
    if (code === 'EISDIR') throw new CliError(`"${file}" là một thư mục, không phải tệp kế hoạch.`);
    throw new CliError(`Không đọc được tệp "${file}" (${code ?? 'lỗi hệ thống'}).`);
  }
}

export const FORMAT_NAMES: Record<PlanDocument['format'], string> = {
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
  text: 'văn bản',
};
