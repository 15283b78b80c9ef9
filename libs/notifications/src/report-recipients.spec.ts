import type { ReportChange, ReportEvent, ReportSnapshot } from '@app/contracts';
import { reportNoticesFor, type Notice } from './recipients';
import { renderReportNotice } from './templates';
import { AT, EARLIER, P, PLACE, directory, ref, step } from './testing/fixtures';

const who = (notices: Notice[]) => notices.map((n) => [n.kind, n.person.id]).sort();

function report(overrides: Partial<ReportSnapshot> = {}): ReportSnapshot {
  return {
    reportId: 'r-1',
    commune: 'an-lao',
    year: 2026,
    period: 'YEAR',
    status: 'COLLECTING',
    inputDueAt: '2026-12-05',
    dueAt: '2026-12-10',
    reviewingUnit: 'VHXH',
    units: [],
    draft: { version: 0, contentId: null, drafter: null },
    openSteps: [],
    closedSteps: [],
    lastReturn: null,
    submission: null,
    reopenings: [],
    seq: 1,
    ...overrides,
  };
}

function change(event: Partial<ReportEvent> & Pick<ReportEvent, 'type'>, snapshot: ReportSnapshot): ReportChange {
  return {
    workflowId: 'an-lao:2026:report:YEAR',
    snapshot,
    event: { seq: 1, at: AT, actor: null, role: null, onBehalfOf: null, comment: null, from: null, to: snapshot.status, ...event },
  };
}

describe('who is told of a report event (reportNoticesFor)', () => {
  it('opened: every unit asked for its input hears it, in the report’s words', () => {
    const snap = report({ openSteps: [step('REPORT_INPUT', 'KT'), step('REPORT_INPUT', 'TTPVHCC')] });
    const notices = reportNoticesFor(change({ type: 'REPORT_OPENED' }, snap), { directory: directory() });
    expect(who(notices)).toEqual(expect.arrayContaining([['ASSIGNED', 'kt.chuyenvien'], ['ASSIGNED', 'kt.truongphong']]));
    const letter = renderReportNotice(notices.find((n) => n.person.id === 'kt.chuyenvien')!, change({ type: 'REPORT_OPENED' }, snap), PLACE);
    expect(letter.subject).toContain('báo cáo kết quả cải cách hành chính năm 2026');
    expect(letter.link).toBe(`${PLACE.publicUrl}/bao-cao/r-1`);
  });

  it('an input sent up: the unit head, never the staff who sent it; a step open before is not announced again', () => {
    const snap = report({ openSteps: [step('UNIT_REVIEW', 'KT', { drafters: [P.ktStaff] }), step('REPORT_INPUT', 'VP', { openedAt: EARLIER })] });
    const notices = reportNoticesFor(change({ type: 'INPUT_SUBMITTED', actor: ref(P.ktStaff), data: { unit: 'KT' } }, snap), { directory: directory() });
    expect(who(notices)).toEqual([['SUBMITTED_TO_YOU', 'kt.truongphong']]);
  });

  it('the Chairman’s approval: the coordinator who drafted hears the report is approved', () => {
    const snap = report({ status: 'APPROVED', draft: { version: 2, contentId: 'c', drafter: ref(P.cchc) }, openSteps: [step('REPORT_SUBMIT', null)] });
    const notices = reportNoticesFor(change({ type: 'APPROVED', actor: ref(P.chutich), role: 'CHAIRMAN', data: { level: 'CHAIRMAN_REVIEW' } }, snap), { directory: directory() });
    expect(who(notices)).toEqual([['APPROVED', P.cchc.id]]);
  });
});
