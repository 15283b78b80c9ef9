import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { Delegation } from '../api/types';
import { DateField } from '../components/DateField';
import { ConfirmDialog } from '../components/Dialog';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { formatDate, formatDateTime, todayIso } from '../lib/format';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `until`, both counted. */
function daysInclusive(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000) + 1;
}

/** The same sentence the server gives with its 409 CONFLICT. */
function overlapText(d: Delegation): string {
  return (
    `Khoảng thời gian này trùng với ủy quyền đang hiệu lực cho ${d.toUser.fullName} từ ngày ${formatDate(d.from)} đến hết ngày ` +
    `${formatDate(d.until)}. Hãy kết thúc ủy quyền đó trước, hoặc chọn khoảng thời gian khác.`
  );
}

function stateOf(d: Delegation): { label: string; tone: string } {
  if (d.revokedAt) return { label: `Đã kết thúc ngày ${formatDate(d.revokedAt)}`, tone: 'neutral' };
  if (d.active) return { label: 'Đang hiệu lực', tone: 'success' };
  if (d.from > todayIso()) return { label: 'Chưa đến ngày hiệu lực', tone: 'info' };
  return { label: 'Đã hết hạn', tone: 'neutral' };
}

/** The Chairman delegates approvals to a Vice Chairman for a period, and ends it. */
export function DelegationPage() {
  const { hasRole } = useSession();
  const isChairman = hasRole('CHAIRMAN');
  const list = useAsync(() => Api.delegations(), []);
  const deputies = useAsync(async () => (isChairman ? Api.users({ role: 'VICE_CHAIRMAN' }) : []), [isChairman]);
  const today = todayIso();
  const [toUserId, setToUserId] = useState('');
  // ISO dates; null while the text typed is not a valid date.
  const [from, setFrom] = useState<string | null>(today);
  const [until, setUntil] = useState<string | null>(addDays(today, 7));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [busy, setBusy] = useState(false);
  const [ending, setEnding] = useState<Delegation | null>(null);
  /** The period asked for, waiting for the Chairman's confirmation. */
  const [confirming, setConfirming] = useState<{ toUserId: string; name: string; from: string; until: string } | null>(null);

  const chosenDeputy = toUserId || (deputies.data?.length === 1 ? deputies.data[0].id : '');

  /** Checks the form, then asks for confirmation: who, from when, until when. */
  const ask = (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const errs: Record<string, string> = {};
    if (!chosenDeputy) errs.to = 'Vui lòng chọn người được ủy quyền.';
    if (from === null) errs.from = 'Ngày bắt đầu không hợp lệ. Vui lòng nhập theo dạng dd/mm/yyyy.';
    else if (!from) errs.from = 'Vui lòng nhập ngày bắt đầu.';
    if (until === null) errs.until = 'Ngày kết thúc không hợp lệ. Vui lòng nhập theo dạng dd/mm/yyyy.';
    else if (!until) errs.until = 'Vui lòng nhập ngày kết thúc.';
    else if (from && until < from) errs.until = 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.';
    else if (from && until) {
      // The server refuses an overlap with a delegation in effect too; saying it here spares a round trip and a dialog.
      const clash = (list.data ?? []).find((d) => d.active && !d.revokedAt && d.from <= until && d.until >= from);
      if (clash) errs.period = overlapText(clash);
    }
    setErrors(errs);
    const first = Object.keys(errs)[0];
    if (first || !from || !until) {
      document.getElementById(first === 'period' ? 'del-from' : `del-${first}`)?.focus();
      return;
    }
    const name = deputies.data?.find((u) => u.id === chosenDeputy)?.fullName ?? 'Phó Chủ tịch';
    setConfirming({ toUserId: chosenDeputy, name, from, until });
  };

  const create = async () => {
    if (!confirming) return;
    const { toUserId: to, name, from: f, until: u } = confirming;
    setBusy(true);
    try {
      await Api.createDelegation(to, f, u);
      setNotice({
        kind: 'success',
        text: `Đã ủy quyền phê duyệt cho ${name} từ ngày ${formatDate(f)} đến hết ngày ${formatDate(u)}.`,
      });
    } catch (err) {
      // 409 CONFLICT: the server names the delegation already covering part of the period.
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setConfirming(null);
      setBusy(false);
      await list.reload();
    }
  };

  const end = async () => {
    if (!ending) return;
    setBusy(true);
    try {
      await Api.endDelegation(ending.id);
      setNotice({ kind: 'success', text: `Đã kết thúc ủy quyền cho ${ending.toUser.fullName}.` });
      setEnding(null);
      await list.reload();
    } catch (err) {
      setEnding(null);
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageTitle title="Ủy quyền phê duyệt">Ủy quyền phê duyệt</PageTitle>
      <p className="lead">
        {isChairman
          ? 'Chủ tịch ủy quyền cho Phó Chủ tịch phê duyệt thay trong một khoảng thời gian. Các việc được xử lý thay đều ghi rõ “thay mặt Chủ tịch”.'
          : 'Các ủy quyền phê duyệt của Chủ tịch UBND xã.'}
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      {isChairman && (
        <section className="panel" aria-labelledby="uy-quyen-moi">
          <h2 id="uy-quyen-moi">Ủy quyền mới</h2>
          {deputies.error && <ErrorBox message={deputies.error} onRetry={() => void deputies.reload()} />}
          {deputies.loading && !deputies.data && <Loading label="Đang tải danh sách Phó Chủ tịch…" />}
          {deputies.data && (
            <form onSubmit={ask} noValidate className="form-grid">
              <div className="field">
                <label htmlFor="del-to">Người được ủy quyền</label>
                <select
                  id="del-to"
                  value={chosenDeputy}
                  onChange={(e) => setToUserId(e.target.value)}
                  aria-invalid={Boolean(errors.to) || undefined}
                  aria-describedby={errors.to ? 'del-to-error' : undefined}
                >
                  <option value="">— Chọn Phó Chủ tịch —</option>
                  {deputies.data.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.fullName}
                    </option>
                  ))}
                </select>
                {errors.to && (
                  <p id="del-to-error" className="field-error" role="alert">
                    {errors.to}
                  </p>
                )}
              </div>
              <DateField id="del-from" label="Từ ngày" value={from ?? ''} onChange={setFrom} error={errors.from} />
              <DateField id="del-until" label="Đến hết ngày" value={until ?? ''} onChange={setUntil} error={errors.until} />
              <div className="form-actions">
                <button type="submit" className="btn btn-primary" disabled={busy}>
                  Ủy quyền
                </button>
              </div>
              {errors.period && (
                <div className="alert alert-error form-wide" role="alert" id="del-period-error">
                  <span className="alert-icon" aria-hidden="true">
                    !
                  </span>
                  <p>{errors.period}</p>
                </div>
              )}
            </form>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="danh-sach-uy-quyen">
        <h2 id="danh-sach-uy-quyen">Danh sách ủy quyền</h2>
        {list.error && <ErrorBox message={list.error} onRetry={() => void list.reload()} />}
        {list.loading && !list.data && <Loading />}
        {list.data && list.data.length === 0 && <Empty>Chưa có ủy quyền nào.</Empty>}
        {list.data && list.data.length > 0 && (
          <ul className="cards">
            {list.data.map((d) => {
              const s = stateOf(d);
              const canEnd = isChairman && !d.revokedAt && (d.active || d.from > today);
              return (
                <li key={d.id} className="card">
                  <p>
                    <strong>{d.fromUser.fullName}</strong> ủy quyền cho <strong>{d.toUser.fullName}</strong>
                  </p>
                  <p>
                    Từ {formatDate(d.from)} đến hết {formatDate(d.until)} ·{' '}
                    <span className={`badge badge-${s.tone}`}>{s.label}</span>
                  </p>
                  {d.revokedAt && <p className="muted">Kết thúc lúc {formatDateTime(d.revokedAt)}</p>}
                  {canEnd && (
                    <button type="button" className="btn btn-danger btn-small" onClick={() => setEnding(d)}>
                      Kết thúc ủy quyền
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={confirming !== null}
        title="Xác nhận ủy quyền phê duyệt"
        confirmLabel="Ủy quyền"
        busy={busy}
        onConfirm={() => void create()}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <>
            <dl className="summary summary-compact">
              <div>
                <dt>Người được ủy quyền</dt>
                <dd>{confirming.name} (Phó Chủ tịch UBND xã)</dd>
              </div>
              <div>
                <dt>Thời gian</dt>
                <dd>
                  Từ ngày {formatDate(confirming.from)} đến hết ngày {formatDate(confirming.until)} (
                  {daysInclusive(confirming.from, confirming.until)} ngày)
                </dd>
              </div>
            </dl>
            <p>
              Trong thời gian này, {confirming.name} phê duyệt thay Chủ tịch các việc đang chờ Chủ tịch; mỗi lần duyệt
              thay đều ghi “thay mặt Chủ tịch”. Chủ tịch có thể kết thúc ủy quyền bất cứ lúc nào.
            </p>
          </>
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={ending !== null}
        title="Kết thúc ủy quyền?"
        confirmLabel="Kết thúc"
        busy={busy}
        onConfirm={() => void end()}
        onCancel={() => setEnding(null)}
      >
        <p>
          {ending?.toUser.fullName} sẽ không còn phê duyệt thay Chủ tịch từ bây giờ. Các việc đang chờ sẽ trở về hộp việc
          của Chủ tịch.
        </p>
      </ConfirmDialog>
    </>
  );
}
