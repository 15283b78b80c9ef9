/**
 * Text helpers shared by the plan parsers. Plans arrive as NFC or NFD text (Word on Windows vs. macOS),
 * with en/em dashes where a hyphen was typed and with stray spaces, so every comparison goes through here.
 */

const DASHES = /[\u2010-\u2015\u2212]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** NFC, dashes turned into '-', non-breaking spaces into plain ones. */
export function toNfc(text: string): string {
  return text.normalize('NFC').replace(DASHES, '-').replace(/\u00a0/g, ' ');
}

/**
 * Lower case without diacritics, one output character per input UTF-16 unit, so that a match found in the
 * folded text is at the same index in the (NFC) original. Anything that is not a letter or digit becomes a
 * space, except commas and semicolons, which separate list items.
 */
export function foldVietnamese(nfcText: string): string {
  let out = '';
  for (const unit of nfcText.split('')) {
    out += foldUnit(unit);
  }
  return out;
}

function foldUnit(unit: string): string {
  if (unit === 'đ' || unit === 'Đ') return 'd';
  const base = unit.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  if (base.length !== 1) return ' ';
  if (/[a-z0-9,;]/.test(base)) return base;
  return ' ';
}

/** Folded text with runs of spaces collapsed: a key for comparing short labels such as header cells. */
export function foldKey(text: string): string {
  return foldVietnamese(toNfc(text)).replace(/\s+/g, ' ').trim();
}
