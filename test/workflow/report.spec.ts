/**
 * The report workflow through one whole quarter on the 2026 calendar (the test server's clock pinned to 25/5/2026
 * with faketime): the units' inputs (staff → head; a head who writes it himself has spoken), one unit late and
 * escalated, the coordinator's draft returned by Phòng VH-XH and approved by the Chairman, a sending that fails
 * and is tried again, then sent once; Sở Nội vụ sends it back and it climbs again.
 */
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DEFAULT_DEADLINE_SETTINGS, type DeadlineRules, type ReportChange, type ReportEvent } from '@app/contracts';
import { bundleForTests, createTestEnvAt, rejectionOf, runTaskTest, type ReportDriver, type TaskTest } from '../support/workflows/harness';

const RULES_2026: DeadlineRules = {
  calendar: {
    holidays: [
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02',
    ],
    workingSaturdays: ['2026-01-10', '2026-08-22'],
  },
  settings: DEFAULT_DEADLINE_SETTINGS,
};

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  bundle = await bundleForTests();
});

/** Runs `body` on a server of its own whose clock starts Monday 25/5/2026, 08:00 in the commune. */
async function inLateMay2026(body: (t: TaskTest) => Promise<void>): Promise<void> {
  const env = await createTestEnvAt('2026-05-25T01:00:00Z');
  try {
    await runTaskTest(env, bundle, async (t) => {
      t.recorder.rules = RULES_2026;
      await body(t);
    });
  } finally {
    await env.teardown();
  }
}

const trail = (t: TaskTest, report: ReportDriver): ReportEvent[] => t.recorder.reportOf(report.workflowId).map((c: ReportChange) => c.event);
/** An event as the trail shows it: what, when (commune time, to the minute), on which unit or level. */
const line = (e: ReportEvent) => [
  e.type,
  new Date(Date.parse(e.at) + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' '),
  (e.data?.unit as string | undefined) ?? (e.data?.level as string | undefined) ?? (e.data?.stepKind as string | undefined) ?? null,
  e.to,
];

test('Q2 2026: inputs, a late unit escalated, the draft returned then approved, a failed sending retried, sent once, reopened', async () => {
  await inLateMay2026(async (t) => {
    const { vpStaff, vpHead, ktHead, ktStaff, ttpvhccStaff, ttpvhccHead, coordinator, vhxhHead, chairman } = t.people;
    const report = await t.startReport({ year: 2026, period: 'Q2', inputDueAt: '2026-06-05', dueAt: '2026-06-10' });

    let snap = await report.snapshot();
    expect(snap).toMatchObject({ status: 'COLLECTING', period: 'Q2', inputDueAt: '2026-06-05', dueAt: '2026-06-10' });
    expect(snap.openSteps.map((s) => [s.kind, s.unit, s.dueAt])).toEqual([
      ['REPORT_INPUT', 'VP', '2026-06-05'],
      ['REPORT_INPUT', 'KT', '2026-06-05'],
      ['REPORT_INPUT', 'TTPVHCC', '2026-06-05'],
    ]);

    // Phòng Kinh tế's staff may not write Văn phòng's input; the coordinator may not send what is not approved.
    expect(await rejectionOf(report.saveInput(ktStaff, 'Văn phòng: ...', 'VP'))).toMatchObject({ type: 'NOT_YOUR_STEP' });
    expect(await rejectionOf(report.send(coordinator))).toMatchObject({ type: 'NOT_YOUR_STEP' });
    // Submitting before anything was saved loses nothing and says why.
    expect(await rejectionOf(report.submitInput(vpStaff))).toEqual({ type: 'VALIDATION', message: 'Đơn vị chưa lưu nội dung báo cáo để gửi.' });

    // Văn phòng: the staff writes, the head approves; the staff may not approve his own.
    await report.saveInput(vpStaff, 'Văn phòng: hoàn thành 4/5 nhiệm vụ quý II.');
    snap = await report.submitInput(vpStaff);
    expect(snap.units.find((u) => u.unit === 'VP')).toMatchObject({ status: 'UNIT_REVIEW', version: 1 });
    await report.decide(vpHead, 'UNIT_REVIEW', 'approve', undefined, 'VP');
    // Phòng Kinh tế: the head writes it himself; submitting is his review.
    await report.saveInput(ktHead, 'Phòng Kinh tế: rà soát 12 thủ tục hành chính.');
    snap = await report.submitInput(ktHead);
    expect(snap.units.map((u) => [u.unit, u.status])).toEqual([
      ['VP', 'APPROVED'],
      ['KT', 'APPROVED'],
      ['TTPVHCC', 'WAITING'],
    ]);

    // Trung tâm Phục vụ hành chính công is late: reminded, overdue on Friday 5/6 at 17:00, the coordinator on Tuesday
    // 9/6 and the Chairman on Friday 12/6 (working days, not calendar days).
    await t.env.sleep('19 days'); // → Saturday 13/6, 08:00
    const ttpvhccStep = snap.openSteps.find((s) => s.unit === 'TTPVHCC')!.stepId;
    const alerts = trail(t, report).filter((e) => e.data?.stepId === ttpvhccStep && ['REMINDER', 'OVERDUE', 'ESCALATED'].includes(e.type));
    expect(alerts.map((e) => [e.type, line(e)[1], e.data?.to])).toEqual([
      ['REMINDER', '2026-06-02 07:30', ['HOLDER']],
      ['REMINDER', '2026-06-04 07:30', ['HOLDER']],
      ['OVERDUE', '2026-06-05 17:00', ['HOLDER', 'UNIT_HEAD']],
      ['ESCALATED', '2026-06-09 17:00', ['COORDINATOR']],
      ['ESCALATED', '2026-06-12 17:00', ['CHAIRMAN']],
    ]);
    // The units that were in on time were never reminded after they sent.
    expect(trail(t, report).filter((e) => e.type !== 'REPORT_OPENED' && e.data?.unit !== 'TTPVHCC' && e.data?.stepKind)).toEqual([]);

    // The centre sends at last; its head returns it once, then approves: every input is in, the coordinator drafts.
    await report.saveInput(ttpvhccStaff, 'Trung tâm PVHCC: tiếp nhận 1.204 hồ sơ.');
    await report.submitInput(ttpvhccStaff);
    await report.decide(ttpvhccHead, 'UNIT_REVIEW', 'return', 'Bổ sung số hồ sơ trực tuyến toàn trình.', 'TTPVHCC');
    snap = await report.snapshot();
    expect(snap.units.find((u) => u.unit === 'TTPVHCC')).toMatchObject({ status: 'WAITING', returnReason: 'Bổ sung số hồ sơ trực tuyến toàn trình.' });
    await report.saveInput(ttpvhccStaff, 'Trung tâm PVHCC: tiếp nhận 1.204 hồ sơ, 812 hồ sơ trực tuyến toàn trình.');
    await report.submitInput(ttpvhccStaff);
    snap = await report.decide(ttpvhccHead, 'UNIT_REVIEW', 'approve', undefined, 'TTPVHCC');
    expect(snap.status).toBe('DRAFTING');
    expect(snap.openSteps.map((s) => [s.kind, s.dueAt])).toEqual([['REPORT_DRAFT', '2026-06-10']]);

    // The coordinator drafts and submits; Phòng VH-XH's head returns it with a reason, then approves the correction.
    await report.saveDraft(coordinator, 'Báo cáo CCHC quý II năm 2026 của UBND xã An Lão.');
    await report.submit(coordinator);
    snap = await report.decide(vhxhHead, 'VHXH_REVIEW', 'return', 'Thiếu số liệu chỉ số hài lòng.');
    expect(snap).toMatchObject({ status: 'RETURNED', lastReturn: { level: 'VHXH_REVIEW', reason: 'Thiếu số liệu chỉ số hài lòng.' } });
    await report.saveDraft(coordinator, 'Báo cáo CCHC quý II năm 2026 của UBND xã An Lão (bổ sung chỉ số hài lòng).');
    await report.submit(coordinator);
    await report.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
    // The coordinator drafted it: he may not decide at the Chairman's level even with a delegation; the Chairman does.
    snap = await report.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap.status).toBe('APPROVED');
    expect(snap.draft.version).toBe(2);

    // The mail server does not answer: the coordinator is told, nothing was recorded as sent, the step is back.
    t.recorder.failSends(3);
    expect(await rejectionOf(report.send(coordinator))).toMatchObject({ type: 'SERVICE_UNAVAILABLE' });
    snap = await report.snapshot();
    expect(snap).toMatchObject({ status: 'APPROVED', submission: null });
    expect(snap.openSteps.map((s) => s.kind)).toEqual(['REPORT_SUBMIT']);
    expect(t.recorder.sent).toHaveLength(0);

    // He tries again: it goes, once; a second click finds the step closed.
    snap = await report.send(coordinator);
    expect(snap.status).toBe('SUBMITTED');
    expect(snap.submission).toMatchObject({ to: 'sonoivu@haiphong.gov.vn', by: { id: coordinator.id } });
    expect(t.recorder.sent.map((m) => m.input.submission)).toEqual([2]);
    expect(await rejectionOf(report.send(coordinator))).toMatchObject({ type: 'STEP_CLOSED' });
    expect(t.recorder.sent).toHaveLength(1);

    // Sở Nội vụ sends it back: the coordinator records why, it climbs the chain again and is sent a second time.
    expect(await rejectionOf(report.reopen(coordinator, ' '))).toMatchObject({ type: 'VALIDATION' });
    snap = await report.reopen(coordinator, 'Sở Nội vụ đề nghị bổ sung kết quả số hóa hồ sơ.');
    expect(snap).toMatchObject({ status: 'REOPENED', reopenings: [{ reason: 'Sở Nội vụ đề nghị bổ sung kết quả số hóa hồ sơ.' }] });
    await report.saveDraft(coordinator, 'Báo cáo CCHC quý II năm 2026 (bổ sung số hóa).');
    await report.submit(coordinator);
    await report.decide(vhxhHead, 'VHXH_REVIEW', 'approve');
    await report.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    snap = await report.send(coordinator);
    expect(snap.status).toBe('SUBMITTED');
    expect(t.recorder.sent.map((m) => m.input.submission)).toEqual([2, 3]);

    // The trail tells the story in order, and every event was handed to the notifications.
    const story = trail(t, report).filter((e) => !['REMINDER', 'OVERDUE', 'ESCALATED'].includes(e.type));
    expect(story.map((e) => [e.type, e.to])).toEqual([
      ['REPORT_OPENED', 'COLLECTING'],
      ['INPUT_SAVED', 'COLLECTING'],
      ['INPUT_SUBMITTED', 'COLLECTING'],
      ['APPROVED', 'COLLECTING'],
      ['INPUT_SAVED', 'COLLECTING'],
      ['INPUT_SUBMITTED', 'COLLECTING'],
      ['REVIEW_BY_SUBMISSION', 'COLLECTING'],
      ['INPUT_SAVED', 'COLLECTING'],
      ['INPUT_SUBMITTED', 'COLLECTING'],
      ['RETURNED', 'COLLECTING'],
      ['INPUT_SAVED', 'COLLECTING'],
      ['INPUT_SUBMITTED', 'COLLECTING'],
      ['APPROVED', 'DRAFTING'],
      ['REPORT_DRAFT_SAVED', 'DRAFTING'],
      ['REPORT_SUBMITTED', 'VHXH_REVIEW'],
      ['RETURNED', 'RETURNED'],
      ['REPORT_DRAFT_SAVED', 'RETURNED'],
      ['REPORT_SUBMITTED', 'VHXH_REVIEW'],
      ['APPROVED', 'CHAIRMAN_REVIEW'],
      ['APPROVED', 'APPROVED'],
      ['REPORT_SENT', 'SUBMITTED'],
      ['REPORT_REOPENED', 'REOPENED'],
      ['REPORT_DRAFT_SAVED', 'REOPENED'],
      ['REPORT_SUBMITTED', 'VHXH_REVIEW'],
      ['APPROVED', 'CHAIRMAN_REVIEW'],
      ['APPROVED', 'APPROVED'],
      ['REPORT_SENT', 'SUBMITTED'],
    ]);
    expect(trail(t, report).map((e) => e.seq)).toEqual(trail(t, report).map((_, i) => i + 1));
    await waitFor(() => t.recorder.reportNotified.filter((c) => c.workflowId === report.workflowId).length === trail(t, report).length);
  });
});

test("Phòng VH-XH's head who drafts the report himself has spoken for his unit: it goes straight to the Chairman, who alone decides", async () => {
  await inLateMay2026(async (t) => {
    const { vpHead, ktHead, ttpvhccHead, vhxhHead, chairman } = t.people;
    const report = await t.startReport({ year: 2026, period: 'Q2', inputDueAt: '2026-06-05', dueAt: '2026-06-10' });
    for (const head of [vpHead, ktHead, ttpvhccHead]) {
      await report.saveInput(head, `Báo cáo của ${head.unit}.`);
      await report.submitInput(head);
    }
    // The head of Phòng VH-XH is also the commune's CCHC coordinator this quarter and writes the report himself.
    const drafter = { ...vhxhHead, roles: [...vhxhHead.roles, 'COORDINATOR' as const] };
    await report.saveDraft(drafter, 'Báo cáo CCHC quý II.');
    let snap = await report.submit(drafter);
    expect(snap.status).toBe('CHAIRMAN_REVIEW');
    expect(snap.openSteps.map((s) => [s.kind, s.excludedUserIds])).toEqual([['CHAIRMAN_REVIEW', [drafter.id]]]);
    expect(trail(t, report).slice(-2).map((e) => [e.type, e.data?.level ?? null])).toEqual([
      ['REPORT_SUBMITTED', null],
      ['REVIEW_BY_SUBMISSION', 'VHXH_REVIEW'],
    ]);
    // The Chairman's step is not his (a unit head holds no delegation of the Chairman's); the Chairman decides.
    expect(await rejectionOf(report.decide(drafter, 'CHAIRMAN_REVIEW', 'approve'))).toMatchObject({ type: 'NOT_YOUR_STEP' });
    snap = await report.decide(chairman, 'CHAIRMAN_REVIEW', 'approve');
    expect(snap.status).toBe('APPROVED');
  });
});

async function waitFor(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(done()).toBe(true);
}
