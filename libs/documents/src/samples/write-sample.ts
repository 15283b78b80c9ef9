/**
 * Writes the sample Q4 2026 report of xã An Lão to test-artifacts/documents/ (bao-cao-q4-2026.docx and .xlsx),
 * to open in Word or LibreOffice and check the ND30 layout by eye. Run with `npm run documents:sample`; it lives
 * beside the sample so that nothing outside the library reaches past its index.
 */
import { mkdirSync, writeFileSync } from 'fs';
import path from 'path';
import { renderReportDocx, renderReportXlsx } from '../index';
import { anLaoQ4Report } from './an-lao-q4-2026';
import { readSeedPlan } from './seed-plan';

async function main(): Promise<void> {
  const outDir = path.resolve(__dirname, '../../../..', 'test-artifacts', 'documents');
  mkdirSync(outDir, { recursive: true });
  const report = anLaoQ4Report(readSeedPlan());
  const files: Array<[string, Buffer]> = [
    ['bao-cao-q4-2026.docx', await renderReportDocx(report)],
    ['bao-cao-q4-2026.xlsx', await renderReportXlsx(report)],
  ];
  for (const [name, data] of files) {
    writeFileSync(path.join(outDir, name), data);
    console.log(`${path.relative(process.cwd(), path.join(outDir, name))} (${data.length} bytes)`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
