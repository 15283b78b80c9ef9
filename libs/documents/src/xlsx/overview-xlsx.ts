/** The Sở Nội vụ overview as a workbook: one row per commune, the status words as columns, then its reports. */
import { Workbook } from 'exceljs';

export interface OverviewSheetCommune {
  name: string;
  code: string;
  planStatus: string;
  total: number;
  /** Counts in the order of `columns`. */
  counts: number[];
  onTimeRate: number | null;
  reports: Array<{ period: string; status: string; dueAt: string; submittedAt: string | null }>;
}

export async function renderOverviewXlsx(input: {
  title: string;
  columns: string[];
  communes: OverviewSheetCommune[];
}): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'CCHC';
  const ws = wb.addWorksheet('Tổng hợp');
  ws.addRow([input.title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow(['Xã/phường', 'Mã', 'Kế hoạch', 'Số nhiệm vụ', ...input.columns, 'Tỷ lệ đúng hạn']);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const c of input.communes) {
    const row = ws.addRow([c.name, c.code, c.planStatus, c.total, ...c.counts, c.onTimeRate]);
    row.getCell(5 + input.columns.length).numFmt = '0.0%';
  }
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 28 : i < 4 ? 14 : 16));
  ws.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }];

  const reports = wb.addWorksheet('Báo cáo');
  reports.addRow(['Xã/phường', 'Kỳ báo cáo', 'Trạng thái', 'Hạn gửi', 'Ngày gửi Sở Nội vụ']).font = { bold: true };
  for (const c of input.communes) for (const r of c.reports) reports.addRow([c.name, r.period, r.status, r.dueAt, r.submittedAt ?? '']);
  reports.columns.forEach((col, i) => (col.width = i === 0 ? 28 : 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
