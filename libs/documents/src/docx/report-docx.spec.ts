import { REPORT_TASK_STATUS_LABELS, signedByViceChairman, type ReportDocument } from '../report-document';
import { anLaoQ4Report } from '../samples/an-lao-q4-2026';
import { readSeedPlan } from '../samples/seed-plan';
import { findAll, findFirst, paragraphTexts, paragraphsWithText, readDocx, textOf, type DocxParts, type XmlElement } from '../testing/ooxml';
import { renderReportDocx } from './report-docx';

const sample = anLaoQ4Report(readSeedPlan());
let parts: DocxParts;
let texts: string[];

beforeAll(async () => {
  parts = await readDocx(await renderReportDocx(sample));
  texts = paragraphTexts(parts.document);
});

const indexOf = (text: string) => {
  const i = texts.indexOf(text);
  if (i < 0) throw new Error(`No paragraph reads exactly "${text}"`);
  return i;
};

/** Twips → mm, to one decimal (Word rounds margins to whole twips). */
const mm = (twips: string) => Math.round((Number(twips) * 25.4 * 10) / 1440) / 10;

/** Run properties of the first run whose text is `text`. */
function runProperties(text: string): XmlElement {
  const run = findAll(parts.document, 'w:r').find((r) => textOf(r) === text);
  const rPr = run && findFirst([run], 'w:rPr');
  if (!rPr) throw new Error(`No run reads "${text}"`);
  return rPr;
}
const has = (props: XmlElement, name: string) => props.children.some((c) => c.name === name);
const sizePt = (props: XmlElement) => Number(props.children.find((c) => c.name === 'w:sz')?.attrs['w:val']) / 2;

describe('ND30 report (.docx) of the An Lão sample', () => {
  it('opens with the issuer, the national name and motto, the number and the place and date in words', () => {
    const heading = ['ỦY BAN NHÂN DÂN', 'XÃ AN LÃO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
    heading.forEach((line) => expect(texts).toContain(line));
    expect(texts).toContain('Số: 287/BC-UBND');
    expect(texts).toContain('An Lão, ngày 08 tháng 12 năm 2026');
    // Everything of the heading comes before the title.
    expect(Math.max(...heading.map(indexOf), indexOf('Số: 287/BC-UBND'))).toBeLessThan(indexOf('BÁO CÁO'));
  });

  it('prints the heading elements in the type ND30 gives them', () => {
    const issuer = runProperties('ỦY BAN NHÂN DÂN');
    expect(has(issuer, 'w:b')).toBe(true);
    expect(sizePt(issuer)).toBeGreaterThanOrEqual(12);
    expect(sizePt(issuer)).toBeLessThanOrEqual(13);

    const motto = runProperties('Độc lập - Tự do - Hạnh phúc');
    expect(has(motto, 'w:b')).toBe(true);
    expect(findFirst([motto], 'w:u')?.attrs['w:val']).toBe('single');
    expect(sizePt(motto)).toBeGreaterThanOrEqual(13);

    const placeDate = runProperties('An Lão, ngày 08 tháng 12 năm 2026');
    expect(has(placeDate, 'w:i')).toBe(true);
  });

  it('draws the heading as a table without borders', () => {
    const headingTable = findAll(parts.document, 'w:tbl')[0];
    expect(textOf(headingTable)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const borders = findFirst([headingTable], 'w:tblBorders');
    expect(borders?.children.every((b) => b.attrs['w:val'] === 'none' || b.attrs['w:val'] === 'nil')).toBe(true);
  });

  it('puts the title, the summary and every section heading in order, section headings in capitals', () => {
    const title = indexOf('BÁO CÁO');
    expect(indexOf(sample.summary)).toBe(title + 1);
    expect(has(runProperties(sample.summary), 'w:b')).toBe(true);

    const expected = [
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. NHIỆM VỤ TRỌNG TÂM QUÝ I NĂM 2027',
      'V. ĐỀ XUẤT, KIẾN NGHỊ',
    ];
    expect(expected).toHaveLength(sample.sections.length);
    const positions = expected.map(indexOf);
    expect(positions[0]).toBeGreaterThan(title);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expected.forEach((heading) => expect(has(runProperties(heading), 'w:b')).toBe(true));

    // Subsections are numbered within their section.
    expect(texts).toContain('2. Cải cách thủ tục hành chính');
    expect(indexOf('6. Xây dựng và phát triển chính quyền điện tử, chính quyền số')).toBeLessThan(indexOf('III. ĐÁNH GIÁ CHUNG'));
  });

  it('prints the legal bases and the body justified with a first-line indent', () => {
    sample.legalBases.forEach((basis) => expect(texts).toContain(basis));
    const [intro] = paragraphsWithText(parts.document, sample.introduction);
    expect(findFirst([intro], 'w:jc')?.attrs['w:val']).toBe('both');
    const indent = Number(findFirst([intro], 'w:ind')?.attrs['w:firstLine']);
    expect(mm(String(indent))).toBeGreaterThanOrEqual(10);
    expect(mm(String(indent))).toBeLessThanOrEqual(12.7);
  });

  it('keeps the body table of the procedure figures', () => {
    const figures = findAll(parts.document, 'w:tbl').find((t) => textOf(t).includes('Hồ sơ tiếp nhận'));
    expect(figures).toBeDefined();
    expect(textOf(figures!)).toContain('1.284');
  });

  it('closes with "./.", then the signature at the right and the recipients at the left', () => {
    expect(texts).toContain(`${sample.closing}./.`);
    const closing = indexOf(`${sample.closing}./.`);
    const signature = ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Đinh Thành Đồng'].map(indexOf);
    expect(Math.min(...signature)).toBeGreaterThan(closing);
    expect(has(runProperties('Đinh Thành Đồng'), 'w:b')).toBe(true);

    const label = runProperties('Nơi nhận:');
    expect(has(label, 'w:b') && has(label, 'w:i')).toBe(true);
    expect(sizePt(label)).toBe(12);
    const recipients = ['- Sở Nội vụ thành phố (để báo cáo);', '- TT Đảng ủy, TT HĐND xã;', '- Cổng thông tin điện tử xã;', '- Lưu: VT, VHXH.'];
    recipients.forEach((r) => expect(sizePt(runProperties(r))).toBe(11));
    expect(indexOf('- Lưu: VT, VHXH.')).toBe(indexOf('Nơi nhận:') + sample.recipients.length + 1);

    // Same row: "Nơi nhận" in the left cell, the signature in the right one.
    const row = findAll(parts.document, 'w:tr').find((r) => textOf(r).includes('Nơi nhận:'))!;
    const cells = findAll([row], 'w:tc').map(textOf);
    expect(cells[0]).toContain('Nơi nhận:');
    expect(cells[1]).toContain('TM. ỦY BAN NHÂN DÂN');
  });

  it('is A4 portrait in Times New Roman with the ND30 margins, page numbers from page 2 in the top margin', () => {
    const [main, appendix] = findAll(parts.document, 'w:sectPr');
    const size = findFirst([main], 'w:pgSz')!.attrs;
    expect(size['w:w']).toBe('11906');
    expect(size['w:h']).toBe('16838');
    expect(size['w:orient'] ?? 'portrait').toBe('portrait');

    const margins = findFirst([main], 'w:pgMar')!.attrs;
    expect(mm(margins['w:top'])).toBeGreaterThanOrEqual(20);
    expect(mm(margins['w:top'])).toBeLessThanOrEqual(25);
    expect(mm(margins['w:bottom'])).toBeGreaterThanOrEqual(20);
    expect(mm(margins['w:bottom'])).toBeLessThanOrEqual(25);
    expect(mm(margins['w:left'])).toBeGreaterThanOrEqual(30);
    expect(mm(margins['w:left'])).toBeLessThanOrEqual(35);
    expect(mm(margins['w:right'])).toBeGreaterThanOrEqual(15);
    expect(mm(margins['w:right'])).toBeLessThanOrEqual(20);
    // The page number sits inside the top margin.
    expect(Number(margins['w:header'])).toBeLessThan(Number(margins['w:top']));

    const fonts = findFirst(findAll(parts.styles, 'w:docDefaults'), 'w:rFonts')!.attrs;
    expect(fonts['w:ascii']).toBe('Times New Roman');
    expect(fonts['w:hAnsi']).toBe('Times New Roman');

    // A different first page whose header has no page number; the default header has a centred PAGE field.
    expect(findFirst([main], 'w:titlePg')).toBeDefined();
    const header = (type: string) => parts.headers.get(findAll([main], 'w:headerReference').find((h) => h.attrs['w:type'] === type)!.attrs['r:id'])!;
    const pageField = (roots: XmlElement[]) => findAll(roots, 'w:instrText').some((i) => i.children.map((c) => c.text ?? '').join('').trim() === 'PAGE');
    expect(pageField(header('default'))).toBe(true);
    expect(findFirst(header('default'), 'w:jc')?.attrs['w:val']).toBe('center');
    expect(pageField(header('first'))).toBe(false);

    // The appendix section is landscape A4 and keeps numbering its pages.
    expect(findFirst([appendix], 'w:pgSz')!.attrs).toMatchObject({ 'w:w': '16838', 'w:h': '11906', 'w:orient': 'landscape' });
    const appendixHeader = findAll([appendix], 'w:headerReference').find((h) => h.attrs['w:type'] === 'default')!;
    expect(pageField(parts.headers.get(appendixHeader.attrs['r:id'])!)).toBe(true);
  });

  it('attaches the 32 tasks under their groups and the indicators in landscape appendices', () => {
    const appendixStart = indexOf('PHỤ LỤC I');
    expect(appendixStart).toBeGreaterThan(indexOf('Đinh Thành Đồng'));
    const taskTable = findAll(parts.document, 'w:tbl').find((t) => textOf(t).includes('Nội dung nhiệm vụ'))!;
    const rows = findAll([taskTable], 'w:tr').map((r) => findAll([r], 'w:tc').map(textOf));
    // The header row repeats on every page.
    expect(findFirst([findAll([taskTable], 'w:tr')[0]], 'w:tblHeader')).toBeDefined();

    const taskRows = rows.filter((cells) => /^\d+$/.test(cells[0]));
    expect(taskRows.map((cells) => Number(cells[0]))).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));

    let group = '';
    const groupOfTask = new Map<number, string>();
    for (const cells of rows) {
      if (/^[IVX]+$/.test(cells[0])) group = cells[0];
      else if (/^\d+$/.test(cells[0])) groupOfTask.set(Number(cells[0]), group);
    }
    for (const g of sample.appendix.groups) {
      for (const t of g.tasks) {
        expect(groupOfTask.get(t.number)).toBe(g.code);
        const cells = taskRows.find((c) => Number(c[0]) === t.number)!;
        expect(cells[1]).toBe(t.content);
        expect(cells[5]).toBe(REPORT_TASK_STATUS_LABELS[t.status]);
      }
    }
    expect(rows.some((cells) => cells[1] === 'Cộng nhóm I: 6 nhiệm vụ; hoàn thành đúng hạn 3; hoàn thành quá hạn 1; đang thực hiện, chưa thực hiện 2 (trong đó quá hạn 0).')).toBe(true);
    // Task 1 is dated as written, in the short form.
    expect(taskRows[0].slice(3, 7)).toEqual(['Trước 15/01/2026', '15/01/2026', 'Hoàn thành đúng hạn', '12/01/2026']);

    const indicators = findAll(parts.document, 'w:tbl').find((t) => textOf(t).includes('Chỉ tiêu kế hoạch'))!;
    const satisfaction = findAll([indicators], 'w:tr').map((r) => findAll([r], 'w:tc').map(textOf)).find((c) => c[1].startsWith('Mức độ hài lòng'))!;
    expect(satisfaction.slice(2, 5)).toEqual(['≥ 90%', '96,8%', 'Đạt']);
    expect(texts).toContain('(Kèm theo Báo cáo số 287/BC-UBND ngày 08 tháng 12 năm 2026 của Ủy ban nhân dân xã An Lão)');
  });
});

describe('ND30 report (.docx) variants', () => {
  async function render(changes: Partial<ReportDocument>): Promise<string[]> {
    return paragraphTexts((await readDocx(await renderReportDocx({ ...sample, ...changes }))).document);
  }

  it('writes a small number with a leading zero, an early date in words, and a Vice Chairman signing for the Chairman', async () => {
    const out = await render({ number: 5, date: { kind: 'dated', on: '2026-02-03' }, signature: signedByViceChairman('Nguyễn Văn A') });
    expect(out).toContain('Số: 05/BC-UBND');
    expect(out).toContain('An Lão, ngày 03 tháng 02 năm 2026');
    expect(out).toEqual(expect.arrayContaining(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A']));
    expect(out).not.toContain('TM. ỦY BAN NHÂN DÂN');
  });

  it('writes Vietnamese text composed (NFC) even when it arrives decomposed', async () => {
    const out = await render({ summary: sample.summary.normalize('NFD') });
    expect(out).toContain(sample.summary.normalize('NFC'));
  });

  it('leaves number, day and month blank on a draft not yet registered', async () => {
    const out = await render({ number: null, date: { kind: 'undated', year: 2026 } });
    expect(out.some((t) => /^Số: {4,}\/BC-UBND$/.test(t))).toBe(true);
    expect(out.some((t) => /^An Lão, ngày {4,}tháng {4,}năm 2026$/.test(t))).toBe(true);
  });
});
