/**
 * The board as an Excel workbook ("Xuất Excel"): the same rows and status words GET /plans/{id}/tasks gives the
 * board (PlansService.taskList), one row per task by plan group, with the counts by status word above them.
 */
import { Workbook } from 'exceljs';
import { STATUS_WORDS, type StatusWord } from '@app/domain';
import { STEP_KIND_NAMES } from './step-names';

type BoardTask = {
  number: number;
  displayNumber?: string | null;
  group: { code: string; title: string };
  content: string;
  leadUnitsText: string;
  coUnitsText: string;
  deadline: { raw: string };
  product: string;
  cycleDueAt: string | null;
  cycleOriginalDueAt: string | null;
  statusWord: { key: StatusWord; text: string };
  currentStep: { kind: string; unitName: string | null; assignee: { fullName: string } | null; dueAt: string | null } | null;
  withdrawn: unknown;
};

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

export async function boardWorkbook(input: { communeName: string; year: number; today: string; tasks: BoardTask[] }): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = input.communeName;
  const ws = wb.addWorksheet('Theo dõi nhiệm vụ', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [
    { key: 'n', width: 6 },
    { key: 'content', width: 60 },
    { key: 'lead', width: 22 },
    { key: 'co', width: 22 },
    { key: 'deadline', width: 22 },
    { key: 'original', width: 12 },
    { key: 'due', width: 12 },
    { key: 'status', width: 22 },
    { key: 'step', width: 30 },
    { key: 'product', width: 30 },
  ];
  const font = { name: 'Times New Roman', size: 12 };
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = `THEO DÕI THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${input.year} – ${input.communeName.toUpperCase()}`;
  ws.getCell('A1').font = { ...font, bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:J2');
  ws.getCell('A2').value = `Số liệu tính đến ngày ${dmy(input.today)}`;
  ws.getCell('A2').font = { ...font, italic: true };
  ws.getCell('A2').alignment = { horizontal: 'center' };

  const counted = input.tasks.filter((t) => !t.withdrawn);
  const counts = (Object.keys(STATUS_WORDS) as StatusWord[])
    .map((k) => [STATUS_WORDS[k], counted.filter((t) => t.statusWord.key === k).length] as const)
    .filter(([, n]) => n > 0);
  ws.mergeCells('A3:J3');
  ws.getCell('A3').value = `Tổng số ${counted.length} nhiệm vụ: ${counts.map(([w, n]) => `${w} ${n}`).join('; ')}.`;
  ws.getCell('A3').font = font;

  const header = ws.getRow(5);
  header.values = ['STT', 'Nội dung nhiệm vụ', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn (theo kế hoạch)', 'Hạn ban đầu', 'Hạn hiện tại', 'Tình trạng', 'Đang ở bước', 'Sản phẩm'];
  header.font = { ...font, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  header.eachCell((c) => (c.border = border));

  const groups = new Map<string, { title: string; tasks: BoardTask[] }>();
  for (const t of input.tasks) {
    const g = groups.get(t.group.code) ?? { title: t.group.title, tasks: [] };
    g.tasks.push(t);
    groups.set(t.group.code, g);
  }
  for (const [code, g] of groups) {
    const row = ws.addRow([code, g.title]);
    ws.mergeCells(row.number, 2, row.number, 10);
    row.font = { ...font, bold: true };
    row.eachCell((c) => (c.border = border));
    for (const t of g.tasks.sort((a, b) => a.number - b.number)) {
      const step = t.currentStep ? `${STEP_KIND_NAMES[t.currentStep.kind] ?? t.currentStep.kind}${t.currentStep.unitName ? ` (${t.currentStep.unitName})` : ''}${t.currentStep.assignee ? ` – ${t.currentStep.assignee.fullName}` : ''}` : '';
      const r = ws.addRow([
        t.displayNumber ?? String(t.number),
        t.content,
        t.leadUnitsText,
        t.coUnitsText,
        t.deadline.raw,
        dmy(t.cycleOriginalDueAt ?? t.cycleDueAt),
        dmy(t.cycleDueAt),
        t.withdrawn ? STATUS_WORDS.WITHDRAWN : t.statusWord.text,
        step,
        t.product,
      ]);
      r.font = font;
      r.alignment = { vertical: 'top', wrapText: true };
      r.eachCell({ includeEmpty: true }, (c) => (c.border = border));
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 5 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
