/** Pieces of a task shown on several pages: summary, product text, attachments, contributions, trail. */
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { EscalationTarget } from '../api/deadlines';
import type { Attachment, Contribution, HistoryEvent, StepView, Task, TaskDetail } from '../api/types';
import { formatBytes, formatDate, formatDateTime } from '../lib/format';
import {
  DEADLINE_KIND_LABELS,
  ESCALATION_TARGET_LABELS,
  eventLabel,
  eventRoleTitle,
  eventUnit,
  holderLabel,
  personName,
  statusLabel,
  stepKindLabel,
  unitName,
} from '../lib/labels';
import { DueBadge, EscalationNote, StatusBadge, StatusWordBadge } from './Badges';
import { Empty } from './Feedback';

/** "đang chờ 3 ngày làm việc": how long the step has been with its holder (the API counts the working days). */
export function waitingText(days: number | null | undefined): string | null {
  if (days == null) return null;
  return days <= 0 ? 'đang chờ từ hôm nay' : `đang chờ ${days} ngày làm việc`;
}

/** Who holds the step, for how long, by when and how far it was escalated. */
export function HolderLine({ step, showDate = true }: { step: StepView | null | undefined; showDate?: boolean }) {
  if (!step) return <>—</>;
  const waiting = waitingText(step.workingDaysOpen);
  return (
    <span className="holder-line">
      <span className="holder-name">{holderLabel(step)}</span>
      {waiting && <span className="holder-waiting">{waiting}</span>}
      <span className="holder-due">
        <DueBadge state={step.dueState} due={step.dueAt} showDate={showDate} />
        <EscalationNote level={step.escalationLevel} />
      </span>
    </span>
  );
}

/** "Hạn gốc 31/12/2026 · Hạn đã gia hạn 15/01/2027", when the cycle's date was moved. */
export function extendedDueText(task: Pick<Task, 'cycleDueAt' | 'cycleOriginalDueAt'>): string | null {
  const { cycleDueAt, cycleOriginalDueAt } = task;
  if (!cycleDueAt || !cycleOriginalDueAt || cycleDueAt === cycleOriginalDueAt) return null;
  return `Hạn gốc ${formatDate(cycleOriginalDueAt)} · Hạn đã gia hạn ${formatDate(cycleDueAt)}`;
}

/** The one unit leading a task, or null when several lead it (each has its own part and head). */
export function soleLeadUnit(task: Task): string | null {
  const codes = task.leadUnits?.length
    ? task.leadUnits.filter(Boolean).map((u) => u.code)
    : (task.leadUnit?.code ?? '').split(',').filter(Boolean);
  return codes.length === 1 ? codes[0] : null;
}

/** What a deadline without a date means, in words. */
/** What a deadline without a date means, in the words of the board (also the import preview's). */
export const NO_DATE_TEXT: Partial<Record<string, string>> = {
  CONTINUOUS: 'Báo cáo tiến độ hằng quý',
  ON_REQUEST: 'Chưa có ngày — chờ yêu cầu',
  UNKNOWN: 'Chưa xác định được ngày',
};

export function DeadlineText({ task, showKind }: { task: Task; showKind?: boolean }) {
  const { deadline } = task;
  const original = deadline.originalDueDates ?? [];
  // An extension of this cycle says it on its own line (extendedDueText); the schedule's first dates otherwise.
  const moved = original.length > 0 && original.join() !== deadline.dueDates.join() && !extendedDueText(task);
  return (
    <span className="deadline">
      <span className="deadline-raw">{deadline.raw || '—'}</span>
      {deadline.dueDates.length ? (
        <span className="deadline-dates">{deadline.dueDates.map(formatDate).join('; ')}</span>
      ) : (
        <span className="deadline-none">{NO_DATE_TEXT[deadline.kind] ?? DEADLINE_KIND_LABELS[deadline.kind]}</span>
      )}
      {showKind && deadline.dueDates.length > 0 && (
        <span className="deadline-none">{DEADLINE_KIND_LABELS[deadline.kind]}</span>
      )}
      {moved && <span className="deadline-original">Hạn ban đầu: {original.map(formatDate).join('; ')}</span>}
    </span>
  );
}

export function TaskSummary({ task }: { task: Task }) {
  const done = task.status === 'COMPLETED' || task.status === 'WITHDRAWN';
  const extended = extendedDueText(task);
  return (
    <dl className="summary">
      <div>
        <dt>Nhóm</dt>
        <dd>
          {task.group.code}. {task.group.title}
        </dd>
      </div>
      <div>
        <dt>Trạng thái</dt>
        <dd>
          <StatusBadge status={task.status} unit={soleLeadUnit(task)} />
        </dd>
      </div>
      <div>
        <dt>Đơn vị chủ trì</dt>
        <dd>{task.leadUnit?.name ?? '—'}</dd>
      </div>
      <div>
        <dt>Đơn vị phối hợp</dt>
        <dd>{task.coUnits.length ? task.coUnits.map((u) => u.name).join(', ') : task.coUnitsText || '—'}</dd>
      </div>
      <div>
        <dt>Thời hạn</dt>
        <dd>
          <DeadlineText task={task} showKind />
          {extended && <span className="deadline-extended">{extended}</span>}
        </dd>
      </div>
      <div>
        <dt>Tiến độ</dt>
        <dd>
          {task.withdrawn ? '—' : <StatusWordBadge word={task.statusWord} />}
        </dd>
      </div>
      {task.cycle && task.cycle > 1 ? (
        <div>
          <dt>Kỳ thực hiện</dt>
          <dd>
            Kỳ {task.cycle}
            {task.cycleDueAt ? ` · hạn ${formatDate(task.cycleDueAt)}` : ''}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Đang xử lý</dt>
        <dd>{done ? '—' : <HolderLine step={task.currentStep} />}</dd>
      </div>
      <div className="summary-wide">
        <dt>Sản phẩm</dt>
        <dd>{task.product || '—'}</dd>
      </div>
    </dl>
  );
}

/** The latest draft of the product (or of each unit's part). */
export function ProductText({ task }: { task: TaskDetail }) {
  const latestByUnit = new Map<string, TaskDetail['drafts'][number]>();
  for (const d of task.drafts ?? []) if (!latestByUnit.has(d.unit)) latestByUnit.set(d.unit, d);
  const drafts = [...latestByUnit.values()];
  if (!drafts.length) return <Empty>Chưa có dự thảo.</Empty>;
  return (
    <>
      {drafts.map((d) => (
        <article key={`${d.unit}-${d.version}`} className="draft-view">
          <p className="muted">
            {drafts.length > 1 ? `${unitName(d.unit)} — ` : ''}Phiên bản {d.version} · {d.author.fullName} ·{' '}
            {formatDateTime(d.createdAt)}
          </p>
          <div className="draft-text">{d.content}</div>
        </article>
      ))}
    </>
  );
}

export function AttachmentList({
  taskId,
  attachments,
}: {
  taskId: string;
  attachments: Attachment[];
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!attachments.length) return <Empty>Chưa có tệp đính kèm.</Empty>;
  const get = async (att: Attachment) => {
    setError(null);
    setBusy(att.id);
    try {
      await Api.downloadAttachment(taskId, att);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <ul className="attachments">
        {attachments.map((a) => (
          <li key={a.id}>
            <button type="button" className="link-button" onClick={() => void get(a)} disabled={busy === a.id}>
              {a.name}
              <span className="visually-hidden"> — tải về</span>
            </button>
            <span className="muted">
              {' '}
              {formatBytes(a.size)}
              {a.uploadedBy ? ` · ${a.uploadedBy.fullName}` : ''}
              {a.createdAt ? ` · ${formatDateTime(a.createdAt)}` : ''}
            </span>
            {busy === a.id && <span role="status"> Đang tải về…</span>}
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

export function ContributionList({ contributions }: { contributions: Contribution[] }) {
  if (!contributions?.length) return <Empty>Không có đề nghị phối hợp.</Empty>;
  return (
    <ul className="contributions">
      {contributions.map((c, i) => (
        <li key={`${c.unit}-${i}`}>
          <p>
            <strong>{unitName(c.unit)}</strong>
            <span className="muted">
              {' '}
              · đề nghị bởi {c.requestedBy.fullName}
              {c.dueAt ? ` · hạn ${formatDate(c.dueAt)}` : ''}
            </span>
          </p>
          {c.content ? (
            <blockquote>
              {c.content}
              {c.contributor && <footer>— {c.contributor.fullName}</footer>}
            </blockquote>
          ) : (
            <p className="muted">Chưa gửi ý kiến.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** A short line of what an event carried: the draft version, the file, the unit asked, the dates set. */
function eventDetail(ev: HistoryEvent): string | null {
  const d = ev.data ?? {};
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  switch (ev.type) {
    case 'ASSIGNED': {
      const who = d.assignee as { fullName?: unknown } | undefined;
      return str(who?.fullName) ? `Giao cho ${str(who?.fullName)}` : null;
    }
    case 'REASSIGNED': {
      const from = d.from as { fullName?: unknown } | undefined;
      const to = d.to as { fullName?: unknown } | undefined;
      return str(to?.fullName) ? `Giao lại${str(from?.fullName) ? ` từ ${str(from?.fullName)}` : ''} cho ${str(to?.fullName)}` : null;
    }
    case 'DRAFT_SAVED':
    case 'SUBMITTED':
      return typeof d.version === 'number' ? `Phiên bản ${d.version}` : null;
    case 'ATTACHMENT_ADDED': {
      const att = d.attachment as { name?: unknown; size?: unknown } | undefined;
      const name = str(att?.name) ?? str(d.name);
      const size = typeof att?.size === 'number' ? att.size : typeof d.size === 'number' ? d.size : null;
      return name ? `${name}${size != null ? ` (${formatBytes(size)})` : ''}` : null;
    }
    case 'CONTRIBUTION_REQUESTED':
      return str(d.unit) ? `${unitName(str(d.unit))}${str(d.dueAt) ? ` · hạn ${formatDate(str(d.dueAt))}` : ''}` : null;
    case 'CONTRIBUTED':
      return str(d.unit) ? unitName(str(d.unit)) : null;
    case 'CYCLE_OPENED':
      return typeof d.cycle === 'number' && typeof d.cycles === 'number' && d.cycles > 1
        ? `Kỳ ${d.cycle}/${d.cycles}${str(d.dueAt) ? ` · hạn ${formatDate(str(d.dueAt))}` : ''}`
        : str(d.dueAt)
          ? `Hạn ${formatDate(str(d.dueAt))}`
          : null;
    case 'SCHEDULE_SET':
    case 'SCHEDULE_AMENDED':
      return Array.isArray(d.dueDates) && d.dueDates.length
        ? `Thời hạn: ${d.dueDates.map((x) => formatDate(String(x))).join('; ')}`
        : null;
    case 'LEAD_UNITS_SET':
      return Array.isArray(d.units) && d.units.length ? `Chủ trì: ${d.units.map((u) => unitName(String(u))).join(', ')}` : null;
    case 'REVIEW_BY_SUBMISSION':
      return str(d.unit) ? `Thay bước duyệt của ${unitName(str(d.unit))}` : null;
    case 'CYCLE_MISSED':
      return typeof d.cycle === 'number' ? `Kỳ ${d.cycle}${str(d.dueAt) ? ` · hạn ${formatDate(str(d.dueAt))}` : ''}` : null;
    case 'REMINDER':
    case 'OVERDUE':
    case 'ESCALATED':
      return alertDetail(ev);
    case 'EXTENSION_REQUESTED':
      return str(d.newDueAt)
        ? `${d.scope === 'STEP' ? 'Hạn góp ý' : 'Hạn'} hiện tại ${formatDate(str(d.currentDueAt))} → xin đến ${formatDate(str(d.newDueAt))}`
        : null;
    case 'EXTENSION_APPROVED':
      return str(d.newDueAt) ? `Hạn mới ${formatDate(str(d.newDueAt))}${str(d.originalDueAt) ? ` (hạn gốc ${formatDate(str(d.originalDueAt))})` : ''}` : null;
    case 'EXTENSION_REJECTED':
      return str(d.newDueAt) ? `Không gia hạn đến ${formatDate(str(d.newDueAt))}; giữ thời hạn cũ` : null;
    default:
      return null;
  }
}

/** A reminder or a rung of the ladder: which step, its date, how late, and who was told. */
function alertDetail(ev: HistoryEvent): string | null {
  const d = ev.data ?? {};
  const kind = typeof d.stepKind === 'string' ? stepKindLabel(d.stepKind as StepView['kind'], typeof d.unit === 'string' ? d.unit : null) : null;
  const due = typeof d.dueAt === 'string' ? `hạn ${formatDate(d.dueAt)}` : null;
  const when =
    ev.type === 'REMINDER'
      ? typeof d.workingDaysLeft === 'number'
        ? d.workingDaysLeft > 0
          ? `còn ${d.workingDaysLeft} ngày làm việc`
          : 'đến hạn hôm nay'
        : null
      : typeof d.workingDaysLate === 'number' && d.workingDaysLate > 0
        ? `quá ${d.workingDaysLate} ngày làm việc`
        : null;
  const to = Array.isArray(d.to) ? (d.to as EscalationTarget[]).map((t) => ESCALATION_TARGET_LABELS[t] ?? t) : [];
  const parts = [[kind, due, when].filter(Boolean).join(', '), to.length ? `Đã báo: ${to.join(', ')}` : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/**
 * The RETURNED event behind a return reason: the last one that sent back this unit's part (a unit head's return
 * concerns that unit only; a later reviewer's, every part), preferring the one whose comment is the reason shown.
 */
export function findReturnEvent(events: HistoryEvent[], reason: string | null, unit?: string | null): HistoryEvent | null {
  const returns = events.filter(
    (ev) => ev.type === 'RETURNED' && (!unit || ev.data?.level !== 'UNIT_REVIEW' || !ev.data?.unit || ev.data.unit === unit),
  );
  const same = reason ? returns.filter((ev) => (ev.comment ?? '').trim() === reason.trim()) : [];
  return same[same.length - 1] ?? returns[returns.length - 1] ?? null;
}

/** "Trả lại bởi Trần Thị Lan (Trưởng phòng Văn hóa - Xã hội) lúc 26/11/2026 16:05" — who sent it back, as whom, when. */
export function returnedByText(ev: HistoryEvent): string {
  const title = eventRoleTitle(ev);
  const behalf = personName(ev.onBehalfOf);
  const as = [title, behalf ? `thay mặt ${behalf}` : null].filter(Boolean).join(', ');
  return `Trả lại bởi ${ev.actor?.fullName ?? 'Hệ thống'}${as ? ` (${as})` : ''} lúc ${formatDateTime(ev.at)}`;
}

/** A return reason with who returned it and when, when the trail says so; else the reason alone. */
export function ReturnReason({ reason, event }: { reason: string; event: HistoryEvent | null }) {
  return event ? (
    <>
      <strong>{returnedByText(event)}:</strong> {reason}
    </>
  ) : (
    <>
      <strong>Lý do trả lại:</strong> {reason}
    </>
  );
}

/**
 * The trail (audit events), oldest first, as an ordered timeline. `soleUnit`: the task's one lead unit, whose head a
 * "Chờ … duyệt" status names (else the event's unit does).
 */
export function Timeline({ events, soleUnit }: { events: HistoryEvent[]; soleUnit?: string | null }) {
  if (!events.length) return <Empty>Chưa có hoạt động nào.</Empty>;
  return (
    <ol className="timeline">
      {events.map((ev, i) => {
        const behalf = personName(ev.onBehalfOf);
        return (
          <li key={i} className={`timeline-item ev-${ev.type.toLowerCase()}`}>
            <p className="timeline-head">
              <strong>{eventLabel(ev.type)}</strong>
              <time dateTime={ev.at}> · {formatDateTime(ev.at)}</time>
            </p>
            <p>
              {ev.actor?.fullName ?? 'Hệ thống'}
              {ev.role ? <span className="muted"> ({eventRoleTitle(ev)})</span> : null}
              {behalf ? <span> — thay mặt {behalf}</span> : null}
            </p>
            {eventDetail(ev) ? <p className="muted">{eventDetail(ev)}</p> : null}
            {ev.from && ev.to && ev.from !== ev.to ? (
              <p className="muted">
                {statusLabel(ev.from, soleUnit ?? eventUnit(ev))} → {statusLabel(ev.to, soleUnit ?? eventUnit(ev))}
              </p>
            ) : null}
            {ev.comment && ev.comment.trim() !== eventLabel(ev.type) ? <blockquote>{ev.comment}</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}
