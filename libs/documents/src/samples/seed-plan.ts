import { readFileSync } from 'fs';
import { join } from 'path';
import type { ParsedPlan } from '@app/contracts';
import { parsePlan } from '@app/domain';

/** The repository's seed plan, read by the product's own parser (for the sample and its tests only). */
export function readSeedPlan(): ParsedPlan {
  return parsePlan(readFileSync(join(__dirname, '../../../../data/seed/ke-hoach-cchc-an-lao-2026.txt'), 'utf8'));
}
