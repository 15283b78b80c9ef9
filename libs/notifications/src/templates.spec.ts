import { noticesFor } from './recipients';
import { communeWords, renderDigest, renderLateAtActivation, renderTaskNotice, shortTitle, vnDate, type MessageContent } from './templates';
import { EARLIER, P, PLACE, TASK, change, directory, ref, snapshot, step } from './testing/fixtures';

const LINK = `http://localhost:3000/nhiem-vu/${TASK.id}`;

function render(c: ReturnType<typeof change>, forWhom: string, ctx: Partial<Parameters<typeof noticesFor>[1]> = {}): MessageContent {
  const notice = noticesFor(c, { directory: directory(), ...ctx }).find((n) => n.person.id === forWhom);
  if (!notice) throw new Error(`no notice for ${forWhom}`);
  return renderTaskNotice(notice, c, TASK, PLACE);
}

/** Every rendering says the same in text and HTML, and is polite office Vietnamese with the link. */
function expectLetter(m: MessageContent, to: string) {
  expect(m.subject.startsWith('[CCHC xã An Lão] ')).toBe(true);
  expect(m.text.startsWith(`Kính gửi đồng chí ${to},`)).toBe(true);
  expect(m.html).toContain(`Kính gửi đồng chí <strong>${to}</strong>`);
  expect(m.html).toContain('<html lang="vi">');
  expect(m.text).toContain('UBND xã An Lão');
  expect(m.text).toContain('Trân trọng.');
  for (const s of [m.subject, m.text, m.title, m.body]) expect(s).toBe(s.normalize('NFC'));
}

describe('what people read (templates)', () => {
  it('words: commune, dates dd/mm/yyyy in the commune’s zone, short titles', () => {
    expect(communeWords('Xã An Lão')).toBe('xã An Lão');
    expect(vnDate('2026-03-05')).toBe('05/03/2026');
    expect(vnDate('2026-11-26T18:30:00.000Z')).toBe('27/11/2026');
    expect(shortTitle('Một hai ba bốn năm sáu bảy tám chín mười', 20)).toBe('Một hai ba bốn năm…');
    expect(shortTitle('Ngắn')).toBe('Ngắn');
  });

  it('ASSIGNED: who assigned, the task, the step and its due date, the link', () => {
    const snap = snapshot({ openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff, dueAt: '2026-12-31' })] });
    const m = render(change({ type: 'ASSIGNED', actor: ref(P.ktHead), role: 'UNIT_HEAD', comment: 'Ưu tiên số liệu quý IV', data: { unit: 'KT' } }, snap), 'kt.chuyenvien');
    expectLetter(m, 'Đỗ Thị Hương');
    expect(m.subject).toBe('[CCHC xã An Lão] Giao thực hiện nhiệm vụ số 25: Đẩy mạnh việc thực hiện cơ chế tự chủ, xã hội hoá, nhất là trong lĩnh…');
    expect(m.text).toContain('Đồng chí Vũ Đức Thắng (Lãnh đạo Phòng Kinh tế) đã giao đồng chí thực hiện nhiệm vụ số 25 thuộc Kế hoạch cải cách hành chính năm 2026 của UBND xã An Lão');
    expect(m.text).toContain('- Bước xử lý: Soạn dự thảo (Phòng Kinh tế)');
    expect(m.text).toContain('- Hạn xử lý: 31/12/2026');
    expect(m.text).toContain('- Ghi chú của người giao: Ưu tiên số liệu quý IV');
    expect(m.text).toContain(`Mở nhiệm vụ: ${LINK}`);
    expect(m.html).toContain(`href="${LINK}"`);
    expect(m).toMatchObject({ title: 'Được giao nhiệm vụ số 25', link: LINK });
  });

  it('SUBMITTED_TO_YOU: who submitted and what is asked; a delegate is told he acts for the Chairman', () => {
    const unit = snapshot({ status: 'UNIT_REVIEW', openSteps: [step('UNIT_REVIEW', 'KT', { dueAt: '2026-12-02' })] });
    const m = render(change({ type: 'SUBMITTED', actor: ref(P.ktStaff), role: 'STAFF', comment: 'Kính trình', data: { unit: 'KT', version: 3 } }, unit), 'kt.truongphong');
    expectLetter(m, 'Vũ Đức Thắng');
    expect(m.subject).toBe('[CCHC xã An Lão] Trình duyệt nhiệm vụ số 25 – chờ đồng chí cho ý kiến');
    expect(m.text).toContain('Đồng chí Đỗ Thị Hương (Chuyên viên Phòng Kinh tế) đã trình dự thảo nhiệm vụ số 25');
    expect(m.text).toContain('- Bước xử lý: Trưởng đơn vị duyệt (Phòng Kinh tế)');
    expect(m.text).toContain('- Hạn xử lý: 02/12/2026');
    expect(m.text).toContain('- Phiên bản dự thảo: 3');
    expect(m.text).toContain('- Ý kiến kèm theo: Kính trình');

    const chair = snapshot({ status: 'CHAIRMAN_REVIEW', openSteps: [step('CHAIRMAN_REVIEW', null)] });
    const delegations = [{ toUserId: P.phochutich.id, fromUser: ref(P.chutich), from: '2026-11-01', until: '2026-12-31' }];
    const c = change({ type: 'APPROVED', actor: ref(P.vhxhHead), role: 'UNIT_HEAD', data: { level: 'VHXH_REVIEW', unit: 'VHXH' } }, chair);
    const vc = render(c, 'phochutich', { directory: directory({ delegations }) });
    expect(vc.text).toContain('Đồng chí Trần Thị Lan (Lãnh đạo Phòng Văn hóa - Xã hội) đã duyệt dự thảo nhiệm vụ số 25');
    expect(vc.text).toContain('- Bước xử lý: Chủ tịch UBND xã phê duyệt');
    expect(vc.text).toContain('Đồng chí nhận thư này với tư cách được Chủ tịch Đinh Thành Đồng ủy quyền phê duyệt.');
    expect(render(c, 'chutich', { directory: directory({ delegations }) }).text).not.toContain('ủy quyền');
  });

  it('RETURNED: the reason and who returned it (a Vice Chairman for the Chairman is named as such)', () => {
    const snap = snapshot({
      status: 'RETURNED',
      lastReturn: { by: ref(P.phochutich), role: 'VICE_CHAIRMAN', onBehalfOf: ref(P.chutich), level: 'CHAIRMAN_REVIEW', at: EARLIER, reason: 'Bổ sung số liệu <quý IV> & phụ lục' },
      openSteps: [step('DRAFT', 'KT', { assignee: P.ktStaff })],
    });
    const m = render(change({ type: 'RETURNED', actor: ref(P.phochutich), role: 'VICE_CHAIRMAN', onBehalfOf: ref(P.chutich), comment: 'Bổ sung số liệu <quý IV> & phụ lục', data: { level: 'CHAIRMAN_REVIEW', unit: null } }, snap), 'kt.chuyenvien');
    expectLetter(m, 'Đỗ Thị Hương');
    expect(m.subject).toBe('[CCHC xã An Lão] Nhiệm vụ số 25 bị trả lại – đề nghị chỉnh sửa dự thảo');
    expect(m.text).toContain('đã bị trả lại ở bước “Chủ tịch UBND xã phê duyệt”');
    expect(m.text).toContain('- Người trả lại: Nguyễn Văn Hùng (Phó Chủ tịch UBND xã, thay mặt Chủ tịch Đinh Thành Đồng theo ủy quyền)');
    expect(m.text).toContain('- Lý do trả lại: Bổ sung số liệu <quý IV> & phụ lục');
    expect(m.html).toContain('Bổ sung số liệu &lt;quý IV&gt; &amp; phụ lục');
    expect(m.html).not.toContain('<quý IV>');
    expect(m.body).toBe('Nguyễn Văn Hùng (Phó Chủ tịch UBND xã, thay mặt Chủ tịch Đinh Thành Đồng theo ủy quyền) trả lại dự thảo nhiệm vụ số 25. Lý do: Bổ sung số liệu <quý IV> & phụ lục.');
  });

  it('APPROVED: the approver and the day, thanks to the drafter, a word to the coordinator', () => {
    const snap = snapshot({ status: 'COMPLETED' });
    const c = change({ type: 'APPROVED', at: '2026-11-26T10:00:00.000Z', actor: ref(P.chutich), role: 'CHAIRMAN', data: { level: 'CHAIRMAN_REVIEW', unit: null } }, snap);
    const drafter = render(c, 'kt.chuyenvien');
    expectLetter(drafter, 'Đỗ Thị Hương');
    expect(drafter.subject).toBe('[CCHC xã An Lão] Nhiệm vụ số 25 đã được phê duyệt, hoàn thành');
    expect(drafter.text).toContain('- Người phê duyệt: Đinh Thành Đồng (Chủ tịch UBND xã)');
    expect(drafter.text).toContain('- Ngày phê duyệt: 26/11/2026');
    expect(drafter.text).toContain('Cảm ơn đồng chí đã hoàn thành nhiệm vụ.');
    expect(render(c, 'vhxh.cchc').text).toContain('Đề nghị đồng chí cập nhật kết quả vào báo cáo cải cách hành chính của xã.');
  });

  describe('deadlines', () => {
    const draft = step('DRAFT', 'KT', { assignee: P.ktStaff, openedAt: EARLIER, dueAt: '2026-11-30', id: 's1' });
    const snap = snapshot({ openSteps: [draft] });

    it('REMINDER: the due date, the working days left, how to turn reminders off', () => {
      const m = render(change({ type: 'REMINDER', data: { stepId: 's1', workingDaysLeft: 2 } }, snap), 'kt.chuyenvien');
      expectLetter(m, 'Đỗ Thị Hương');
      expect(m.subject).toBe('[CCHC xã An Lão] Nhắc hạn: nhiệm vụ số 25 đến hạn ngày 30/11/2026');
      expect(m.text).toContain('hạn ngày 30/11/2026 (còn 2 ngày làm việc)');
      expect(m.text).toContain('tắt thư nhắc hạn');
    });

    it('OVERDUE: to the holder, and to his unit head, each asked what is his to do', () => {
      const c = change({ type: 'OVERDUE', data: { stepId: 's1', to: ['HOLDER', 'UNIT_HEAD'], workingDaysLate: 3 } }, snap);
      const holder = render(c, 'kt.chuyenvien');
      expect(holder.subject).toBe('[CCHC xã An Lão] Quá hạn: nhiệm vụ số 25 (hạn 30/11/2026)');
      expect(holder.text).toContain('Nhiệm vụ số 25 thuộc Kế hoạch cải cách hành chính năm 2026 của UBND xã An Lão quá hạn 3 ngày làm việc ở bước “Soạn dự thảo (Phòng Kinh tế)”');
      expect(holder.text).toContain('Đề nghị đồng chí khẩn trương hoàn thành');
      const head = render(c, 'kt.truongphong');
      expect(head.text).toContain('- Người/đơn vị đang xử lý: Đỗ Thị Hương');
      expect(head.text).toContain('Đề nghị đồng chí đôn đốc, chỉ đạo hoàn thành.');
    });

    it('ESCALATED: a report to the coordinator naming who holds the step', () => {
      const m = render(change({ type: 'ESCALATED', data: { stepId: 's1', to: ['COORDINATOR'], workingDaysLate: 2 } }, snap), 'vhxh.cchc');
      expectLetter(m, 'Phạm Minh Tuấn');
      expect(m.subject).toBe('[CCHC xã An Lão] Báo cáo: nhiệm vụ số 25 quá hạn 2 ngày làm việc');
      expect(m.text).toContain('Kính báo cáo đồng chí: nhiệm vụ số 25');
      expect(m.text).toContain('- Người/đơn vị đang xử lý: Đỗ Thị Hương');
    });

    it('EXTENSION: the request to the decider, the decision to the requester', () => {
      const req = render(
        change({ type: 'EXTENSION_REQUESTED', actor: ref(P.ktStaff), role: 'STAFF', data: { extensionId: 'e1', scope: 'TASK', currentDueAt: '2026-12-31', newDueAt: '2027-01-15', reason: 'Chờ số liệu của Sở' } }, snap),
        'chutich',
      );
      expect(req.subject).toBe('[CCHC xã An Lão] Đề nghị gia hạn nhiệm vụ số 25 đến ngày 15/01/2027');
      expect(req.text).toContain('- Hạn hiện tại: 31/12/2026');
      expect(req.text).toContain('- Lý do: Chờ số liệu của Sở');
      const asked = { extensionId: 'e1', scope: 'TASK' as const, stepId: null, unit: null, requestedBy: ref(P.ktStaff), reason: 'x', originalDueAt: null, currentDueAt: null, newDueAt: '2027-01-15', status: 'REJECTED' as const, decidedBy: ref(P.chutich) };
      const no = render(
        change({ type: 'EXTENSION_REJECTED', actor: ref(P.chutich), role: 'CHAIRMAN', comment: 'Không đủ căn cứ', data: { extensionId: 'e1' } }, { ...snap, extensions: [asked] }),
        'kt.chuyenvien',
      );
      expect(no.subject).toBe('[CCHC xã An Lão] Đề nghị gia hạn nhiệm vụ số 25 không được chấp thuận');
      expect(no.text).toContain('- Ý kiến: Không đủ căn cứ');
    });
  });

  const items = [
    { taskId: 't3', number: 3, content: 'Xây dựng báo cáo CCHC định kỳ', stepKind: 'DRAFT' as const, unit: 'VHXH', holder: 'Phạm Minh Tuấn', dueAt: '2026-09-10', workingDaysLate: 55 },
    { taskId: 't25', number: 25, content: TASK.content, stepKind: 'ASSIGN' as const, unit: 'KT', holder: null, dueAt: '2026-09-30', workingDaysLate: 41 },
    { taskId: 't26', number: 26, content: 'Rà soát thủ tục hành chính', stepKind: 'ASSIGN' as const, unit: 'KT', holder: null, dueAt: '2026-10-31', workingDaysLate: 19 },
  ];

  it('the late list at activation: one message, per unit, each item linked', () => {
    const m = renderLateAtActivation(P.cchc, { year: 2026, activatedOn: '2026-11-26', items }, PLACE);
    expectLetter(m, 'Phạm Minh Tuấn');
    expect(m.subject).toBe('[CCHC xã An Lão] 3 bước xử lý đã quá hạn khi kích hoạt Kế hoạch CCHC năm 2026');
    expect(m.text).toContain('Phòng Kinh tế (2)');
    expect(m.text).toContain('Phòng Văn hóa - Xã hội (1)');
    expect(m.text).toContain('Nhiệm vụ số 3: Xây dựng báo cáo CCHC định kỳ – Soạn dự thảo (Phòng Văn hóa - Xã hội) – Phạm Minh Tuấn (hạn 10/09/2026, quá 55 ngày làm việc)');
    expect(m.html).toContain('href="http://localhost:3000/nhiem-vu/t26"');
    expect(m.body).toContain('Phòng Kinh tế: 2; Phòng Văn hóa - Xã hội: 1');
  });

  it('the digest: late steps per unit, steps due soon, and says so when there are none', () => {
    const due = [{ taskId: 't9', number: 9, content: 'Tuyên truyền CCHC', stepKind: 'UNIT_REVIEW' as const, unit: 'VP', holder: null, dueAt: '2026-11-30', workingDaysLeft: 2 }];
    const m = renderDigest(P.cchc, { date: '2026-11-27', overdue: items, dueSoon: due, dueSoonWorkingDays: 3 }, PLACE);
    expectLetter(m, 'Phạm Minh Tuấn');
    expect(m.subject).toBe('[CCHC xã An Lão] Tổng hợp tình hình thực hiện Kế hoạch CCHC ngày 27/11/2026');
    expect(m.title).toBe('Tổng hợp ngày 27/11/2026: 3 quá hạn, 1 sắp đến hạn');
    expect(m.text).toContain('Văn phòng HĐND và UBND xã – Nhiệm vụ số 9: Tuyên truyền CCHC – Trưởng đơn vị duyệt (Văn phòng HĐND và UBND xã) (hạn 30/11/2026, còn 2 ngày làm việc)');
    const none = renderDigest(P.cchc, { date: '2026-11-27', overdue: [], dueSoon: due, dueSoonWorkingDays: 3 }, PLACE);
    expect(none.text).toContain('Không có bước nào quá hạn.');
    expect(renderDigest(P.cchc, { date: '2026-11-27', overdue: items, dueSoon: [], dueSoonWorkingDays: 3 }, PLACE).text).toContain('Không có bước nào sắp đến hạn.');
  });
});
