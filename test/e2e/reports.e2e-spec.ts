/**
 * The year's report end to end on the real stack (API and worker in this process, PostgreSQL, Temporal, an SMTP
 * server on loopback): the coordinator opens it, every unit sends its input (one returned by its head first), the
 * coordinator drafts from the prefilled sections, VH-XH's head and the Chairman (from his inbox) approve, both files
 * read back match the read model, the coordinator sends them and Sở Nội vụ's mailbox receives one message with the
 * two attachments; sent back, it is reopened with a reason.
 */
import { Client, Connection } from '@temporalio/client';
import { Workbook } from 'exceljs';
import mammoth from 'mammoth';
import { startTestApp, TestApp } from '../support/app';
import { waitFor } from '../support/notifications';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';

const DEPARTMENT = 'vanthu.snv@haiphong.gov.vn';
const STAFF: Record<string, string> = { VP: 'vp.chuyenvien', KT: 'kt.chuyenvien', VHXH: 'vhxh.cchc', TTPVHCC: 'ttpvhcc.chuyenvien', TTDVSNC: 'ttdvsnc.chuyenvien' };
const HEAD: Record<string, string> = { VP: 'vp.chanhvanphong', KT: 'kt.truongphong', VHXH: 'vhxh.truongphong', TTPVHCC: 'ttpvhcc.giamdoc', TTDVSNC: 'ttdvsnc.giamdoc' };

async function cellsOf(buffer: Buffer): Promise<string[][][]> {
  const wb = new Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in (v as object) ? (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('') : String(v)))));
    return rows;
  });
}

const binary = (res: NodeJS.ReadableStream & { setEncoding: (e: string) => void; on: (e: string, cb: (x?: unknown) => void) => void }, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c) => chunks.push(c as Buffer));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('the periodic report (API, worker, documents, SMTP)', () => {
  let smtp: TestSmtpServer;
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  let reportId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ activate: true, env: { SMTP_URL: smtp.url } });
    await t.ds.query(`UPDATE communes SET name = 'Xã An Lão' WHERE code = $1`, [t.commune]);
    for (const u of ['admin', 'chutich', ...Object.values(STAFF), ...Object.values(HEAD)]) tokens[u] = await t.login(u);
    const settings = (await t.http().get('/api/settings/reports').set(as('admin'))).body;
    await t.http().put('/api/settings/reports').set(as('admin')).send({ ...settings, departmentEmail: DEPARTMENT }).expect(200);
    const count = (await t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc'))).body.length;
    await waitFor('every task to open its first steps', async () => (await t.ds.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE snapshot IS NOT NULL`))[0].n === count);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp?.stop();
  });

  it('lists the periods with their dates; only the coordinator opens one, twice is harmless; another commune’s id is not found', async () => {
    const list = await t.http().get(`/api/reports?planId=${t.planId}`).set(as('kt.chuyenvien'));
    expect(list.status).toBe(200);
    expect(list.body.map((r: { period: string }) => r.period)).toEqual(['Q1', 'Q2', 'Q3', 'YEAR']);
    expect(list.body.find((r: { period: string }) => r.period === 'YEAR')).toMatchObject({ status: 'SCHEDULED', inputDueAt: '2026-12-05', dueAt: '2026-12-10' });

    const refused = await t.http().post(`/api/plans/${t.planId}/reports`).set(as('kt.chuyenvien')).send({ period: 'YEAR' });
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    const bad = await t.http().post(`/api/plans/${t.planId}/reports`).set(as('vhxh.cchc')).send({ period: 'Q9' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION']);

    const opened = await t.http().post(`/api/plans/${t.planId}/reports`).set(as('vhxh.cchc')).send({ period: 'YEAR' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ period: 'YEAR', status: 'COLLECTING', alreadyOpen: false });
    expect(opened.body.unitInputs.map((u: { unit: string }) => u.unit).sort()).toEqual(Object.keys(STAFF).sort());
    reportId = opened.body.id;
    const again = await t.http().post(`/api/plans/${t.planId}/reports`).set(as('vhxh.cchc')).send({ period: 'YEAR' });
    expect(again.body).toMatchObject({ id: reportId, alreadyOpen: true });

    const other = await t.http().get('/api/reports/00000000-0000-4000-8000-000000000000').set(as('vhxh.cchc'));
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('each unit sends its input, prefilled with its tasks; a head returns one with a reason; all approved opens the draft', async () => {
    const form = await t.http().get(`/api/reports/${reportId}/inputs/KT`).set(as('kt.chuyenvien'));
    expect(form.status).toBe(200);
    expect(form.body.allowedActions).toEqual(expect.arrayContaining(['saveInput']));
    expect(form.body.tasks.length).toBeGreaterThan(0);
    expect(form.body.tasks[0].statusWord.text).toEqual(expect.any(String));
    const other = await t.http().put(`/api/reports/${reportId}/inputs/KT`).set(as('vp.chuyenvien')).send({ narrative: 'x', taskProgress: [], figures: {} });
    expect(other.status).toBe(403);
    const badFigure = await t.http().put(`/api/reports/${reportId}/inputs/TTPVHCC`).set(as('ttpvhcc.chuyenvien')).send({ narrative: '', taskProgress: [], figures: { dossiersReceived: 10, dossiersReceivedOnline: 12 } });
    expect([badFigure.status, badFigure.body.code]).toEqual([400, 'VALIDATION']);
    expect(badFigure.body.message).toMatch(/không lớn hơn/);

    for (const unit of Object.keys(STAFF)) {
      const prefilled = (await t.http().get(`/api/reports/${reportId}/inputs/${unit}`).set(as(STAFF[unit]))).body;
      const input = {
        narrative: `${prefilled.unitName} đã triển khai đầy đủ các nhiệm vụ được giao trong năm.`,
        taskProgress: prefilled.tasks.map((x: { taskId: string; number: number }) => ({ taskId: x.taskId, progress: `Tiến độ nhiệm vụ ${x.number} năm 2026`, note: '' })),
        figures:
          unit === 'TTPVHCC'
            ? { dossiersReceived: 1241, dossiersReceivedOnline: 1100, dossiersResolved: 1241, dossiersOnTime: 1231, dossiersLate: 10, resultsDigitised: 1200, paymentsTotal: 500, paymentsOnline: 400, satisfactionPercent: 96.5 }
            : {},
      };
      await t.http().put(`/api/reports/${reportId}/inputs/${unit}`).set(as(STAFF[unit])).send(input).expect(200);
      const sent = await t.http().post(`/api/reports/${reportId}/inputs/${unit}/submit`).set(as(STAFF[unit])).send({});
      expect(sent.status).toBe(200);
      expect(sent.body.status).toBe('UNIT_REVIEW');
      if (unit === 'KT') {
        const noReason = await t.http().post(`/api/reports/${reportId}/inputs/KT/decision`).set(as(HEAD.KT)).send({ decision: 'return' });
        expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION']);
        const back = await t.http().post(`/api/reports/${reportId}/inputs/KT/decision`).set(as(HEAD.KT)).send({ decision: 'return', comment: 'Bổ sung số liệu thu ngân sách' });
        expect(back.body).toMatchObject({ status: 'WAITING', returnReason: 'Bổ sung số liệu thu ngân sách' });
        await t.http().put(`/api/reports/${reportId}/inputs/KT`).set(as(STAFF.KT)).send({ ...input, figures: { budgetRevenuePercent: 104 } }).expect(200);
        await t.http().post(`/api/reports/${reportId}/inputs/KT/submit`).set(as(STAFF.KT)).send({}).expect(200);
      }
      const approved = await t.http().post(`/api/reports/${reportId}/inputs/${unit}/decision`).set(as(HEAD[unit])).send({ decision: 'approve' });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('APPROVED');
    }
    const report = (await t.http().get(`/api/reports/${reportId}`).set(as('vhxh.cchc'))).body;
    expect(report.status).toBe('DRAFTING');
    expect(report.allowedActions).toContain('saveReportDraft');
    expect(report.draftPrefilled).toBe(true);
    expect(report.content.indicators.find((i: { key: string }) => /satisfaction/i.test(i.key))).toMatchObject({ value: 96.5, met: true });
  });

  it('the report’s counts are the board’s on the same day', async () => {
    const [report, board] = await Promise.all([
      t.http().get(`/api/reports/${reportId}`).set(as('vhxh.cchc')),
      t.http().get(`/api/plans/${t.planId}/tasks`).set(as('vhxh.cchc')),
    ]);
    const byWord = (keys: string[]) => board.body.filter((x: { statusWord: { key: string } }) => keys.includes(x.statusWord.key)).length;
    const totals = report.body.content.totals;
    expect(totals.total).toBe(board.body.length);
    expect(totals.doneOnTime).toBe(byWord(['DONE_ON_TIME']));
    expect(totals.doneLate).toBe(byWord(['DONE_LATE']));
    expect(totals.openOverdue).toBe(byWord(['IN_PROGRESS_LATE']));
    expect(totals.open).toBe(byWord(['IN_PROGRESS_ON_TIME', 'IN_PROGRESS_LATE', 'NOT_STARTED', 'NO_DEADLINE']));

    const xlsx = await t.http().get(`/api/plans/${t.planId}/tasks.xlsx`).set(as('vhxh.cchc')).buffer(true).parse(binary as never);
    expect(xlsx.status).toBe(200);
    const [sheet] = await cellsOf(xlsx.body as Buffer);
    const taskRows = sheet.filter((r) => board.body.some((x: { content: string }) => x.content === r[1]));
    expect(taskRows).toHaveLength(board.body.length);
    for (const x of board.body) expect(taskRows.find((r) => r[1] === x.content)![7]).toBe(x.statusWord.text);
  });

  it('drafted, returned by VH-XH, approved by VH-XH and by the Chairman from his inbox; the files read back match the read model; sent once to Sở Nội vụ with two attachments', async () => {
    const before = (await t.http().get(`/api/reports/${reportId}`).set(as('vhxh.cchc'))).body;
    const sections = before.draft.sections;
    await t.http().put(`/api/reports/${reportId}/draft`).set(as('vhxh.cchc')).send({ sections }).expect(200);
    await t.http().post(`/api/reports/${reportId}/submit`).set(as('vhxh.cchc')).send({}).expect(200);
    const back = await t.http().post(`/api/reports/${reportId}/decision`).set(as('vhxh.truongphong')).send({ decision: 'return', comment: 'Bổ sung phần đánh giá chung' });
    expect(back.body.status).toBe('RETURNED');
    await t.http().put(`/api/reports/${reportId}/draft`).set(as('vhxh.cchc')).send({ sections }).expect(200);
    await t.http().post(`/api/reports/${reportId}/submit`).set(as('vhxh.cchc')).send({}).expect(200);
    const vhxh = await t.http().post(`/api/reports/${reportId}/decision`).set(as('vhxh.truongphong')).send({ decision: 'approve' });
    expect(vhxh.body.status).toBe('CHAIRMAN_REVIEW');

    const inbox = (await t.http().get('/api/inbox').set(as('chutich'))).body;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ reportId, kind: 'CHAIRMAN_REVIEW', title: 'Báo cáo kết quả CCHC năm 2026' })]));
    const approved = await t.http().post(`/api/reports/${reportId}/decision`).set(as('chutich')).send({ decision: 'approve' });
    expect(approved.body.status).toBe('APPROVED');
    expect(approved.body.allowedActions).toEqual([]);
    const mine = (await t.http().get(`/api/reports/${reportId}`).set(as('vhxh.cchc'))).body;
    expect(mine.allowedActions).toEqual(['sendReport']);

    const docx = await t.http().get(`/api/reports/${reportId}/document.docx`).set(as('vhxh.cchc')).buffer(true).parse(binary as never);
    expect(docx.status).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: docx.body as Buffer });
    for (const words of ['ỦY BAN NHÂN DÂN', 'XÃ AN LÃO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', '/BC-UBND', 'BÁO CÁO', 'Nơi nhận:', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Đinh Thành Đồng']) {
      expect(text).toContain(words);
    }
    const { totals } = mine.content;
    expect(text).toContain(`trong tổng số ${String(totals.total).padStart(2, '0')} nhiệm vụ`);
    expect(text).toMatch(/An Lão, ngày \d{2} tháng \d{2} năm 2026/);

    const xlsx = await t.http().get(`/api/reports/${reportId}/appendix.xlsx`).set(as('vhxh.cchc')).buffer(true).parse(binary as never);
    const sheets = await cellsOf(xlsx.body as Buffer);
    const lines = mine.content.groups.flatMap((g: { tasks: unknown[] }) => g.tasks) as { content: string; statusWord: { text: string } }[];
    expect(lines).toHaveLength(totals.total);
    const all = sheets.flat();
    for (const line of lines) {
      const row = all.find((r) => r.includes(line.content));
      expect(row).toBeDefined();
      expect(row).toContain(line.statusWord.text);
    }

    const sent = await t.http().post(`/api/reports/${reportId}/submission`).set(as('vhxh.cchc'));
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('SUBMITTED');
    expect(sent.body.submission).toMatchObject({ to: DEPARTMENT, by: { fullName: 'Phạm Minh Tuấn' }, messageId: expect.stringMatching(/^<.+@.+>$/) });
    const [mail] = await smtp.waitForMessages(1, { filter: (m) => m.to.includes(DEPARTMENT), timeoutMs: 30_000 });
    expect(mail.subject).toBe('UBND xã An Lão gửi báo cáo kết quả cải cách hành chính năm 2026');
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual(['bao-cao-cchc-nam-2026.docx', 'phu-luc-bao-cao-cchc-nam-2026.xlsx']);
    expect(String(mail.headers.get('message-id'))).toBe(sent.body.submission.messageId);
    const again = await t.http().post(`/api/reports/${reportId}/submission`).set(as('vhxh.cchc'));
    expect([again.status, again.body.code]).toEqual([409, 'STEP_CLOSED']);
    expect(smtp.messages.filter((m) => m.to.includes(DEPARTMENT))).toHaveLength(1);

    // Temporal's list follows the report's status too (as it does a task's).
    const connection = await Connection.connect({ address: t.config.temporalAddress });
    try {
      const client = new Client({ connection, namespace: t.config.temporalNamespace });
      const query = `CchcCommune="${t.commune}" AND CchcKind="report" AND CchcStage="SUBMITTED" AND CchcOverdue=false`;
      await waitFor('the report listed as SUBMITTED', async () => (await client.workflow.count(query)).count === 1, 30_000);
    } finally {
      await connection.close();
    }
  });

  it('sent back by Sở Nội vụ: reopened with a reason, it climbs again from the draft', async () => {
    const noReason = await t.http().post(`/api/reports/${reportId}/reopen`).set(as('vhxh.cchc')).send({ reason: ' ' });
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION']);
    const reopened = await t.http().post(`/api/reports/${reportId}/reopen`).set(as('vhxh.cchc')).send({ reason: 'Sở Nội vụ đề nghị bổ sung số liệu dịch vụ công trực tuyến' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('REOPENED');
    expect(reopened.body.reopenings).toEqual([expect.objectContaining({ reason: 'Sở Nội vụ đề nghị bổ sung số liệu dịch vụ công trực tuyến' })]);
    expect(reopened.body.allowedActions).toContain('saveReportDraft');
  });
});
