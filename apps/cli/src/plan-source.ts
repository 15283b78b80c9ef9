import { readFileSync } from 'fs';
import type { ParsedPlan } from '@app/contracts';
import { parsePlan, type PlanDocument, type UnitDirectory } from '@app/domain';
import { readPlanFile } from '@app/plan-files';
import { CliError } from './errors';
import type { CliIo } from './io';

export interface LoadedPlan {
  bytes: Buffer;
  document: PlanDocument;
  plan: ParsedPlan;
}

export interface PlanFile {
  bytes: Buffer;
  document: PlanDocument;
}

/** Reads a plan file (Word, Excel or text, told by its content) into the parser's document; `-` is standard input. */
export async function readPlanSource(file: string, io: CliIo): Promise<PlanFile> {
  const bytes = readBytes(file, io);
  return { bytes, document: await readPlanFile(bytes) };
}

/**
 * Reads and parses a plan file. `units` is the directory to read unit cells with: the commune's own for an import;
 * `plan parse`, which touches no database, reads with the An Lão seed.
 */
export async function loadPlan(file: string, io: CliIo, opts: { year?: number; units?: UnitDirectory } = {}): Promise<LoadedPlan> {
  const { bytes, document } = await readPlanSource(file, io);
  return { bytes, document, plan: parsePlan(document, { year: opts.year, units: opts.units }) };
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
