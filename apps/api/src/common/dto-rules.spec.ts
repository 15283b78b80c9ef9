import { getMetadataStorage } from 'class-validator';
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { IS_CLEAN_TEXT } from './clean-text';

/** Every `dto/` file of the API, found on disk: a new DTO cannot escape the rule. */
function dtoFiles(dir = path.join(__dirname, '..')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return dtoFiles(full);
    return path.basename(dir) === 'dto' && name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

const dtoClasses = dtoFiles().flatMap((file) =>
  Object.values(require(file) as Record<string, unknown>).filter((v): v is new () => object => typeof v === 'function' && /^class\b/.test(String(v))),
);

describe('DTO rule: every text field refuses control characters and has a length limit', () => {
  it('finds the DTOs', () => {
    expect(dtoClasses.map((c) => c.name)).toEqual(expect.arrayContaining(['LoginDto', 'DraftDto', 'DecisionDto', 'BulkApproveDto', 'CreateDelegationDto', 'TaskFilterDto']));
  });

  it.each(dtoClasses.map((c) => [c.name, c] as const))('%s', (_name, cls) => {
    const byProperty = getMetadataStorage().groupByPropertyName(getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false));
    const problems: string[] = [];
    for (const [property, rules] of Object.entries(byProperty)) {
      const type = Reflect.getMetadata('design:type', cls.prototype, property);
      const names = new Set(rules.map((r) => r.name ?? r.type));
      const stringLike = type === String || (type === Array && (names.has('isString') || names.has('isDateString')));
      // An enumerated value is bounded by its list; anything else a person or client types needs both rules.
      if (!stringLike || names.has('isIn')) continue;
      if (!names.has(IS_CLEAN_TEXT)) problems.push(`${property}: no @IsCleanText()`);
      if (!names.has('maxLength')) problems.push(`${property}: no @MaxLength()`);
    }
    expect(problems).toEqual([]);
  });
});
