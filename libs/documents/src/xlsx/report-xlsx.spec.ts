import { Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import { REPORT_TASK_STATUS_LABELS, taskTotals } from '../report-document';
import { anLaoQ4Report } from '../samples/an-lao-q4-2026';
import { readSeedPlan } from '../samples/seed-plan';
import { findAll, parseXml, textOf } from '../testing/ooxml';
import { renderReportXlsx } from './report-xlsx';

const sample = anLaoQ4Report(readSeedPlan());
let buffer: Buffer;
const workbook = new Workbook();

beforeAll(async () => {
  buffer = await renderReportXlsx(sample);
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
});

const sheet = (name: string): Worksheet => {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`No sheet "${name}"`);
  return ws;
};

/** The row whose cells read `headers` from column A, found rather than assumed. */
function headerRowNumber(ws: Worksheet, first: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === first) return r;
  throw new Error(`No header row starting with "${first}" in ${ws.name}`);
}

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('appendix workbook (.xlsx) of the An Lão sample', () => {
  it('lists the 32 tasks under their plan groups, each group with a bold group row and a totals row', () => {
    const ws = sheet('Nhiệm vụ');
    const header = headerRowNumber(ws, 'TT');
    expect(ws.getRow(header).getCell(2).value).toBe('Nội dung nhiệm vụ');

    let group = '';
    const groupOfTask = new Map<number, string>();
    const totalsRows: string[] = [];
    for (let r = header + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const a = row.getCell(1).value;
      if (typeof a === 'string' && /^[IVX]+$/.test(a)) {
        group = a;
        expect(row.getCell(1).font?.bold).toBe(true);
        expect(row.getCell(2).value).toBe(sample.appendix.groups.find((g) => g.code === a)?.title);
      } else if (typeof a === 'number') {
        groupOfTask.set(a, group);
      } else if (String(row.getCell(2).value ?? '').startsWith('Cộng nhóm')) {
        totalsRows.push(String(row.getCell(2).value));
      }
    }
    expect([...groupOfTask.keys()]).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const g of sample.appendix.groups) for (const t of g.tasks) expect(groupOfTask.get(t.number)).toBe(g.code);
    expect(totalsRows).toHaveLength(7);
    expect(totalsRows[0]).toBe('Cộng nhóm I: 6 nhiệm vụ; hoàn thành đúng hạn 3; hoàn thành quá hạn 1; đang thực hiện, chưa thực hiện 2 (trong đó quá hạn 0).');
  });

  it('stores due and completion days as real dates shown dd/mm/yyyy, and the status words', () => {
    const ws = sheet('Nhiệm vụ');
    const rowOfTask = (n: number) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === n) return ws.getRow(r);
      throw new Error(`No row for task ${n}`);
    };
    const task1 = rowOfTask(1);
    expect(task1.getCell(2).value).toBe(sample.appendix.groups[0].tasks[0].content);
    expect(task1.getCell(4).value).toBe('Trước 15/01/2026');
    expect(task1.getCell(5).value).toEqual(utc('2026-01-15'));
    expect(task1.getCell(5).numFmt).toBe('dd/mm/yyyy');
    expect(task1.getCell(6).value).toBe('Hoàn thành đúng hạn');
    expect(task1.getCell(7).value).toEqual(utc('2026-01-12'));
    expect(task1.getCell(7).numFmt).toBe('dd/mm/yyyy');

    // A continuous task has no due date: the cell is empty, not a made-up day.
    const task12 = rowOfTask(12);
    expect(task12.getCell(4).value).toBe('Thường xuyên');
    expect(task12.getCell(5).value).toBeNull();

    for (const t of sample.appendix.groups.flatMap((g) => g.tasks)) {
      expect(rowOfTask(t.number).getCell(6).value).toBe(REPORT_TASK_STATUS_LABELS[t.status]);
    }
  });

  it('freezes the header row, prints A4 landscape one page wide and repeats the header on every page', async () => {
    for (const name of ['Nhiệm vụ', 'Chỉ tiêu']) {
      const ws = sheet(name);
      const header = headerRowNumber(ws, 'TT');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.getRow(header).getCell(2).alignment?.wrapText).toBe(true);
    }
    // Print titles are a defined name of the workbook: read it where Excel reads it.
    const workbookXml = parseXml(await (await JSZip.loadAsync(buffer)).file('xl/workbook.xml')!.async('string'));
    const printTitles = findAll(workbookXml, 'definedName').filter((d) => d.attrs.name === '_xlnm.Print_Titles').map(textOf);
    const header = headerRowNumber(sheet('Nhiệm vụ'), 'TT');
    expect(printTitles).toContain(`'Nhiệm vụ'!$${header}:$${header}`);
  });

  it('gives each indicator its target, its value as a number, and whether it is met', () => {
    const ws = sheet('Chỉ tiêu');
    const header = headerRowNumber(ws, 'TT');
    expect([2, 3, 4, 5].map((c) => ws.getRow(header).getCell(c).value)).toEqual(['Chỉ tiêu', 'Chỉ tiêu kế hoạch', 'Kết quả', 'Đánh giá']);
    const rows = sample.appendix.indicators.map((_, i) => ws.getRow(header + 1 + i));
    expect(rows.map((r) => r.getCell(2).value)).toEqual(sample.appendix.indicators.map((i) => i.name));

    const satisfaction = rows.find((r) => String(r.getCell(2).value).startsWith('Mức độ hài lòng'))!;
    expect(satisfaction.getCell(3).value).toBe('≥ 90%');
    expect(satisfaction.getCell(4).value).toBeCloseTo(0.968, 6);
    expect(satisfaction.getCell(4).numFmt).toBe('0.0%');
    expect(satisfaction.getCell(5).value).toBe('Đạt');

    const investment = rows.find((r) => String(r.getCell(2).value).startsWith('Giải ngân'))!;
    expect(investment.getCell(5).value).toBe('Chưa đạt');
    const onlinePayment = rows.find((r) => String(r.getCell(2).value).startsWith('Giao dịch thanh toán trực tuyến'))!;
    expect(onlinePayment.getCell(5).value).toBe('Không giao chỉ tiêu');
  });

  it('stores Vietnamese text composed (NFC) even when it arrives decomposed', async () => {
    const decomposed = { ...sample, appendix: { ...sample.appendix, groups: sample.appendix.groups.map((g) => ({ ...g, title: g.title.normalize('NFD'), tasks: g.tasks.map((t) => ({ ...t, content: t.content.normalize('NFD') })) })) } };
    const wb = new Workbook();
    await wb.xlsx.load((await renderReportXlsx(decomposed)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    const values: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') values.push(cell.value);
      }),
    );
    expect(values).toContain(sample.appendix.groups[2].title);
    expect(values).toContain(sample.appendix.groups[2].tasks[0].content);
    expect(values.every((v) => v === v.normalize('NFC'))).toBe(true);
  });

  it('sums each group as numbers on the summary sheet, matching the task rows', () => {
    const ws = sheet('Tổng hợp');
    const header = headerRowNumber(ws, 'Nhóm');
    sample.appendix.groups.forEach((g, i) => {
      const row = ws.getRow(header + 1 + i);
      const t = taskTotals(g.tasks);
      expect(row.getCell(1).value).toBe(g.code);
      expect([3, 4, 5, 6, 7, 8].map((c) => row.getCell(c).value)).toEqual([t.total, t.doneOnTime, t.doneLate, t.open, t.openOverdue, t.notCounted]);
    });
    const total = ws.getRow(header + 1 + sample.appendix.groups.length);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(32);
  });
});
