/**
 * The page and type of an ND30 document (Nghị định 30/2020/NĐ-CP, Phụ lục I), in Word's units.
 * Where the decree gives a range, the value chosen is at its edge that leaves the most text room, as most
 * commune templates do; change it here and only here.
 */

/** Word measures pages in twentieths of a point (twips): 1 inch = 1440, 1 mm = 1440 / 25.4. */
export const twipsFromMm = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** docx sizes are half-points. */
export const halfPoints = (pt: number): number => pt * 2;

export const FONT = 'Times New Roman';

/** A4 210 × 297 mm, as Word writes it. */
export const A4 = { width: 11906, height: 16838 } as const;

export interface MarginsMm {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Distance of the header (page number) from the top edge. */
  header: number;
}

/** ND30: top and bottom 20–25 mm, left 30–35 mm (binding), right 15–20 mm. */
export const PORTRAIT_MARGINS_MM: MarginsMm = { top: 20, bottom: 20, left: 30, right: 15, header: 10 };

/**
 * ND30 gives no margins for a landscape page. Such a page is bound with the rest and read by turning the
 * report clockwise, so its top edge lies on the binding: it takes the binding margin (30 mm), its bottom the
 * outer margin (15 mm), and its sides the portrait top and bottom margins (20 mm).
 */
export const LANDSCAPE_MARGINS_MM: MarginsMm = { top: 30, bottom: 15, left: 20, right: 20, header: 15 };

/** Width between the margins, in twips. */
export function textWidth(pageWidthTwips: number, margins: MarginsMm): number {
  return pageWidthTwips - twipsFromMm(margins.left) - twipsFromMm(margins.right);
}

/** Type sizes in points, each inside the range ND30 gives for its element. */
export const SIZE = {
  issuer: 13, // 12–13, bold capitals
  nationalName: 13, // Quốc hiệu 12–13, bold capitals
  motto: 14, // Tiêu ngữ 13–14, bold
  number: 13, // Số, ký hiệu 13
  placeDate: 14, // 13–14, italic
  title: 14, // 13–14, bold capitals
  summary: 14, // 13–14, bold
  body: 14, // 13–14
  signature: 14, // 13–14, bold
  recipientsLabel: 12, // "Nơi nhận:" 12, bold italic
  recipients: 11, // 11
  pageNumber: 14, // 13–14
  bodyTable: 13,
  appendixTable: 11,
} as const;

/** First-line indent of body paragraphs: 1.27 cm (ND30: 1–1.27 cm). */
export const FIRST_LINE_INDENT = twipsFromMm(12.7);

/**
 * Rough width of a line of Times New Roman, in points. Used only to size the short rules under the issuer's
 * name and under the summary line (ND30: one third to one half of the line above them); an error of a few
 * percent changes nothing a reader can see.
 */
export function estimateLineWidthPt(text: string, sizePt: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') em += 0.25;
    else if (/[0-9]/.test(ch)) em += 0.5;
    else if (/[.,:;'’!|()\-–/]/.test(ch)) em += 0.3;
    else if (ch !== ch.toLocaleLowerCase('vi')) em += bold ? 0.72 : 0.68;
    else em += bold ? 0.5 : 0.45;
  }
  return em * sizePt;
}
