/**
 * What makes a commune's deadline settings acceptable (`PUT /settings/deadlines`): sane ranges, the ladder's rungs
 * in ascending order, known targets. Messages are for the person filling in the settings page.
 */
import { ESCALATION_TARGETS, type DeadlineSettings, type EscalationTarget } from '@app/contracts';
import type { FieldProblem } from '../calendar/validation';

export const DEADLINE_LIMITS = {
  approvalSlaWorkingDays: { min: 1, max: 20 },
  contributionLeadWorkingDays: { min: 0, max: 20 },
  remindBeforeWorkingDays: { min: 1, max: 20, count: 5 },
  escalationAfterWorkingDays: { min: 0, max: 60, rungs: 6 },
} as const;

const inRange = (n: unknown, r: { min: number; max: number }): n is number => Number.isInteger(n) && (n as number) >= r.min && (n as number) <= r.max;

/**
 * Problems of the settings, and the settings as stored: reminders in descending order (the first reminder first),
 * each rung's targets in the order of ESCALATION_TARGETS.
 */
export function checkDeadlineSettings(input: DeadlineSettings): { value: DeadlineSettings; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const L = DEADLINE_LIMITS;
  if (!inRange(input.approvalSlaWorkingDays, L.approvalSlaWorkingDays)) {
    problems.push({
      field: 'approvalSlaWorkingDays',
      message: `Thời hạn xử lý mỗi bước duyệt phải là số nguyên từ ${L.approvalSlaWorkingDays.min} đến ${L.approvalSlaWorkingDays.max} ngày làm việc.`,
    });
  }
  if (!inRange(input.contributionLeadWorkingDays, L.contributionLeadWorkingDays)) {
    problems.push({
      field: 'contributionLeadWorkingDays',
      message: `Hạn góp ý của đơn vị phối hợp phải là số nguyên từ ${L.contributionLeadWorkingDays.min} đến ${L.contributionLeadWorkingDays.max} ngày làm việc trước hạn nhiệm vụ.`,
    });
  }

  const reminders = input.remindBeforeWorkingDays ?? [];
  if (reminders.length > L.remindBeforeWorkingDays.count) {
    problems.push({ field: 'remindBeforeWorkingDays', message: `Có nhiều nhất ${L.remindBeforeWorkingDays.count} lần nhắc hạn.` });
  }
  reminders.forEach((n, i) => {
    if (!inRange(n, L.remindBeforeWorkingDays)) {
      problems.push({
        field: `remindBeforeWorkingDays[${i}]`,
        message: `Lần nhắc thứ ${i + 1}: số ngày làm việc trước hạn phải là số nguyên từ ${L.remindBeforeWorkingDays.min} đến ${L.remindBeforeWorkingDays.max}.`,
      });
    } else if (reminders.indexOf(n) !== i) {
      problems.push({ field: `remindBeforeWorkingDays[${i}]`, message: `Lần nhắc “trước ${n} ngày làm việc” bị trùng.` });
    }
  });

  const ladder = input.escalation ?? [];
  if (ladder.length === 0) problems.push({ field: 'escalation', message: 'Cần ít nhất một bậc báo cáo khi quá hạn.' });
  if (ladder.length > L.escalationAfterWorkingDays.rungs) {
    problems.push({ field: 'escalation', message: `Có nhiều nhất ${L.escalationAfterWorkingDays.rungs} bậc báo cáo khi quá hạn.` });
  }
  ladder.forEach((rung, i) => {
    const at = `escalation[${i}]`;
    if (!inRange(rung.afterWorkingDays, L.escalationAfterWorkingDays)) {
      problems.push({
        field: `${at}.afterWorkingDays`,
        message: `Bậc ${i + 1}: số ngày làm việc sau hạn phải là số nguyên từ ${L.escalationAfterWorkingDays.min} đến ${L.escalationAfterWorkingDays.max}.`,
      });
    } else if (i > 0 && inRange(ladder[i - 1].afterWorkingDays, L.escalationAfterWorkingDays) && rung.afterWorkingDays <= ladder[i - 1].afterWorkingDays) {
      problems.push({
        field: `${at}.afterWorkingDays`,
        message: `Các bậc phải tăng dần: bậc ${i + 1} (sau ${rung.afterWorkingDays} ngày) phải muộn hơn bậc ${i} (sau ${ladder[i - 1].afterWorkingDays} ngày).`,
      });
    }
    const to = rung.to ?? [];
    if (to.length === 0) problems.push({ field: `${at}.to`, message: `Bậc ${i + 1}: chọn ít nhất một người nhận báo cáo.` });
    if (to.some((t) => !ESCALATION_TARGETS.includes(t))) problems.push({ field: `${at}.to`, message: `Bậc ${i + 1}: có người nhận không hợp lệ.` });
    if (new Set(to).size !== to.length) problems.push({ field: `${at}.to`, message: `Bậc ${i + 1}: một người nhận được chọn hai lần.` });
  });

  const value: DeadlineSettings = {
    approvalSlaWorkingDays: input.approvalSlaWorkingDays,
    contributionLeadWorkingDays: input.contributionLeadWorkingDays,
    remindBeforeWorkingDays: [...reminders].sort((a, b) => b - a),
    escalation: ladder.map((r) => ({
      afterWorkingDays: r.afterWorkingDays,
      to: ESCALATION_TARGETS.filter((t): t is EscalationTarget => (r.to ?? []).includes(t)),
    })),
  };
  return { value, problems };
}
