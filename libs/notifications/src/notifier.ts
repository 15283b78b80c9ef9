/**
 * The notifier: what the worker's activities call. It gathers what the pure rules need from the read model (the
 * commune's people and delegations, the task, the open steps), asks recipients.ts who is told and templates.ts what
 * they read, and hands the result to the dispatcher (dispatch.ts), which records and sends it exactly once.
 */
import type { DeadlineRules, NotificationKind, ReportChange, ReportPeriod, TaskChange } from '@app/contracts';
import { communeDate, DEFAULT_DUE_SOON_WORKING_DAYS, dueState, principal, workingDaysBetween } from '@app/domain';
import type { OpenStepListRow, ReadModel } from '@app/persistence';
import { Dispatcher, type DispatchResult, type Envelope, messageIdFor, NOTHING_DISPATCHED, SEND_SLOTS, senderDomain, Slots } from './dispatch';
import type { MailAttachment, Mailer } from './mailer';
import { type Directory, type NoticeKind, noticesFor, peopleFor, type Person, reportNoticesFor } from './recipients';
import { type Place, renderDigest, renderLateAtActivation, renderReportNotice, renderReportSubmission, renderTaskNotice, type StepItem } from './templates';

/** The in-app kind of a notice (api.md "Notifications"): a request to contribute is work given to the unit. */
export const IN_APP_KIND: Record<NoticeKind, NotificationKind> = {
  ASSIGNED: 'ASSIGNED',
  CONTRIBUTION_REQUESTED: 'ASSIGNED',
  SUBMITTED_TO_YOU: 'SUBMITTED_TO_YOU',
  RETURNED: 'RETURNED',
  APPROVED: 'APPROVED',
  REMINDER: 'REMINDER',
  OVERDUE: 'OVERDUE',
  ESCALATED: 'ESCALATED',
  EXTENSION_REQUESTED: 'EXTENSION',
  EXTENSION_DECIDED: 'EXTENSION',
};

export interface NotifierSettings {
  publicUrl: string;
  mailFrom: string;
}

export interface NotifierDeps {
  readModel: ReadModel;
  mailer: Mailer;
  settings: NotifierSettings;
  /** The commune's calendar and deadline settings (the same source as the workflows' deadlineRules activity). */
  deadlineRules: (commune: string) => Promise<DeadlineRules>;
}

/** Thrown while the plan's task workflows have not all written their first state: the activity retries. */
export class PlanNotReady extends Error {
  constructor(waiting: number) {
    super(`Còn ${waiting} nhiệm vụ chưa mở kỳ đầu; danh sách quá hạn sẽ được lập khi đủ.`);
    this.name = 'PlanNotReady';
  }
}

export class Notifier {
  /** Shared by every activity of this worker: at most SEND_SLOTS sends (and claims) at once. */
  private readonly slots = new Slots(SEND_SLOTS);

  constructor(private readonly deps: NotifierDeps) {}

  private dispatcher(onProgress?: () => void) {
    return new Dispatcher({ notifications: this.deps.readModel.notifications, outbound: this.deps.readModel.outbound }, this.deps.mailer, {
      mailFrom: this.deps.settings.mailFrom,
      slots: this.slots,
      onProgress,
    });
  }

  /** Who can be told in the commune on `today`, and how the commune and its units are named: one database read. */
  async audience(commune: string, today: string): Promise<{ directory: Directory; place: Place }> {
    const a = await this.deps.readModel.audience.of(commune, today);
    return {
      directory: {
        people: a.people.map(
          (p): Person => ({ id: p.id, fullName: p.full_name, email: p.email, unit: p.unit_code, unitName: p.unit_name, roles: p.roles, emailReminders: p.email_reminders }),
        ),
        delegations: a.grants.map((g) => ({ toUserId: g.to_user_id, fromUser: { id: g.from_user_id, fullName: g.from_name }, from: g.valid_from, until: g.valid_until })),
      },
      place: {
        communeName: a.commune?.name ?? commune,
        publicUrl: this.deps.settings.publicUrl.replace(/\/+$/, ''),
        unitNames: Object.fromEntries(a.units.map((u) => [u.code, u.name])),
      },
    };
  }

  /** Tells the people one task event concerns. Idempotent per (workflow id, event seq, recipient). */
  async taskEvent(change: TaskChange, onProgress?: () => void): Promise<DispatchResult> {
    const { snapshot, event } = change;
    const commune = snapshot.commune;
    const today = communeDate(new Date(event.at));
    const [task, { directory, place }] = await Promise.all([this.deps.readModel.tasks.find(commune, snapshot.taskId), this.audience(commune, today)]);
    // A change set aside by the read model has no task row to link to; nobody can be shown it.
    if (!task) return NOTHING_DISPATCHED;
    const notices = noticesFor(change, { directory });
    const info = { id: task.id, number: task.number, content: task.content, year: task.year };
    const envelopes: Envelope[] = notices.map((notice) => ({
      key: `${change.workflowId}#${event.seq}#${notice.person.id}`,
      commune,
      kind: IN_APP_KIND[notice.kind],
      person: notice.person,
      content: renderTaskNotice(notice, change, info, place),
      email: notice.email,
      taskId: task.id,
      reportId: null,
      at: event.at,
    }));
    return this.dispatcher(onProgress).dispatch(envelopes);
  }

  /** Tells the people one report event concerns. Idempotent per (workflow id, event seq, recipient). */
  async reportEvent(change: ReportChange, onProgress?: () => void): Promise<DispatchResult> {
    const { snapshot, event } = change;
    const commune = snapshot.commune;
    const today = communeDate(new Date(event.at));
    const [report, { directory, place }] = await Promise.all([this.deps.readModel.reports.find(commune, snapshot.reportId), this.audience(commune, today)]);
    if (!report) return NOTHING_DISPATCHED;
    const envelopes: Envelope[] = reportNoticesFor(change, { directory }).map((notice) => ({
      key: `${change.workflowId}#${event.seq}#${notice.person.id}`,
      commune,
      kind: IN_APP_KIND[notice.kind],
      person: notice.person,
      content: renderReportNotice(notice, change, place),
      email: notice.email,
      taskId: null,
      reportId: report.id,
      at: event.at,
    }));
    return this.dispatcher(onProgress).dispatch(envelopes);
  }

  /**
   * E-mails a report's files to Sở Nội vụ, once per `key` (a retry finds the message planned or sent and never sends
   * a second one): the same Message-ID for the same key. Returns the address and the Message-ID.
   */
  async reportSubmission(input: {
    key: string;
    commune: string;
    reportId: string;
    department: { name: string; email: string };
    period: ReportPeriod;
    year: number;
    sentBy: string;
    attachments: MailAttachment[];
  }): Promise<{ to: string; messageId: string; refused: boolean }> {
    const { place } = await this.audience(input.commune, communeDate(Date.now()));
    const content = renderReportSubmission(
      { departmentName: input.department.name, period: input.period, year: input.year, files: input.attachments.map((a) => a.filename), sentBy: input.sentBy },
      place,
    );
    const result = await this.dispatcher().dispatch([
      {
        key: input.key,
        commune: input.commune,
        kind: 'REPORT_SUBMITTED',
        person: { id: null, fullName: input.department.name, email: input.department.email },
        content,
        email: true,
        taskId: null,
        reportId: input.reportId,
        at: new Date().toISOString(),
        attachments: input.attachments,
      },
    ]);
    return { to: input.department.email, messageId: messageIdFor(input.key, senderDomain(this.deps.settings.mailFrom)), refused: result.refused > 0 };
  }

  /**
   * One message to the coordinator(s) listing every step already late when the plan was activated, read from the
   * inbox rows. Waits (by failing, so the activity retries) until every task has written its first state, unless
   * `giveUpWaiting`. Idempotent per plan and coordinator.
   */
  async lateAtActivation(input: { commune: string; planId: string; year: number }, opts: { giveUpWaiting?: boolean; onProgress?: () => void } = {}): Promise<DispatchResult> {
    const rm = this.deps.readModel;
    const plan = await rm.plans.find(input.commune, input.planId);
    if (!plan) return NOTHING_DISPATCHED;
    const waiting = await rm.plans.tasksWithoutState(input.planId);
    if (waiting > 0 && !opts.giveUpWaiting) throw new PlanNotReady(waiting);
    const activatedOn = communeDate(plan.activated_at ?? new Date());
    const { calendar } = await this.deps.deadlineRules(input.commune);
    const late = (await rm.inbox.openStepsOf(input.commune, input.planId)).filter((s) => dueState(s.due_at, activatedOn, calendar) === 'OVERDUE');
    if (late.length === 0) return NOTHING_DISPATCHED;
    const items = late.map((s) => stepItem(s, { workingDaysLate: workingDaysBetween(s.due_at!, activatedOn, calendar) }));
    const { directory, place } = await this.audience(input.commune, activatedOn);
    const envelopes = peopleFor([principal.role('COORDINATOR')], directory, activatedOn).map(
      (person): Envelope => ({
        key: `plan-late:${input.planId}#${person.id}`,
        commune: input.commune,
        kind: 'OVERDUE',
        person,
        content: renderLateAtActivation(person, { year: input.year, activatedOn, items }, place),
        email: true,
        taskId: null,
        reportId: null,
        at: (plan.activated_at ?? new Date()).toISOString(),
      }),
    );
    return this.dispatcher(opts.onProgress).dispatch(envelopes);
  }

  /** The coordinator's digest of `date`: late steps per unit and steps due soon. Idempotent per commune, day and person. */
  async digest(commune: string, date: string, onProgress?: () => void): Promise<DispatchResult & { overdue: number; dueSoon: number }> {
    const { calendar, settings } = await this.deps.deadlineRules(commune);
    const soon = Math.max(0, ...settings.remindBeforeWorkingDays) || DEFAULT_DUE_SOON_WORKING_DAYS;
    const steps = await this.deps.readModel.inbox.openStepsOf(commune);
    const overdue: StepItem[] = [];
    const dueSoon: StepItem[] = [];
    for (const s of steps) {
      const state = dueState(s.due_at, date, calendar, soon);
      if (state === 'OVERDUE') overdue.push(stepItem(s, { workingDaysLate: workingDaysBetween(s.due_at!, date, calendar) }));
      else if (state === 'DUE_SOON') dueSoon.push(stepItem(s, { workingDaysLeft: workingDaysBetween(date, s.due_at!, calendar) }));
    }
    const empty = { ...NOTHING_DISPATCHED, overdue: 0, dueSoon: 0 };
    if (overdue.length === 0 && dueSoon.length === 0) return empty;
    const { directory, place } = await this.audience(commune, date);
    const envelopes = peopleFor([principal.role('COORDINATOR')], directory, date).map(
      (person): Envelope => ({
        key: `digest:${commune}:${date}#${person.id}`,
        commune,
        kind: 'DIGEST',
        person,
        content: renderDigest(person, { date, overdue, dueSoon, dueSoonWorkingDays: soon }, place),
        email: true,
        taskId: null,
        reportId: null,
        at: new Date().toISOString(),
      }),
    );
    const result = await this.dispatcher(onProgress).dispatch(envelopes);
    return { ...result, overdue: overdue.length, dueSoon: dueSoon.length };
  }
}

function stepItem(s: OpenStepListRow, extra: Pick<StepItem, 'workingDaysLate' | 'workingDaysLeft'>): StepItem {
  return {
    taskId: s.task_id,
    number: s.number,
    content: s.content,
    stepKind: s.kind,
    unit: s.unit_code,
    holder: s.assignee_name,
    dueAt: s.due_at,
    ...extra,
  };
}
