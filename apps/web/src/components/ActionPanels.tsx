/**
 * What the signed-in user can do on a task right now. Each panel is shown by the page only when the server lists its
 * action (`allowedActions`, see lib/taskActions.ts); each answers with the task the action returned.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Api } from '../api/endpoints';
import type { Extension, StepView, TaskDetail, TaskUpdate, UnitCode } from '../api/types';
import { formatDate } from '../lib/format';
import { headOfUnit, personName, stepKindLabel, unitName } from '../lib/labels';
import { useStepAction } from '../lib/stepAction';
import { useAsync } from '../lib/useAsync';
import { DateField } from './DateField';
import { ConfirmDialog } from './Dialog';
import { ErrorBox, FieldError, invalidAria, Loading, Notice, type NoticeState } from './Feedback';

/** Duyệt / Trả lại on a review step, each button only when its action is listed. A return needs a reason. */
export function DecisionPanel({
  task,
  step,
  behalf,
  canApprove,
  canReturn,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  step: StepView;
  /** The Chairman the user acts for by delegation, if so (the inbox says it). */
  behalf: string | null;
  canApprove: boolean;
  canReturn: boolean;
  onDone: (decision: 'approve' | 'return') => void;
  onStale: (message: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'approve' | 'return' | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });
  const commentRef = useRef<HTMLTextAreaElement>(null);

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
        await Api.decide(task.id, step.stepId, confirm, comment.trim());
        setConfirm(null);
        onDone(confirm);
      },
      () => setConfirm(null),
    );
  };

  return (
    <section className="panel panel-action" aria-labelledby="quyet-dinh">
      <h2 id="quyet-dinh">{stepKindLabel(step.kind, step.unit ? { code: step.unit, name: step.unitName } : null)}</h2>
      {behalf && <p className="behalf">Bạn xử lý thay {behalf} theo ủy quyền.</p>}
      <Notice notice={notice} />
      <div className="field">
        <label htmlFor="decision-comment">Ý kiến / lý do{canReturn ? ' (bắt buộc khi trả lại)' : ' (không bắt buộc)'}</label>
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

/** The staff of a unit, for a select; `except` (the person holding the part now) is left out. */
function useStaff(unit: UnitCode | null, except?: string | null) {
  const staff = useAsync(async () => (unit ? Api.users({ unit, role: 'STAFF' }) : []), [unit]);
  const list = (staff.data ?? []).filter((u) => u.id !== except);
  return { staff, list };
}

/** The head of the lead unit picks a staff member for an ASSIGN step. */
/** The staff member to give a part to: one field for assigning and for reassigning. */
function StaffField({
  id,
  label,
  staff,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  staff: { id: string; fullName: string; username: string }[];
  value: string;
  onChange: (id: string) => void;
  error: string | null;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...invalidAria(`${id}-error`, error)}>
        <option value="">— Chọn chuyên viên —</option>
        {staff.map((u) => (
          <option key={u.id} value={u.id}>
            {u.fullName} ({u.username})
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

export function AssignPanel({
  task,
  step,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  step: StepView;
  onDone: (updated: TaskUpdate, name: string) => void;
  onStale: (message: string) => void;
}) {
  const { staff, list } = useStaff(step.unit);
  const [assigneeId, setAssigneeId] = useState('');
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });

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
      const updated = await Api.assign(task.id, assigneeId, step.stepId, note.trim());
      onDone(updated, list.find((u) => u.id === assigneeId)?.fullName ?? '');
    });
  };

  return (
    <section className="panel panel-action" aria-labelledby="phan-cong">
      <h2 id="phan-cong">Phân công thực hiện</h2>
      <p className="muted">{step.unitName ?? unitName(step.unit)}</p>
      <Notice notice={notice} />
      {staff.loading && !staff.data && <Loading label="Đang tải danh sách chuyên viên…" />}
      {staff.error && <ErrorBox message={staff.error} onRetry={() => void staff.reload()} />}
      {staff.data && (
        <form onSubmit={submit} noValidate>
          <StaffField id="assignee" label="Chuyên viên thực hiện" staff={list} value={assigneeId} onChange={setAssigneeId} error={fieldError} />
          <div className="field">
            <label htmlFor="assign-note">Ghi chú cho chuyên viên (không bắt buộc)</label>
            <textarea id="assign-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Đang phân công…' : 'Phân công'}
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * "Giao lại": while a part is being drafted, the unit head gives it to another staff member of the unit, after a
 * confirmation. The versions and files stay with the part; the person who had it can no longer edit it.
 */
export function ReassignPanel({
  task,
  step,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  step: StepView;
  onDone: (updated: TaskUpdate, from: string | null, to: string) => void;
  onStale: (message: string) => void;
}) {
  const current = step.assignee;
  const { staff, list } = useStaff(step.unit, current?.id);
  const [open, setOpen] = useState(false);
  const [assigneeId, setAssigneeId] = useState('');
  const [note, setNote] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });
  const chosen = list.find((u) => u.id === assigneeId);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!assigneeId) {
      setFieldError('Vui lòng chọn chuyên viên nhận việc.');
      document.getElementById('reassignee')?.focus();
      return;
    }
    setFieldError(null);
    setConfirm(true);
  };

  const reassign = async () => {
    await run(
      async () => {
        const updated = await Api.assign(task.id, assigneeId, step.stepId, note.trim());
        setConfirm(false);
        onDone(updated, current?.fullName ?? null, chosen?.fullName ?? '');
      },
      () => setConfirm(false),
    );
  };

  return (
    <section className="panel panel-action" aria-labelledby="giao-lai">
      <h2 id="giao-lai">Giao lại</h2>
      <p className="muted">
        {step.unitName ?? unitName(step.unit)}
        {current ? ` · đang soạn: ${current.fullName}` : ''}
      </p>
      <Notice notice={notice} />
      {!open ? (
        <button type="button" className="btn" onClick={() => setOpen(true)} aria-controls="giao-lai-form" aria-expanded="false">
          Giao lại cho chuyên viên khác
        </button>
      ) : (
        <div id="giao-lai-form">
          {staff.loading && !staff.data && <Loading label="Đang tải danh sách chuyên viên…" />}
          {staff.error && <ErrorBox message={staff.error} onRetry={() => void staff.reload()} />}
          {staff.data && list.length === 0 && <p>Đơn vị không có chuyên viên nào khác để giao lại.</p>}
          {staff.data && list.length > 0 && (
            <form onSubmit={ask} noValidate>
              <StaffField id="reassignee" label="Giao cho" staff={list} value={assigneeId} onChange={setAssigneeId} error={fieldError} />
              <div className="field">
                <label htmlFor="reassign-note">Ghi chú (không bắt buộc)</label>
                <textarea id="reassign-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
              </div>
              <div className="actions">
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  Giao lại
                </button>
                <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)} disabled={busy}>
                  Hủy
                </button>
              </div>
            </form>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirm}
        title={`Giao lại nhiệm vụ ${task.number}?`}
        confirmLabel="Giao lại"
        busy={busy}
        onConfirm={() => void reassign()}
        onCancel={() => setConfirm(false)}
      >
        <p>
          Phần việc của {step.unitName ?? unitName(step.unit)}
          {current ? (
            <>
              {' '}
              đang do <strong>{current.fullName}</strong> soạn
            </>
          ) : null}{' '}
          sẽ được giao cho <strong>{chosen?.fullName}</strong>.
        </p>
        <p>
          {current ? `${current.fullName} sẽ không sửa được dự thảo nữa. ` : ''}Các phiên bản dự thảo và tệp đính kèm
          được giữ nguyên.
        </p>
        {note.trim() && (
          <p>
            Ghi chú: <q>{note.trim()}</q>
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** Staff of a co-unit send their unit's input. */
export function ContributePanel({
  task,
  step,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  step: StepView;
  onDone: (updated: TaskUpdate, content: string) => void;
  onStale: (message: string) => void;
}) {
  const [content, setContent] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });
  const ref = useRef<HTMLTextAreaElement>(null);
  const unit = step.unit as UnitCode;
  const request = task.contributions?.find((c) => c.unit === unit && c.open) ?? task.contributions?.find((c) => c.unit === unit);

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
      const updated = await Api.contribute(task.id, unit, content.trim());
      onDone(updated, content.trim());
    });
  };

  return (
    <section className="panel panel-action" aria-labelledby="phoi-hop">
      <h2 id="phoi-hop">Gửi ý kiến phối hợp</h2>
      <p className="muted">
        {step.unitName ?? unitName(unit)}
        {step.dueAt ? ` · hạn ${formatDate(step.dueAt)}` : ''}
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
            onChange={(e) => {
              setContent(e.target.value);
              if (fieldError && e.target.value.trim()) setFieldError(null);
            }}
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
export function RequestContributionsPanel({
  task,
  onDone,
}: {
  task: TaskDetail;
  onDone: (text: string, updated: TaskUpdate) => void;
}) {
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
      const updated = await Api.requestContributions(task.id, requests);
      setChosen({});
      onDone(`Đã gửi đề nghị phối hợp tới ${requests.map((r) => unitName(r.unit)).join(', ')}.`, updated);
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

/** "Đặt thời hạn": the coordinator enters the date(s) of an on-request or unrecognised deadline. */
export function SchedulePanel({ task, onDone }: { task: TaskDetail; onDone: (text: string, updated: TaskUpdate) => void }) {
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
      const updated = await Api.setSchedule(task.id, chosen);
      onDone(`Đã đặt thời hạn: ${[...chosen].sort().map(formatDate).join('; ')}.`, updated);
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

/** "Chọn đơn vị chủ trì": the coordinator names the lead unit(s) of a task the plan gave none. */
export function LeadUnitPanel({
  task,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  onDone: (text: string, updated: TaskUpdate) => void;
  onStale: (message: string) => void;
}) {
  const units = useAsync(() => Api.units(), []);
  const [chosen, setChosen] = useState<string[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    if (!chosen.length) {
      setFieldError('Vui lòng chọn ít nhất một đơn vị chủ trì.');
      return;
    }
    setFieldError(null);
    await run(async () => {
      const updated = await Api.setLeadUnits(task.id, chosen);
      const names = chosen.map((c) => units.data?.find((u) => u.code === c)?.name ?? unitName(c));
      onDone(`Đã chọn đơn vị chủ trì: ${names.join(', ')}.`, updated);
    });
  };

  return (
    <section className="panel panel-action" aria-labelledby="chon-chu-tri">
      <h2 id="chon-chu-tri">Chọn đơn vị chủ trì</h2>
      <p className="muted">Trong kế hoạch: “{task.leadUnit?.name || '—'}”.</p>
      <Notice notice={notice} />
      {units.loading && !units.data && <Loading label="Đang tải danh sách đơn vị…" />}
      {units.error && <ErrorBox message={units.error} onRetry={() => void units.reload()} />}
      {units.data && (
        <form onSubmit={submit} noValidate>
          <fieldset aria-describedby={fieldError ? 'lead-units-error' : undefined}>
            <legend>Đơn vị chủ trì (chọn một hoặc nhiều)</legend>
            {units.data.map((u) => (
              <div key={u.code} className="field field-check">
                <input
                  id={`lead-${u.code}`}
                  type="checkbox"
                  checked={chosen.includes(u.code)}
                  onChange={(e) => setChosen((prev) => (e.target.checked ? [...prev, u.code] : prev.filter((c) => c !== u.code)))}
                />
                <label htmlFor={`lead-${u.code}`}>{u.name}</label>
              </div>
            ))}
          </fieldset>
          <FieldError id="lead-units-error" message={fieldError} />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu đơn vị chủ trì'}
          </button>
        </form>
      )}
    </section>
  );
}

/**
 * "Xin gia hạn": the holder of a dated step (or his unit head) asks for a new date with a reason, after a
 * confirmation. A contribution's own date goes to the head of the unit asked; every other step follows the task's
 * date, which the Chairman decides.
 */
export function ExtensionRequestPanel({
  task,
  step,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  step: StepView;
  onDone: (updated: TaskUpdate, newDueAt: string) => void;
  onStale: (message: string) => void;
}) {
  const scope: 'TASK' | 'STEP' = step.kind === 'CONTRIBUTION' ? 'STEP' : 'TASK';
  const current = scope === 'TASK' ? (task.cycleDueAt ?? step.dueAt) : step.dueAt;
  const decider = scope === 'TASK' ? 'Chủ tịch UBND xã' : headOfUnit(step.unit ? { code: step.unit, name: step.unitName } : null);
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<string | null>('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ date?: string; reason?: string }>({});
  const [confirm, setConfirm] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const next: typeof errors = {};
    if (date === null) next.date = 'Ngày không hợp lệ. Vui lòng nhập theo dạng dd/mm/yyyy, ví dụ 31/03/2026.';
    else if (!date) next.date = 'Vui lòng nhập ngày xin gia hạn đến.';
    if (!reason.trim()) next.reason = 'Vui lòng nêu lý do xin gia hạn.';
    setErrors(next);
    if (next.date) document.getElementById('extension-date')?.focus();
    else if (next.reason) reasonRef.current?.focus();
    if (next.date || next.reason) return;
    setConfirm(true);
  };

  const send = async () => {
    if (!date) return;
    await run(
      async () => {
        const updated = await Api.requestExtension(task.id, {
          newDueAt: date,
          reason: reason.trim(),
          scope,
          ...(scope === 'STEP' ? { stepId: step.stepId } : {}),
        });
        setConfirm(false);
        onDone(updated, date);
      },
      () => setConfirm(false),
    );
  };

  return (
    <section className="panel" aria-labelledby="xin-gia-han">
      <h2 id="xin-gia-han">Gia hạn</h2>
      <p className="muted">
        {scope === 'STEP' ? 'Hạn gửi ý kiến' : 'Hạn của nhiệm vụ'}: {formatDate(current)}
      </p>
      <Notice notice={notice} />
      {!open ? (
        <button type="button" className="btn" onClick={() => setOpen(true)} aria-expanded="false" aria-controls="xin-gia-han-form">
          Xin gia hạn
        </button>
      ) : (
        <form id="xin-gia-han-form" onSubmit={ask} noValidate>
          <DateField
            id="extension-date"
            label="Xin gia hạn đến ngày"
            value={date ?? ''}
            onChange={(iso) => {
              setDate(iso);
              if (iso) setErrors((prev) => ({ ...prev, date: undefined }));
            }}
            error={errors.date}
          />
          <div className="field">
            <label htmlFor="extension-reason">Lý do xin gia hạn</label>
            <textarea
              ref={reasonRef}
              id="extension-reason"
              rows={3}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (e.target.value.trim()) setErrors((prev) => ({ ...prev, reason: undefined }));
              }}
              {...invalidAria('extension-reason-error', errors.reason)}
            />
            <FieldError id="extension-reason-error" message={errors.reason} />
          </div>
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              Gửi đề nghị gia hạn
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)} disabled={busy}>
              Hủy
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirm}
        title="Gửi đề nghị gia hạn?"
        confirmLabel="Gửi đề nghị"
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setConfirm(false)}
      >
        <p className="dialog-task">
          Nhiệm vụ {task.number}: {task.content}
        </p>
        <p>
          {scope === 'STEP' ? 'Hạn gửi ý kiến' : 'Hạn'} hiện tại <strong>{formatDate(current)}</strong>, xin gia hạn đến{' '}
          <strong>{formatDate(date)}</strong>.
        </p>
        <p>
          Lý do: <q>{reason.trim()}</q>
        </p>
        <p>Đề nghị sẽ được chuyển tới {decider} xem xét. Trong khi chờ, thời hạn hiện tại vẫn giữ nguyên.</p>
      </ConfirmDialog>
    </section>
  );
}

/** The decider (the Chairman or his delegate; the unit head for a contribution's date) answers a request. */
export function ExtensionDecisionPanel({
  task,
  extension,
  behalf,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  extension: Extension;
  behalf: string | null;
  onDone: (updated: TaskUpdate, decision: 'approve' | 'reject') => void;
  onStale: (message: string) => void;
}) {
  const [comment, setComment] = useState('');
  const [confirm, setConfirm] = useState<'approve' | 'reject' | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, onStale });

  const decide = async () => {
    if (!confirm) return;
    await run(
      async () => {
        const updated = await Api.decideExtension(task.id, confirm, comment.trim());
        setConfirm(null);
        onDone(updated, confirm);
      },
      () => setConfirm(null),
    );
  };

  return (
    <section className="panel panel-action" aria-labelledby="xet-gia-han">
      <h2 id="xet-gia-han">Xét đề nghị gia hạn</h2>
      {behalf && <p className="behalf">Bạn xử lý thay {behalf} theo ủy quyền.</p>}
      <ExtensionFacts extension={extension} />
      <Notice notice={notice} />
      <div className="field">
        <label htmlFor="extension-comment">Ý kiến (không bắt buộc)</label>
        <textarea id="extension-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={() => setConfirm('approve')} disabled={busy}>
          Đồng ý
        </button>
        <button type="button" className="btn btn-danger" onClick={() => setConfirm('reject')} disabled={busy}>
          Không đồng ý
        </button>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === 'approve' ? 'Đồng ý gia hạn?' : 'Không đồng ý gia hạn?'}
        confirmLabel={confirm === 'approve' ? 'Đồng ý' : 'Không đồng ý'}
        busy={busy}
        onConfirm={() => void decide()}
        onCancel={() => setConfirm(null)}
      >
        <p className="dialog-task">
          Nhiệm vụ {task.number}: {task.content}
        </p>
        {confirm === 'approve' ? (
          <p>
            Thời hạn mới sẽ là <strong>{formatDate(extension.newDueAt)}</strong>; hạn gốc {formatDate(extension.originalDueAt)} vẫn
            được ghi lại để tính đúng hạn.
          </p>
        ) : (
          <p>
            Thời hạn giữ nguyên <strong>{formatDate(extension.currentDueAt)}</strong>. {extension.requestedBy.fullName} sẽ được
            thông báo.
          </p>
        )}
        {comment.trim() && (
          <p>
            Ý kiến: <q>{comment.trim()}</q>
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** Who asked, why, and the three dates: the original, the current and the one asked for. */
export function ExtensionFacts({ extension }: { extension: Extension }) {
  const pending = extension.status === 'PENDING';
  return (
    <dl className="summary summary-compact extension-facts">
      <div>
        <dt>Người đề nghị</dt>
        <dd>{personName(extension.requestedBy)}</dd>
      </div>
      <div>
        <dt>Phạm vi</dt>
        <dd>{extension.scope === 'STEP' ? `Hạn góp ý của ${unitName(extension.unit)}` : 'Thời hạn của nhiệm vụ'}</dd>
      </div>
      <div>
        <dt>Hạn gốc</dt>
        <dd>{formatDate(extension.originalDueAt)}</dd>
      </div>
      <div>
        <dt>{pending ? 'Hạn hiện tại' : 'Hạn lúc đề nghị'}</dt>
        <dd>{formatDate(extension.currentDueAt)}</dd>
      </div>
      <div>
        <dt>{extension.status === 'APPROVED' ? 'Được gia hạn đến' : 'Xin gia hạn đến'}</dt>
        <dd>
          <strong>{formatDate(extension.newDueAt)}</strong>
        </dd>
      </div>
      <div className="summary-wide">
        <dt>Lý do</dt>
        <dd>{extension.reason}</dd>
      </div>
    </dl>
  );
}
