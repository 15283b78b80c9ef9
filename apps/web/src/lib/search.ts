/**
 * Text search the way people type Vietnamese on a phone or a keyboard without a Vietnamese input method:
 * "tu chu" finds "tự chủ", "dau tu" finds "Đầu tư", whatever the case and however the accents were composed.
 */

/** Lower case, without diacritics ("đ" → "d"), spaces collapsed: the form both the text and the query are compared in. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

