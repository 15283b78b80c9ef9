/**
 * An inbox item of a review step, opened in place: what the approver needs to decide (who submitted, the latest
 * draft's first lines, the attachments) and "Duyệt" / "Trả lại" right under it, so a phone user decides without
 * scrolling through the whole task page.
 */
import { useEffect, useRef, useState } from 'react';
import { Api } from '../api/endpoints';
import type { HistoryEvent, InboxItem, TaskDetail } from '../api/types';
import { formatBytes, formatDateTime } from '../lib/format';
import { historyWho, personName, unitName } from '../lib/labels';
import { Link } from '../lib/router';
import { actionError, isStepClosed, STEP_CLOSED_TEXT } from '../lib/stepAction';
import { can } from '../lib/taskActions';
import { useAsync } from '../lib/useAsync';
import { ConfirmDialog } from './Dialog';
import { Empty, ErrorBox, FieldError, invalidAria, Loading, Notice, type NoticeState } from './Feedback';

export type Decision = 'approve' | 'return';

/** How many lines of the draft the item shows. */
const EXCERPT_LINES = 4;
const EXCERPT_CHARS = 320;

/** The first lines of a draft, and whether there is more. */
export function excerpt(text: string): { text: string; more: boolean } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  let out = lines.slice(0, EXCERPT_LINES).join('\n');
  let more = lines.length > EXCERPT_LINES;
  if (out.length > EXCERPT_CHARS) {
    out = `${out.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/, '')}`;
    more = true;
  }
  return { text: more ? `${out} …` : out, more };
}

/** Who submitted the draft under review, and who has approved it since. */
function trailOfReview(history: HistoryEvent[], item: InboxItem) {
  const unit = item.kind === 'UNIT_REVIEW' ? (item.unit?.code ?? null) : null;
  const ofUnit = (ev: HistoryEvent) => !unit || !ev.data?.unit || ev.data.unit === unit;
  let submitted: HistoryEvent | null = null;
  let index = -1;
  history.forEach((ev, i) => {
    if (ev.type === 'SUBMITTED' && ofUnit(ev)) {
      submitted = ev;
      index = i;
    }
  });
  const approvals = item.kind === 'UNIT_REVIEW' ? [] : history.slice(index + 1).filter((ev) => ev.type === 'APPROVED');
  return { submitted: submitted as HistoryEvent | null, approvals };
}

const NEXT_TEXT: Record<string, string> = {
  UNIT_REVIEW: 'Dự thảo sẽ được chuyển lên bước tiếp theo.',
  VHXH_REVIEW: 'Dự thảo sẽ được chuyển lên Chủ tịch UBND xã phê duyệt.',
  CHAIRMAN_REVIEW: 'Nhiệm vụ (kỳ này) sẽ được ghi nhận hoàn thành.',
};

export function QuickReview({
  item,
  id,
  onDone,
  onStale,
}: {
  item: InboxItem;
  /** The element's id (the toggle's aria-controls). */
  id: string;
  onDone: (decision: Decision) => void;
  /** The step was already handled elsewhere: the list reloads and says so. */
  onStale: (message: string) => void;
}) {
  const data = useAsync(async () => {
    const [task, history] = await Promise.all([Api.task(item.taskId), Api.history(item.taskId)]);
    return { task, history };
  }, [item.taskId]);
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const loaded = Boolean(data.data);

  // Once the summary is there, bring the buttons into view if they are below the screen: one look, one tap.
  useEffect(() => {
    if (!loaded) return;
    const actions = actionsRef.current;
    const li = rootRef.current?.closest('li');
    if (!actions || !li) return;
    const screen = document.documentElement.clientHeight;
    const top = li.getBoundingClientRect().top;
    const bottom = actions.getBoundingClientRect().bottom + 12;
    if (bottom - top <= screen) {
      // The item fits down to its buttons: show all of it, its name included.
      if (top < 0) window.scrollBy(0, top);
      else if (bottom > screen) window.scrollBy(0, bottom - screen);
    } else if (bottom > screen) {
      // It does not: the buttons matter most.
      window.scrollBy(0, bottom - screen);
    }
  }, [loaded]);

  const ask = (decision: Decision) => {
    setNotice(null);
    if (decision === 'return' && !comment.trim()) {
      setFieldError('Vui lòng nhập lý do trả lại.');
      commentRef.current?.focus();
      return;
    }
    setFieldError(null);
    setConfirm(decision);
  };

  const decide = async () => {
    if (!confirm) return;
    const decision = confirm;
    setBusy(true);
    try {
      // The item's stepId: a step that has moved on since the list was read answers 409 STEP_CLOSED.
      await Api.decide(item.taskId, item.stepId, decision, comment.trim());
      setConfirm(null);
      onDone(decision);
    } catch (err) {
      setConfirm(null);
      if (isStepClosed(err)) onStale(STEP_CLOSED_TEXT);
      else setNotice({ kind: 'error', text: actionError(err) });
    } finally {
      setBusy(false);
    }
  };

  const taskLink = `/nhiem-vu/${encodeURIComponent(item.taskId)}`;
  const behalf = personName(item.onBehalfOf);

  if (!data.data) {
    return (
      <div id={id} ref={rootRef} className="quick-review">
        {data.error ? <ErrorBox message={data.error} onRetry={() => void data.reload()} /> : <Loading label="Đang tải dự thảo…" />}
      </div>
    );
  }

  const { task, history } = data.data;
  const latestByUnit = new Map<string, TaskDetail['drafts'][number]>();
  for (const d of task.drafts ?? []) if (!latestByUnit.has(d.unit)) latestByUnit.set(d.unit, d);
  const drafts = [...latestByUnit.values()].filter((d) => item.kind !== 'UNIT_REVIEW' || !item.unit || d.unit === item.unit.code);
  const shown = drafts.slice(0, 2);
  const { submitted, approvals } = trailOfReview(history, item);
  const attachments = task.attachments ?? [];
  // Buttons only for what the server lists for this user now.
  const canApprove = can(task, 'approve');
  const canReturn = can(task, 'return');

  return (
    <div id={id} ref={rootRef} className="quick-review">
      {submitted && (
        <p className="qr-who">
          Trình bởi <strong>{historyWho(submitted)}</strong> lúc {formatDateTime(submitted.at)}
          {typeof submitted.data?.version === 'number' ? ` · phiên bản ${submitted.data.version}` : ''}
        </p>
      )}
      {approvals.length > 0 && (
        <p className="qr-who">
          Đã duyệt: {approvals.map((a) => `${historyWho(a)} lúc ${formatDateTime(a.at)}`).join('; ')}
        </p>
      )}
      {submitted?.comment && <p className="qr-note">Ghi chú khi trình: “{submitted.comment}”</p>}

      {shown.length === 0 ? (
        <Empty>Chưa có dự thảo.</Empty>
      ) : (
        shown.map((d) => {
          const ex = excerpt(d.content);
          return (
            <figure key={`${d.unit}-${d.version}`} className="qr-draft">
              <figcaption className="muted">
                {drafts.length > 1 ? `${unitName(d.unit)} — ` : ''}Dự thảo phiên bản {d.version}
              </figcaption>
              <blockquote className="qr-excerpt">
                <span className="qr-clamp">{ex.text}</span>
              </blockquote>
            </figure>
          );
        })
      )}
      <p className="qr-links">
        <Link to={taskLink}>
          Xem toàn văn và quá trình xử lý<span className="visually-hidden"> nhiệm vụ {item.number}</span>
        </Link>
        {drafts.length > shown.length ? ` · còn ${drafts.length - shown.length} phần của đơn vị khác` : ''}
      </p>

      <div className="qr-files">
        <span className="qr-label">Tệp đính kèm:</span>{' '}
        {attachments.length === 0 ? (
          <span className="muted">không có</span>
        ) : (
          <ul className="qr-file-list">
            {attachments.map((a) => (
              <li key={a.id}>
                {a.name} <span className="muted">({formatBytes(a.size)})</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      {behalf && <p className="behalf">Bạn xử lý thay {behalf} theo ủy quyền.</p>}
      <Notice notice={notice} />
      {canApprove || canReturn ? (
        <>
          <div className="field qr-comment">
            <label htmlFor={`${id}-comment`}>Ý kiến / lý do {canReturn ? '(bắt buộc khi trả lại)' : '(không bắt buộc)'}</label>
            <textarea
              ref={commentRef}
              id={`${id}-comment`}
              rows={2}
              value={comment}
              onChange={(e) => {
                setComment(e.target.value);
                if (fieldError && e.target.value.trim()) setFieldError(null);
              }}
              {...invalidAria(`${id}-comment-error`, fieldError)}
            />
            <FieldError id={`${id}-comment-error`} message={fieldError} />
          </div>
          <div className="actions qr-actions" ref={actionsRef}>
            {canApprove && (
              <button type="button" className="btn btn-primary" onClick={() => ask('approve')} disabled={busy}>
                Duyệt
              </button>
            )}
            {canReturn && (
              <button type="button" className="btn btn-danger" onClick={() => ask('return')} disabled={busy}>
                Trả lại
              </button>
            )}
          </div>
        </>
      ) : (
        <div className="muted" ref={actionsRef}>
          Bạn không còn quyền xử lý bước này. <Link to={taskLink}>Xem nhiệm vụ</Link>
        </div>
      )}

      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'return' ? `Trả lại nhiệm vụ ${item.number}?` : `Duyệt nhiệm vụ ${item.number}?`}
        confirmLabel={confirm === 'return' ? 'Trả lại' : 'Duyệt'}
        busy={busy}
        onConfirm={() => void decide()}
        onCancel={() => setConfirm(null)}
      >
        <p className="dialog-task">
          Nhiệm vụ {item.number}: {item.title}
        </p>
        {confirm === 'return' ? (
          <p>
            Dự thảo sẽ được trả về người soạn với lý do: <q>{comment.trim()}</q>
          </p>
        ) : (
          <>
            <p>{NEXT_TEXT[item.kind] ?? 'Dự thảo sẽ được chuyển lên bước tiếp theo.'}</p>
            {comment.trim() && (
              <p>
                Ý kiến: <q>{comment.trim()}</q>
              </p>
            )}
          </>
        )}
      </ConfirmDialog>
    </div>
  );
}
