import type { DocumentDate, IndicatorTarget, IsoDate } from './report-document';

/**
 * How an ND30 document writes numbers and dates (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * - the document number takes a leading zero below 10: "Số: 05/BC-UBND";
 * - the date line is in words, with a leading zero for days below 10 and for months 1 and 2 only:
 *   "ngày 05 tháng 3 năm 2026", "ngày 15 tháng 02 năm 2026" (so that nobody can add a digit by hand).
 * Figures use the Vietnamese separators: "1.284 hồ sơ", "96,8%".
 */

/** Room left for the clerk to write a number, a day or a month by hand after signing. */
const BLANK = ' '.repeat(8);

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: IsoDate): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    // Date.UTC rolls 31/02 over into March: comparing back rejects impossible days.
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): "${iso}"`);
}

const two = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 3 năm 2026". */
export function dateInWords(iso: IsoDate): string {
  const { year, month, day } = parseIsoDate(iso);
  const monthText = month <= 2 ? two(month) : String(month);
  return `ngày ${two(day)} tháng ${monthText} năm ${year}`;
}

/** The date of a document in words; undated: "ngày        tháng        năm 2026" for the clerk to fill in. */
export function documentDateInWords(date: DocumentDate): string {
  return date.kind === 'dated' ? dateInWords(date.on) : `ngày${BLANK}tháng${BLANK}năm ${date.year}`;
}

/** "An Lão, ngày 05 tháng 3 năm 2026". */
export function placeAndDateLine(place: string, date: DocumentDate): string {
  return `${place}, ${documentDateInWords(date)}`;
}

/** "05/BC-UBND"; without a number "        /BC-UBND". */
export function documentReference(number: number | null, symbol: string): string {
  if (number !== null && (!Number.isInteger(number) || number < 1)) {
    throw new RangeError(`A document number is a positive integer, got ${number}`);
  }
  return `${number === null ? BLANK : two(number)}/${symbol}`;
}

/** "Số: 05/BC-UBND". */
export function documentNumberLine(number: number | null, symbol: string): string {
  return `Số: ${documentReference(number, symbol)}`;
}

/** "05/03/2026", the short form used in tables. */
export function shortDate(iso: IsoDate): string {
  const { year, month, day } = parseIsoDate(iso);
  return `${two(day)}/${two(month)}/${year}`;
}

/** Midnight UTC of the day: spreadsheet cells store a day as a whole serial number this way in any time zone. */
export function isoDateToUtc(iso: IsoDate): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(Date.UTC(year, month - 1, day));
}

/** "1.284", "96,8": dot for thousands, comma for decimals; at most `decimals` decimals, no trailing zeros. */
export function formatNumber(value: number, decimals = 1): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const [whole, fraction] = String(rounded).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 && rounded !== 0 ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** "96,8%" or "1.284 hồ sơ". */
export function formatQuantity(value: number, unit: string): string {
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

const COMPARISON_SIGNS: Record<IndicatorTarget['comparison'], string> = {
  atLeast: '≥ ',
  moreThan: '> ',
  exactly: '',
  atMost: '≤ ',
};

/** "≥ 90%", "> 100%", "100%". */
export function formatTarget(target: IndicatorTarget, unit: string): string {
  return `${COMPARISON_SIGNS[target.comparison]}${formatQuantity(target.value, unit)}`;
}

const ROMAN: Array<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → "I", 4 → "IV". */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`No Roman numeral for ${n}`);
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Item letters in Vietnamese documents follow the Vietnamese alphabet: a b c d đ e g h i k … (no f, j, w, z). */
const VIETNAMESE_ITEM_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

/** 0 → "a", 4 → "đ", 5 → "e", 6 → "g". */
export function itemLetter(index: number): string {
  const letter = VIETNAMESE_ITEM_LETTERS[index];
  if (letter === undefined) throw new RangeError(`No item letter for position ${index + 1}`);
  return letter;
}

/** Upper case as Vietnamese prints it (đ → Đ), on the NFC form so that diacritics stay on their letters. */
export function vietnameseUpperCase(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi');
}
