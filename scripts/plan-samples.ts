/**
 * `npm run plan:samples`: writes the An Lão seed plan in the formats and layouts other communes send
 * (Word, Excel, per-group numbering, a `|` table, one cell per line) to data/samples/, so that anyone can try
 * `npm run cchc -- plan parse data/samples/ke-hoach-an-lao-2026.docx`. The files are committed; the unit tests
 * check that each reads as the text seed does.
 */
import { mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { loadSeed, SAMPLES_DIR, SEED_SAMPLES } from '../test/support/plan-samples';

async function main(): Promise<void> {
  const seed = loadSeed();
  mkdirSync(SAMPLES_DIR, { recursive: true });
  for (const sample of SEED_SAMPLES) {
    const file = path.join(SAMPLES_DIR, sample.file);
    const bytes = await sample.bytes(seed);
    writeFileSync(file, bytes);
    process.stdout.write(`${path.relative(process.cwd(), file)} (${(bytes.length / 1024).toFixed(1)} KB): ${sample.layout}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Không ghi được tệp mẫu: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
