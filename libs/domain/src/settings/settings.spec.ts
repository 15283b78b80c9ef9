import { DEFAULT_DEADLINE_SETTINGS, DEFAULT_REPORT_SETTINGS, type DeadlineSettings, type ReportSettings } from '@app/contracts';
import { dueSoonWorkingDays } from '../calendar';
import { checkDeadlineSettings, checkReportSettings } from '.';

const deadlines = (patch: Partial<DeadlineSettings>): DeadlineSettings => ({ ...DEFAULT_DEADLINE_SETTINGS, ...patch });
const reports = (patch: Partial<ReportSettings>): ReportSettings => ({ ...DEFAULT_REPORT_SETTINGS, ...patch });

describe('deadline settings', () => {
  test('the defaults are sound and stored as they are', () => {
    expect(checkDeadlineSettings(DEFAULT_DEADLINE_SETTINGS)).toEqual({ value: DEFAULT_DEADLINE_SETTINGS, problems: [] });
  });

  test('reminders are stored first reminder first; the due-soon window is the first reminder', () => {
    const { value, problems } = checkDeadlineSettings(deadlines({ remindBeforeWorkingDays: [1, 5, 2] }));
    expect(problems).toEqual([]);
    expect(value.remindBeforeWorkingDays).toEqual([5, 2, 1]);
    expect(dueSoonWorkingDays(value)).toBe(5);
    expect(dueSoonWorkingDays(deadlines({ remindBeforeWorkingDays: [] }))).toBe(0);
  });

  test('ranges: the SLA 1–20, the contribution lead 0–20, reminders 1–20 and distinct', () => {
    const { problems } = checkDeadlineSettings(deadlines({ approvalSlaWorkingDays: 0, contributionLeadWorkingDays: 21, remindBeforeWorkingDays: [3, 3, 0] }));
    expect(problems.map((p) => p.field)).toEqual(['approvalSlaWorkingDays', 'contributionLeadWorkingDays', 'remindBeforeWorkingDays[1]', 'remindBeforeWorkingDays[2]']);
    expect(problems[0].message).toBe('Thời hạn xử lý mỗi bước duyệt phải là số nguyên từ 1 đến 20 ngày làm việc.');
    expect(problems[2].message).toBe('Lần nhắc “trước 3 ngày làm việc” bị trùng.');
  });

  test('the ladder: rungs ascending, someone to tell, known targets; targets stored in ladder order', () => {
    const bad = checkDeadlineSettings(
      deadlines({
        escalation: [
          { afterWorkingDays: 2, to: ['COORDINATOR'] },
          { afterWorkingDays: 2, to: [] },
          { afterWorkingDays: 5, to: ['CHAIRMAN', 'MAYOR' as never, 'CHAIRMAN'] },
        ],
      }),
    );
    expect(bad.problems.map((p) => p.field)).toEqual(['escalation[1].afterWorkingDays', 'escalation[1].to', 'escalation[2].to', 'escalation[2].to']);
    expect(bad.problems[0].message).toBe('Các bậc phải tăng dần: bậc 2 (sau 2 ngày) phải muộn hơn bậc 1 (sau 2 ngày).');
    expect(checkDeadlineSettings(deadlines({ escalation: [] })).problems).toEqual([{ field: 'escalation', message: 'Cần ít nhất một bậc báo cáo khi quá hạn.' }]);
    const ok = checkDeadlineSettings(deadlines({ escalation: [{ afterWorkingDays: 0, to: ['UNIT_HEAD', 'HOLDER'] }] }));
    expect(ok.value.escalation).toEqual([{ afterWorkingDays: 0, to: ['HOLDER', 'UNIT_HEAD'] }]);
  });
});

describe('report settings', () => {
  test("An Lão's defaults are sound", () => {
    expect(checkReportSettings(DEFAULT_REPORT_SETTINGS)).toEqual({ value: DEFAULT_REPORT_SETTINGS, problems: [] });
  });

  test('periods known, once, in calendar order; not Q4 and YEAR together', () => {
    expect(checkReportSettings(reports({ periods: ['YEAR', 'Q1'] })).value.periods).toEqual(['Q1', 'YEAR']);
    const { problems } = checkReportSettings(reports({ periods: ['Q4', 'YEAR', 'Q4'] }));
    expect(problems.map((p) => p.message)).toEqual(['Một kỳ báo cáo được chọn hai lần.', 'Báo cáo năm thay cho báo cáo quý IV: chỉ chọn một trong hai.']);
    expect(checkReportSettings(reports({ periods: [] })).problems[0].message).toBe('Chọn ít nhất một kỳ báo cáo.');
  });

  test('units before the commune, the cut-off before the units, days every month has, a real address', () => {
    const { problems } = checkReportSettings(reports({ unitInputDueDay: 10, communeDueDay: 10, dataCutoffDay: 12, departmentEmail: 'snv@' }));
    expect(problems.map((p) => p.field)).toEqual(['unitInputDueDay', 'dataCutoffDay', 'departmentEmail']);
    expect(checkReportSettings(reports({ communeDueDay: 31 })).problems[0].message).toBe('Hạn báo cáo của xã phải là ngày từ 1 đến 28 của tháng cuối kỳ.');
    const ok = checkReportSettings(reports({ dataCutoffDay: 3, departmentEmail: ' vanthu@snv.haiphong.gov.vn ', departmentName: ' Sở Nội vụ ' }));
    expect(ok.problems).toEqual([]);
    expect(ok.value).toMatchObject({ dataCutoffDay: 3, departmentEmail: 'vanthu@snv.haiphong.gov.vn', departmentName: 'Sở Nội vụ' });
  });
});
