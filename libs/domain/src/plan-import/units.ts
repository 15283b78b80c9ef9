import type { UnitCode } from '@app/contracts';

/** The units of An Lão the spellings below describe (the seed's directory; units are data per commune). */
const UNIT_CODES: readonly UnitCode[] = ['VP', 'VHXH', 'KT', 'TTPVHCC', 'TTDVSNC'];
import { foldVietnamese } from './text';

export interface UnitResolution {
  /** Units named by the cell, in UNIT_CODES order, without duplicates. */
  codes: UnitCode[];
  /** Fragments of the cell (as written, NFC) that name no known unit. */
  unresolved: string[];
}

/** Builds a pattern over folded text from words separated by single spaces in `words`. */
function words(source: string): string {
  return source.replace(/ /g, ' +');
}
const XA = '(?: +xa)?';
const UBND = '(?:ubnd|uy +ban +nhan +dan)';
const HDND = '(?:hdnd|hoi +dong +nhan +dan)';

/**
 * Spellings of each unit in plans, over folded text (lower case, no diacritics, '&' and dashes as spaces).
 * The seed alone writes the Office as "HĐND&UBND xã", "HĐND & UBND" and "HĐND và UBND".
 */
const UNIT_PATTERNS: Array<[UnitCode, string]> = [
  ['VP', `(?:van +phong|vp)(?: +${HDND}(?: +va)?(?: +${UBND})?| +${UBND})?${XA}`],
  ['VHXH', `(?:phong +)?(?:${words('van hoa')}(?: +va)? +${words('xa hoi')}|vh +xh|vhxh)${XA}`],
  ['KT', `phong +(?:${words('kinh te')}|kt)${XA}`],
  [
    'TTPVHCC',
    `(?:(?:trung +tam|tt) +${words('phuc vu hanh chinh cong')}|ttpvhcc|${words('bo phan mot cua')}|${words('bo phan tiep nhan va tra ket qua')})${XA}`,
  ],
  ['TTDVSNC', `(?:(?:trung +tam|tt) +${words('dich vu su nghiep cong')}|ttdvsnc)${XA}`],
];

/**
 * "Các phòng, ban, ngành", "Các phòng, cơ quan", "Các phòng, ban, ngành các cơ quan, tổ chức có liên quan":
 * a run of collective words opened by "các". It stops at the first other word, so
 * "Các phòng, ban, ngành, Trung tâm Phục vụ hành chính công" leaves the centre to its own pattern.
 */
const COLLECTIVE = '(?:phong|ban|nganh|co +quan|don +vi|to +chuc)';
const COLLECTIVE_MORE = `(?:${COLLECTIVE}|cac|va|chuyen +mon|co +lien +quan|lien +quan|khac|truc +thuoc|thuoc|${UBND}|xa)`;
const ALL_UNITS = `(?:tat +ca +)?cac +${COLLECTIVE}(?![a-z0-9])(?:[ ,]+${COLLECTIVE_MORE}(?![a-z0-9]))*`;

const bounded = (pattern: string) => new RegExp(`(?<![a-z0-9])(?:${pattern})(?![a-z0-9])`, 'g');
const UNIT_REGEXES = UNIT_PATTERNS.map(([code, pattern]) => [code, bounded(pattern)] as const);
const ALL_UNITS_REGEX = bounded(ALL_UNITS);

/** Words left between units that name nothing by themselves ("và", "xã"). */
const FILLER = /^(?:va|xa|cac|voi|cung)?$/;

/** Reads a lead or co-unit cell into unit codes; what it cannot read is returned, never dropped. */
export function resolveUnits(text: string): UnitResolution {
  const original = text.normalize('NFC');
  let folded = foldVietnamese(original);
  let remaining = original;
  const found = new Set<UnitCode>();

  // Specific units first, so that a collective run ("Các phòng …") cannot swallow the start of a unit name.
  const blank = (regex: RegExp, onMatch: () => void) => {
    for (const match of [...folded.matchAll(regex)]) {
      onMatch();
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const filler = ','.repeat(end - start);
      folded = folded.slice(0, start) + filler + folded.slice(end);
      remaining = remaining.slice(0, start) + filler + remaining.slice(end);
    }
  };
  for (const [code, regex] of UNIT_REGEXES) blank(regex, () => found.add(code));
  blank(ALL_UNITS_REGEX, () => UNIT_CODES.forEach((code) => found.add(code)));

  const unresolved = remaining
    .split(/[,;]|(?:^|\s)(?:và|&)(?=\s|$)/)
    .map((fragment) => fragment.replace(/^[\s\-.:()]+|[\s\-.:()]+$/g, ''))
    .filter((fragment) => !FILLER.test(foldVietnamese(fragment).replace(/\s+/g, ' ').trim()));

  return { codes: UNIT_CODES.filter((code) => found.has(code)), unresolved };
}
