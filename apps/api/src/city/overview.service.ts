import { Injectable } from '@nestjs/common';
import { communeDate, dueSoonWorkingDays, mayCity, mayReadCommune, STATUS_WORDS, statusWord, summarizeStatusWords, type StatusWord } from '@app/domain';
import { renderOverviewXlsx } from '@app/documents';
import { ReadModel, type CommuneRow, type OverviewTaskRow } from '@app/persistence';
import { forbidden, notFound } from '../common/api-error';
import { AuthUser, tenantActor } from '../common/current-user';
import { toTask } from '../tasks/task.view';

const PLAN_STATUS_TEXT: Record<string, string> = { ACTIVE: 'Đang thực hiện', DRAFT: 'Chưa kích hoạt' };
const NO_PLAN = 'Chưa có kế hoạch';

/** What each report state reads as at Sở Nội vụ. */
const REPORT_STATUS_TEXT: Record<string, string> = {
  SCHEDULED: 'Chưa mở',
  COLLECTING: 'Đang tổng hợp từ các đơn vị',
  DRAFTING: 'Đang dự thảo',
  VHXH_REVIEW: 'Phòng Văn hóa - Xã hội thẩm định',
  CHAIRMAN_REVIEW: 'Chờ Chủ tịch phê duyệt',
  RETURNED: 'Bị trả lại để chỉnh sửa',
  APPROVED: 'Đã phê duyệt, chưa gửi',
  SUBMITTED: 'Đã gửi Sở Nội vụ',
  REOPENED: 'Sở Nội vụ yêu cầu bổ sung',
};

const STATUS_KEYS = Object.keys(STATUS_WORDS) as StatusWord[];

/**
 * The Sở Nội vụ overview: read-only, across the communes its viewer is granted (the domain policy decides which).
 * The status words and the on-time rate are the domain's, counted as the board counts them.
 */
@Injectable()
export class OverviewService {
  constructor(private readonly readModel: ReadModel) {}

  /** The communes the caller may oversee; 403 for anyone but a viewer. */
  private async communes(user: AuthUser): Promise<CommuneRow[]> {
    const actor = tenantActor(user);
    if (!mayCity(actor, 'overview')) forbiddenOverview();
    return (await this.readModel.communes.inProvince(user.province!)).filter((c) => mayReadCommune(actor, c));
  }

  async overview(user: AuthUser, year: number) {
    const communes = await this.communes(user);
    const codes = communes.map((c) => c.code);
    const [tasks, plans, reports] = await Promise.all([
      this.readModel.overview.tasks(codes, year),
      this.readModel.overview.plans(codes, year),
      this.readModel.overview.reports(codes, year),
    ]);
    const today = communeDate(Date.now());
    const words = new Map<string, StatusWord[]>();
    for (const t of tasks) {
      const list = words.get(t.commune) ?? [];
      list.push(wordOf(t, today));
      words.set(t.commune, list);
    }
    const planOf = new Map(plans.map((p) => [p.commune, p]));
    return {
      year,
      statusWords: STATUS_KEYS.map((key) => ({ key, text: STATUS_WORDS[key] })),
      communes: communes.map((c) => {
        const plan = planOf.get(c.code);
        const summary = summarizeStatusWords(words.get(c.code) ?? []);
        return {
          code: c.code,
          name: c.name,
          plan: plan ? { id: plan.plan_id, status: plan.status, statusText: PLAN_STATUS_TEXT[plan.status] ?? plan.status, taskCount: plan.task_count } : null,
          tasks: summary,
          reports: reports
            .filter((r) => r.commune === c.code)
            .map((r) => ({ id: r.id, period: r.period, status: r.status, statusText: REPORT_STATUS_TEXT[r.status] ?? r.status, dueAt: r.due_at, submittedAt: r.submitted_at })),
        };
      }),
    };
  }

  /** One commune's board, read-only: its tasks as the commune's own board lists them; 404 outside the grant. */
  async communeBoard(user: AuthUser, code: string, year: number) {
    const commune = (await this.communes(user)).find((c) => c.code === code);
    if (!commune) throw notFound('Không tìm thấy xã/phường.');
    const today = communeDate(Date.now());
    const [plan, rules] = await Promise.all([this.readModel.plans.findByYear(code, year), this.readModel.deadlineRules.of(code, today)]);
    const rows = plan ? await this.readModel.tasks.listByPlan(code, plan.id) : [];
    // The viewer holds no step: the same view as the board, with no action for him.
    const ctx = {
      actor: { id: user.id, fullName: user.fullName, commune: code, unit: null, roles: user.roles },
      today,
      calendar: rules.calendar,
      dueSoonWorkingDays: dueSoonWorkingDays(rules.settings),
    };
    return {
      commune: { code: commune.code, name: commune.name },
      plan: plan ? { id: plan.id, title: plan.title, status: plan.status, statusText: PLAN_STATUS_TEXT[plan.status] ?? plan.status } : null,
      tasks: rows.map((r) => toTask(r, ctx)),
    };
  }

  async workbook(user: AuthUser, year: number): Promise<Buffer> {
    const o = await this.overview(user, year);
    return renderOverviewXlsx({
      title: `Tổng hợp thực hiện Kế hoạch cải cách hành chính năm ${year} của các xã, phường`,
      columns: o.statusWords.map((w) => w.text),
      communes: o.communes.map((c) => ({
        name: c.name,
        code: c.code,
        planStatus: c.plan?.statusText ?? NO_PLAN,
        total: c.tasks.total,
        counts: o.statusWords.map((w) => c.tasks.byWord[w.key]),
        onTimeRate: c.tasks.onTimeRate,
        reports: c.reports.map((r) => ({ period: r.period, status: r.statusText, dueAt: r.dueAt, submittedAt: r.submittedAt ? communeDate(Date.parse(r.submittedAt)) : null })),
      })),
    });
  }
}

function forbiddenOverview(): never {
  throw forbidden('Chỉ Sở Nội vụ được xem tổng hợp các xã, phường.');
}

/** The task's status word, from the same fields the board reads (task.view). */
function wordOf(t: OverviewTaskRow, today: string): StatusWord {
  return statusWord(
    { status: t.status, dueAt: t.due_at, originalDueAt: t.original_due_at, completedOn: t.completed_at ? communeDate(Date.parse(t.completed_at)) : null },
    today,
  );
}
