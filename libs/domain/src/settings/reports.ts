/**
 * What makes a commune's report settings acceptable (`PUT /settings/reports`): known periods in calendar order,
 * days that exist in every month, unit inputs due before the commune's report, figures cut off before units send.
 */
import { DEFAULT_REPORT_SETTINGS, REPORT_PERIODS, type ReportSettings } from '@app/contracts';
import type { FieldProblem } from '../calendar/validation';

/** Due days stop at 28 so that every month, February included, has them. */
const DAY = { min: 1, max: 28 };
const isDay = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= DAY.min && (n as number) <= DAY.max;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkReportSettings(input: ReportSettings): { value: ReportSettings; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const periods = input.periods ?? [];
  if (periods.length === 0) problems.push({ field: 'periods', message: 'Chọn ít nhất một kỳ báo cáo.' });
  if (periods.some((p) => !REPORT_PERIODS.includes(p))) problems.push({ field: 'periods', message: 'Có kỳ báo cáo không hợp lệ.' });
  if (new Set(periods).size !== periods.length) problems.push({ field: 'periods', message: 'Một kỳ báo cáo được chọn hai lần.' });
  if (periods.includes('Q4') && periods.includes('YEAR')) {
    problems.push({ field: 'periods', message: 'Báo cáo năm thay cho báo cáo quý IV: chỉ chọn một trong hai.' });
  }
  for (const key of ['unitInputDueDay', 'communeDueDay'] as const) {
    if (!isDay(input[key])) {
      const what = key === 'unitInputDueDay' ? 'Hạn đơn vị gửi báo cáo' : 'Hạn báo cáo của xã';
      problems.push({ field: key, message: `${what} phải là ngày từ ${DAY.min} đến ${DAY.max} của tháng cuối kỳ.` });
    }
  }
  if (isDay(input.unitInputDueDay) && isDay(input.communeDueDay) && input.unitInputDueDay >= input.communeDueDay) {
    problems.push({ field: 'unitInputDueDay', message: 'Các đơn vị phải gửi báo cáo trước hạn báo cáo của xã.' });
  }
  if (input.dataCutoffDay !== null) {
    if (!isDay(input.dataCutoffDay)) {
      problems.push({ field: 'dataCutoffDay', message: `Ngày chốt số liệu phải từ ${DAY.min} đến ${DAY.max}, hoặc để trống.` });
    } else if (isDay(input.unitInputDueDay) && input.dataCutoffDay >= input.unitInputDueDay) {
      problems.push({ field: 'dataCutoffDay', message: 'Ngày chốt số liệu phải trước hạn các đơn vị gửi báo cáo.' });
    }
  }
  const departmentName = typeof input.departmentName === 'string' ? input.departmentName.trim() : '';
  if (!departmentName) problems.push({ field: 'departmentName', message: 'Cần có tên cơ quan nhận báo cáo (Sở Nội vụ).' });
  else if (departmentName.length > 200) problems.push({ field: 'departmentName', message: 'Tên cơ quan nhận báo cáo dài quá 200 ký tự.' });
  const email = typeof input.departmentEmail === 'string' ? input.departmentEmail.trim() : null;
  if (email !== null && email !== '' && !EMAIL.test(email)) {
    problems.push({ field: 'departmentEmail', message: `Địa chỉ thư điện tử “${email}” không hợp lệ.` });
  }
  const lead = input.openLeadWorkingDays ?? DEFAULT_REPORT_SETTINGS.openLeadWorkingDays!;
  if (!Number.isInteger(lead) || lead < 0 || lead > 40) {
    problems.push({ field: 'openLeadWorkingDays', message: 'Số ngày làm việc mở báo cáo trước hạn đơn vị gửi phải từ 0 đến 40.' });
  }
  const value: ReportSettings = {
    periods: REPORT_PERIODS.filter((p) => periods.includes(p)),
    unitInputDueDay: input.unitInputDueDay,
    communeDueDay: input.communeDueDay,
    dataCutoffDay: input.dataCutoffDay,
    departmentName,
    departmentEmail: email || null,
    openLeadWorkingDays: lead,
  };
  return { value, problems };
}
