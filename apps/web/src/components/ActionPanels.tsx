/** What the signed-in user can do on a task right now: decide, assign, contribute, ask for contributions. */
import { useRef, useState, type FormEvent } from 'react';
import { Api } from '../api/endpoints';
import type { InboxItem, TaskDetail, UnitCode } from '../api/types';
import { formatDate } from '../lib/format';
import { personName, stepKindLabel, unitName } from '../lib/labels';
import { useStepAction } from '../lib/stepAction';
import { useAsync } from '../lib/useAsync';
import { DateField } from './DateField';
import { ConfirmDialog } from './Dialog';
import { ErrorBox, FieldError, invalidAria, Loading, Notice, type NoticeState } from './Feedback';

/** Duyệt / Trả lại on a review step. A return needs a reason. */
export function DecisionPanel({
  task,
  item,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  item: InboxItem;
  onDone: (decision: 'approve' | 'return') => void;
  onStale: (message: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'approve' | 'return' | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const behalf = personName(item.onBehalfOf);

  const ask = (decision: 'approve' | 'return') => {
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
    await run(
      async () => {
        await Api.decide(task.id, item.stepId, confirm, comment.trim());
        setConfirm(null);
        onDone(confirm);
      },
      () => setConfirm(null),
    );
  };

  return (
    <section className="panel panel-action" aria-labelledby="quyet-dinh">
      <h2 id="quyet-dinh">{stepKindLabel(item.kind, item.unit)}</h2>
      {behalf && <p className="behalf">Bạn xử lý thay {behalf} theo ủy quyền.</p>}
      <Notice notice={notice} />
      <div className="field">
        <label htmlFor="decision-comment">Ý kiến / lý do (bắt buộc khi trả lại)</label>
        <textarea
          ref={commentRef}
          id="decision-comment"
          rows={3}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            if (fieldError && e.target.value.trim()) setFieldError(null);
          }}
          {...invalidAria('decision-comment-error', fieldError)}
        />
        <FieldError id="decision-comment-error" message={fieldError} />
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => ask('approve')} disabled={busy}>
          Duyệt
        </button>
        <button type="button" className="btn btn-danger" onClick={() => ask('return')} disabled={busy}>
          Trả lại
        </button>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'return' ? 'Trả lại dự thảo?' : 'Duyệt nhiệm vụ này?'}
        confirmLabel={confirm === 'return' ? 'Trả lại' : 'Duyệt'}
        busy={busy}
        onConfirm={() => void decide()}
        onCancel={() => setConfirm(null)}
      >
        <p>
          Nhiệm vụ {task.number}: {task.content}
        </p>
        {confirm === 'return' ? (
          <p>
            Dự thảo sẽ được trả về người soạn với lý do: <q>{comment.trim()}</q>
          </p>
        ) : (
          <p>Dự thảo sẽ được chuyển lên bước tiếp theo.</p>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** The head of the lead unit picks a staff member. */
export function AssignPanel({
  task,
  unit,
  stepId,
  reassign,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  unit: UnitCode;
  stepId: string | undefined;
  reassign?: boolean;
  onDone: (name: string) => void;
  onStale: (message: string) => void;
}) {
  const staff = useAsync(() => Api.users({ unit, role: 'STAFF' }), [unit]);
  const [assigneeId, setAssigneeId] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });
  const current = task.parts?.find((p) => p.unit === unit)?.assignee;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!assigneeId) {
      setFieldError('Vui lòng chọn chuyên viên.');
      document.getElementById('assignee')?.focus();
      return;
    }
    setFieldError(null);
    await run(async () => {
      await Api.assign(task.id, assigneeId, stepId);
      onDone(staff.data?.find((u) => u.id === assigneeId)?.fullName ?? '');
    });
  };

  return (
    <section className="panel panel-action" aria-labelledby="phan-cong">
      <h2 id="phan-cong">{reassign ? 'Giao lại cho chuyên viên khác' : 'Phân công thực hiện'}</h2>
      <p className="muted">
        {unitName(unit)}
        {current ? ` · đang giao cho ${current.fullName}` : ''}
      </p>
      <Notice notice={notice} />
      {staff.loading && !staff.data && <Loading label="Đang tải danh sách chuyên viên…" />}
      {staff.error && <ErrorBox message={staff.error} onRetry={() => void staff.reload()} />}
      {staff.data && (
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="assignee">Chuyên viên thực hiện</label>
            <select
              id="assignee"
              value={assigneeId}
              onChange={(e) => setAssigneeId(e.target.value)}
              {...invalidAria('assignee-error', fieldError)}
            >
              <option value="">— Chọn chuyên viên —</option>
              {staff.data.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.fullName} ({u.username})
                </option>
              ))}
            </select>
            <FieldError id="assignee-error" message={fieldError} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Đang phân công…' : reassign ? 'Giao lại' : 'Phân công'}
          </button>
        </form>
      )}
    </section>
  );
}

/** Staff of a co-unit send their unit's input. */
export function ContributePanel({
  task,
  unit,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  unit: UnitCode;
  onDone: () => void;
  onStale: (message: string) => void;
}) {
  const [content, setContent] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });
  const ref = useRef<HTMLTextAreaElement>(null);
  const request = task.contributions?.find((c) => c.unit === unit);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!content.trim()) {
      setFieldError('Vui lòng nhập nội dung ý kiến.');
      ref.current?.focus();
      return;
    }
    setFieldError(null);
    await run(async () => {
      await Api.contribute(task.id, unit, content.trim());
      onDone();
    });
  };

  return (
    <section className="panel panel-action" aria-labelledby="phoi-hop">
      <h2 id="phoi-hop">Gửi ý kiến phối hợp</h2>
      <p className="muted">
        {unitName(unit)}
        {request?.dueAt ? ` · hạn ${formatDate(request.dueAt)}` : ''}
        {request ? ` · đề nghị bởi ${request.requestedBy.fullName}` : ''}
      </p>
      <Notice notice={notice} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="contribution">Nội dung ý kiến của đơn vị</label>
          <textarea
            ref={ref}
            id="contribution"
            rows={5}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            {...invalidAria('contribution-error', fieldError)}
          />
          <FieldError id="contribution-error" message={fieldError} />
        </div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Đang gửi…' : 'Gửi ý kiến'}
        </button>
      </form>
    </section>
  );
}

/** The assignee asks co-units for input, each with its own due date. */
export function RequestContributionsPanel({ task, onDone }: { task: TaskDetail; onDone: (text: string) => void }) {
  const requested = new Set((task.contributions ?? []).map((c) => c.unit));
  const candidates = task.coUnits.filter((u) => !requested.has(u.code));
  /** unit → ISO due date ('' = none, null = not a valid date yet). */
  const [chosen, setChosen] = useState<Record<string, string | null>>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice });
  if (!candidates.length) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (Object.values(chosen).some((d) => d === null)) {
      setNotice({ kind: 'error', text: 'Có hạn gửi ý kiến chưa hợp lệ. Vui lòng nhập theo dạng dd/mm/yyyy.' });
      return;
    }
    const requests = Object.entries(chosen).map(([unit, dueAt]) => ({ unit: unit as UnitCode, dueAt: dueAt || null }));
    if (!requests.length) {
      setNotice({ kind: 'error', text: 'Vui lòng chọn ít nhất một đơn vị phối hợp.' });
      return;
    }
    setNotice(null);
    await run(async () => {
      await Api.requestContributions(task.id, requests);
      setChosen({});
      onDone(`Đã gửi đề nghị phối hợp tới ${requests.map((r) => unitName(r.unit)).join(', ')}.`);
    });
  };

  return (
    <section className="panel" aria-labelledby="de-nghi-phoi-hop">
      <h2 id="de-nghi-phoi-hop">Đề nghị đơn vị phối hợp</h2>
      <Notice notice={notice} />
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Chọn đơn vị và hạn gửi ý kiến</legend>
          {candidates.map((u) => {
            const on = u.code in chosen;
            return (
              <div key={u.code} className="request-row">
                <div className="field field-check">
                  <input
                    id={`req-${u.code}`}
                    type="checkbox"
                    checked={on}
                    onChange={(e) =>
                      setChosen((prev) => {
                        const next = { ...prev };
                        if (e.target.checked) next[u.code] = '';
                        else delete next[u.code];
                        return next;
                      })
                    }
                  />
                  <label htmlFor={`req-${u.code}`}>{u.name}</label>
                </div>
                {on && (
                  <DateField
                    id={`req-due-${u.code}`}
                    label={`Hạn gửi ý kiến — ${u.name}`}
                    value={chosen[u.code] ?? ''}
                    onChange={(iso) => setChosen((prev) => ({ ...prev, [u.code]: iso }))}
                  />
                )}
              </div>
            );
          })}
        </fieldset>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? 'Đang gửi…' : 'Gửi đề nghị phối hợp'}
        </button>
      </form>
    </section>
  );
}

/** The coordinator enters the date(s) of an on-request or unrecognised deadline. */
export function SchedulePanel({ task, onDone }: { task: TaskDetail; onDone: (text: string) => void }) {
  const [dates, setDates] = useState<(string | null)[]>(task.deadline.dueDates.length ? [...task.deadline.dueDates] : ['']);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (dates.some((d) => d === null)) {
      setFieldError('Có ngày chưa hợp lệ. Vui lòng nhập theo dạng dd/mm/yyyy.');
      return;
    }
    const chosen = dates.filter((d): d is string => Boolean(d));
    if (!chosen.length) {
      setFieldError('Vui lòng nhập ít nhất một ngày.');
      document.getElementById('schedule-0')?.focus();
      return;
    }
    setFieldError(null);
    setNotice(null);
    await run(async () => {
      await Api.setSchedule(task.id, chosen);
      onDone(`Đã đặt thời hạn: ${[...chosen].sort().map(formatDate).join('; ')}.`);
    });
  };

  return (
    <section className="panel panel-action" aria-labelledby="dat-lich">
      <h2 id="dat-lich">Đặt thời hạn thực hiện</h2>
      <p className="muted">Thời hạn trong kế hoạch: “{task.deadline.raw}”.</p>
      <Notice notice={notice} />
      <form onSubmit={submit} noValidate>
        {dates.map((d, i) => (
          <DateField
            key={i}
            id={`schedule-${i}`}
            label={dates.length > 1 ? `Mốc ${i + 1}` : 'Ngày hết hạn'}
            value={d ?? ''}
            onChange={(iso) => setDates((prev) => prev.map((x, j) => (j === i ? iso : x)))}
          />
        ))}
        <FieldError id="schedule-error" message={fieldError} />
        <div className="actions">
          <button type="button" className="btn btn-small" onClick={() => setDates((prev) => [...prev, ''])}>
            Thêm mốc
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu thời hạn'}
          </button>
        </div>
      </form>
    </section>
  );
}
