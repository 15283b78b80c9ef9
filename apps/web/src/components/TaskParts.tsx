/** Pieces of a task shown on several pages: summary, product text, attachments, contributions, trail. */
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { Attachment, Contribution, HistoryEvent, Task, TaskDetail } from '../api/types';
import { formatBytes, formatDate, formatDateTime, todayIso } from '../lib/format';
import { DEADLINE_KIND_LABELS, eventLabel, eventRoleTitle, eventUnit, holderLabel, personName, statusLabel, unitName } from '../lib/labels';
import { DueBadge, StatusBadge } from './Badges';
import { Empty } from './Feedback';

/** The date a task is measured against now: its current step's, else the next (or last) date of its schedule. */
export function taskDueDate(task: Task): string | null {
  if (task.currentStep?.dueAt) return task.currentStep.dueAt;
  const dates = task.deadline.dueDates ?? [];
  if (!dates.length) return null;
  const today = todayIso();
  return dates.find((d) => d >= today) ?? dates[dates.length - 1];
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
  const moved = original.length > 0 && original.join() !== deadline.dueDates.join();
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
  const done = task.status === 'COMPLETED';
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
        </dd>
      </div>
      <div>
        <dt>Tiến độ</dt>
        <dd>{task.withdrawn ? '—' : <DueBadge due={taskDueDate(task)} done={done} />}</dd>
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
        <dd>{done ? '—' : holderLabel(task.currentStep)}</dd>
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
      return Array.isArray(d.dueDates) && d.dueDates.length
        ? `Thời hạn: ${d.dueDates.map((x) => formatDate(String(x))).join('; ')}`
        : null;
    default:
      return null;
  }
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
            {ev.comment ? <blockquote>{ev.comment}</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}
