import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { DeadlinesApi, fieldProblems, type DeadlineSettings, type EscalationTarget } from '../api/deadlines';
import { ErrorBox, FieldError, invalidAria, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { formatDate, todayIso } from '../lib/format';
import { forgetDeadlineSettings } from '../lib/escalation';
import { Link, useLeaveGuard } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';
// deadlines.ts of libs/contracts imports nothing: its defaults and the list of targets are safe in the bundle.
import { DEFAULT_DEADLINE_SETTINGS, ESCALATION_TARGETS } from '../../../../libs/contracts/src/deadlines';
import { weekdayName } from '../../../../libs/domain/src/calendar/validation';
import './deadlines.css';

const TARGET_LABELS: Record<EscalationTarget, string> = {
  HOLDER: 'Người đang giữ việc',
  UNIT_HEAD: 'Trưởng đơn vị',
  COORDINATOR: 'Cán bộ đầu mối CCHC',
  CHAIRMAN: 'Chủ tịch UBND xã',
};

/** The form keeps what is typed (a number field may be empty for a moment). */
interface Form {
  sla: string;
  lead: string;
  reminders: string[];
  ladder: { after: string; to: EscalationTarget[] }[];
}

const toForm = (s: DeadlineSettings): Form => ({
  sla: String(s.approvalSlaWorkingDays),
  lead: String(s.contributionLeadWorkingDays),
  reminders: s.remindBeforeWorkingDays.map(String),
  ladder: s.escalation.map((r) => ({ after: String(r.afterWorkingDays), to: [...r.to] })),
});

const toSettings = (f: Form): DeadlineSettings => ({
  approvalSlaWorkingDays: Number(f.sla),
  contributionLeadWorkingDays: Number(f.lead),
  remindBeforeWorkingDays: f.reminders.map(Number),
  escalation: f.ladder.map((r) => ({ afterWorkingDays: Number(r.after), to: r.to })),
});

const isCount = (text: string) => /^\d{1,3}$/.test(text.trim());

/** "Sau 2 ngày làm việc → báo Cán bộ đầu mối CCHC" (0: on the due date itself). */
export function rungSentence(after: number, to: EscalationTarget[]): string {
  const when = after === 0 ? 'Ngay ngày đến hạn' : `Sau ${after} ngày làm việc`;
  return `${when} → báo ${to.length ? to.map((t) => TARGET_LABELS[t]).join(', ') : '(chưa chọn ai)'}`;
}

/** Which form field a problem of the API's `details` belongs to. */
function fieldKey(field: string): string {
  if (field.startsWith('approvalSlaWorkingDays')) return 'sla';
  if (field.startsWith('contributionLeadWorkingDays')) return 'lead';
  const reminder = /^remindBeforeWorkingDays\[(\d+)\]/.exec(field);
  if (reminder) return `reminder-${reminder[1]}`;
  if (field.startsWith('remindBeforeWorkingDays')) return 'reminders';
  const rung = /^escalation\[(\d+)\]\.(afterWorkingDays|to)/.exec(field);
  if (rung) return `rung-${rung[1]}-${rung[2] === 'to' ? 'to' : 'after'}`;
  return 'ladder';
}

/**
 * Cài đặt thời hạn: how long an approval step may take, when the holder is reminded, and whom the ladder tells
 * once a step is late, all in working days of the commune's calendar. ADMIN and COORDINATOR edit; others read.
 */
export function DeadlineSettingsPage() {
  const { hasRole } = useSession();
  const canEdit = hasRole('ADMIN', 'COORDINATOR');
  const loaded = useAsync(() => DeadlinesApi.deadlineSettings(), []);
  const [form, setForm] = useState<Form | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data) {
      setForm(toForm(loaded.data));
      setDirty(false);
    }
  }, [loaded.data]);
  useLeaveGuard(dirty, 'Cài đặt thời hạn có thay đổi chưa lưu. Bạn có chắc muốn rời trang?');

  const update = (next: Form) => {
    setForm(next);
    setDirty(true);
    setErrors({});
    setNotice(null);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    const errs: Record<string, string> = {};
    const need = 'Vui lòng nhập số ngày làm việc (số nguyên).';
    if (!isCount(form.sla)) errs.sla = need;
    if (!isCount(form.lead)) errs.lead = need;
    form.reminders.forEach((r, i) => {
      if (!isCount(r)) errs[`reminder-${i}`] = need;
    });
    form.ladder.forEach((r, i) => {
      if (!isCount(r.after)) errs[`rung-${i}-after`] = need;
    });
    setErrors(errs);
    if (Object.keys(errs).length) {
      setNotice({ kind: 'error', text: 'Có ô chưa nhập đúng. Vui lòng kiểm tra các ô được đánh dấu.' });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const saved = await DeadlinesApi.saveDeadlineSettings(toSettings(form));
      forgetDeadlineSettings();
      setForm(toForm(saved));
      setDirty(false);
      setNotice({ kind: 'success', text: 'Đã lưu cài đặt thời hạn. Hộp việc và trang Theo dõi tính theo cài đặt mới ngay.' });
    } catch (err) {
      const byField: Record<string, string> = {};
      for (const p of err instanceof ApiError ? fieldProblems(err.details) : []) byField[fieldKey(p.field)] ??= p.message;
      setErrors(byField);
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="Cài đặt thời hạn">Cài đặt thời hạn</PageTitle>
      <p className="lead">
        Thời hạn xử lý, lời nhắc và các bậc báo cáo khi quá hạn của xã. Mọi số ngày ở đây là ngày làm việc theo{' '}
        <Link to="/lich-lam-viec">Lịch làm việc</Link>.
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {loaded.error && <ErrorBox message={loaded.error} onRetry={() => void loaded.reload()} />}
      {loaded.loading && !form && <Loading label="Đang tải cài đặt thời hạn…" />}
      {form && (canEdit ? <EditForm form={form} errors={errors} busy={busy} dirty={dirty} onChange={update} onSubmit={save} /> : <ReadOnly settings={toSettings(form)} />)}
    </>
  );
}

function ReadOnly({ settings }: { settings: DeadlineSettings }) {
  return (
    <section className="panel" aria-labelledby="thoi-han-hien-tai">
      <h2 id="thoi-han-hien-tai">Cài đặt hiện tại</h2>
      <ul className="settings-list">
        <li>Mỗi bước duyệt được xử lý trong {settings.approvalSlaWorkingDays} ngày làm việc.</li>
        <li>Đơn vị phối hợp gửi ý kiến trước hạn nhiệm vụ {settings.contributionLeadWorkingDays} ngày làm việc.</li>
        <li>
          Nhắc hạn:{' '}
          {settings.remindBeforeWorkingDays.length ? settings.remindBeforeWorkingDays.map((n) => `trước ${n} ngày làm việc`).join(', ') : 'không nhắc'}.
        </li>
        {settings.escalation.map((r, i) => (
          <li key={i}>{rungSentence(r.afterWorkingDays, r.to)}</li>
        ))}
      </ul>
      <p className="muted">Chỉ Quản trị hệ thống hoặc cán bộ đầu mối CCHC được sửa cài đặt thời hạn.</p>
    </section>
  );
}

function EditForm({
  form,
  errors,
  busy,
  dirty,
  onChange,
  onSubmit,
}: {
  form: Form;
  errors: Record<string, string>;
  busy: boolean;
  dirty: boolean;
  onChange: (f: Form) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  const firstReminder = Math.max(0, ...form.reminders.filter(isCount).map(Number));
  const setReminder = (i: number, v: string) => onChange({ ...form, reminders: form.reminders.map((r, j) => (j === i ? v : r)) });
  const setRung = (i: number, rung: Form['ladder'][number]) => onChange({ ...form, ladder: form.ladder.map((r, j) => (j === i ? rung : r)) });
  const lastAfter = form.ladder.length ? Number(form.ladder[form.ladder.length - 1].after) || 0 : -1;

  return (
    <form onSubmit={onSubmit} noValidate>
      <section className="panel" aria-labelledby="thoi-han-xu-ly">
        <h2 id="thoi-han-xu-ly">Thời hạn xử lý</h2>
        <NumberField
          id="sla"
          label="Mỗi bước duyệt được xử lý trong"
          unit="ngày làm việc kể từ khi nhận"
          value={form.sla}
          error={errors.sla}
          onChange={(sla) => onChange({ ...form, sla })}
        />
        <SlaExample sla={form.sla} />
        <NumberField
          id="lead"
          label="Đơn vị phối hợp gửi ý kiến trước hạn nhiệm vụ"
          unit="ngày làm việc (khi không đặt hạn riêng)"
          value={form.lead}
          error={errors.lead}
          onChange={(lead) => onChange({ ...form, lead })}
        />
        <p className="muted">
          Hạn rơi vào thứ Bảy, Chủ nhật hoặc ngày nghỉ lễ được giữ nguyên; lời nhắc và các bậc báo cáo đếm ngày làm việc
          tính từ ngày hạn đó.
        </p>
      </section>

      <section className="panel" aria-labelledby="nhac-han">
        <h2 id="nhac-han">Nhắc hạn</h2>
        <p className="muted">
          {firstReminder > 0
            ? `Từ lần nhắc sớm nhất (trước ${firstReminder} ngày làm việc), việc hiện màu “Sắp đến hạn” trong Hộp việc và trang Theo dõi.`
            : 'Không có lần nhắc nào: chỉ ngày đến hạn mới hiện màu “Sắp đến hạn”.'}
        </p>
        <ul className="settings-rows">
          {form.reminders.map((r, i) => (
            <li key={i} className="settings-row">
              <NumberField
                id={`reminder-${i}`}
                label={`Lần nhắc ${i + 1}: trước`}
                unit="ngày làm việc"
                value={r}
                error={errors[`reminder-${i}`]}
                onChange={(v) => setReminder(i, v)}
              />
              <button type="button" className="btn btn-small btn-danger" onClick={() => onChange({ ...form, reminders: form.reminders.filter((_, j) => j !== i) })}>
                Xóa<span className="visually-hidden"> lần nhắc {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
        <FieldError id="reminders-error" message={errors.reminders} />
        {form.reminders.length < 5 && (
          <button type="button" className="btn btn-small" onClick={() => onChange({ ...form, reminders: [...form.reminders, '1'] })}>
            + Thêm lần nhắc
          </button>
        )}
      </section>

      <section className="panel" aria-labelledby="bao-cao-qua-han">
        <h2 id="bao-cao-qua-han">Báo cáo khi quá hạn</h2>
        <p className="muted">Mỗi bậc chỉ báo một lần cho mỗi bước. Các bậc xếp theo số ngày tăng dần.</p>
        <ol className="settings-rows ladder">
          {form.ladder.map((rung, i) => {
            const after = Number(rung.after);
            return (
              <li key={i} className="settings-row ladder-row" data-testid="ladder-row">
                <fieldset>
                  <legend>
                    Bậc {i + 1}: {isCount(rung.after) ? rungSentence(after, rung.to) : '…'}
                  </legend>
                  <div className="ladder-body">
                    <NumberField
                      id={`rung-${i}-after`}
                      label="Sau"
                      unit="ngày làm việc sau hạn →"
                      value={rung.after}
                      error={errors[`rung-${i}-after`]}
                      onChange={(v) => setRung(i, { ...rung, after: v })}
                    />
                    <div className="ladder-targets" role="group" aria-label={`Bậc ${i + 1}: báo cho`}>
                      <span className="ladder-to" aria-hidden="true">
                        báo
                      </span>
                      {ESCALATION_TARGETS.map((t) => (
                        <label key={t} className="check">
                          <input
                            type="checkbox"
                            checked={rung.to.includes(t)}
                            onChange={(e) =>
                              setRung(i, { ...rung, to: e.target.checked ? ESCALATION_TARGETS.filter((x) => x === t || rung.to.includes(x)) : rung.to.filter((x) => x !== t) })
                            }
                          />
                          {TARGET_LABELS[t]}
                        </label>
                      ))}
                    </div>
                    <button type="button" className="btn btn-small btn-danger" onClick={() => onChange({ ...form, ladder: form.ladder.filter((_, j) => j !== i) })}>
                      Xóa<span className="visually-hidden"> bậc {i + 1}</span>
                    </button>
                  </div>
                  <FieldError id={`rung-${i}-to-error`} message={errors[`rung-${i}-to`]} />
                </fieldset>
              </li>
            );
          })}
        </ol>
        <FieldError id="ladder-error" message={errors.ladder} />
        {form.ladder.length < 6 && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange({ ...form, ladder: [...form.ladder, { after: String(lastAfter + 1), to: ['CHAIRMAN'] }] })}
          >
            + Thêm bậc
          </button>
        )}
      </section>

      <div className={dirty ? 'savebar' : 'settings-actions'}>
        {dirty && (
          <p>
            <strong>Có thay đổi chưa lưu.</strong>
          </p>
        )}
        <div className="actions">
          <button type="button" className="btn" disabled={busy} onClick={() => onChange(toForm(DEFAULT_DEADLINE_SETTINGS))}>
            Khôi phục mặc định
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !dirty}>
            {busy ? 'Đang lưu…' : 'Lưu cài đặt'}
          </button>
        </div>
      </div>
    </form>
  );
}

function NumberField({ id, label, unit, value, error, onChange }: { id: string; label: string; unit: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <div className="field number-field">
      <div className="number-line">
        <label htmlFor={id}>{label}</label>
        <input id={id} type="number" inputMode="numeric" min={0} max={60} value={value} onChange={(e) => onChange(e.target.value)} {...invalidAria(`${id}-error`, error)} />
        <span className="number-unit">{unit}</span>
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** What the SLA means on the commune's calendar, from today (the API's working-days helper). */
function SlaExample({ sla }: { sla: string }) {
  const [due, setDue] = useState<string | null>(null);
  const today = todayIso();
  useEffect(() => {
    setDue(null);
    if (!isCount(sla) || Number(sla) < 1 || Number(sla) > 250) return undefined;
    let live = true;
    const timer = window.setTimeout(() => {
      DeadlinesApi.addWorkingDays(today, Number(sla)).then(
        (r) => live && setDue(r.date),
        () => undefined,
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [sla, today]);
  if (!due) return null;
  return (
    <p className="hint sla-example" data-testid="sla-example">
      Ví dụ: bước duyệt nhận hôm nay ({weekdayName(today)}, {formatDate(today)}) đến hạn {weekdayName(due)}, {formatDate(due)}.
    </p>
  );
}
