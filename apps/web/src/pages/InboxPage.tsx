import { useEffect, useMemo, useState } from 'react';
import { errorMessage, messageForCode } from '../api/client';
import { Api } from '../api/endpoints';
import type { InboxItem, StepKind } from '../api/types';
import { DueBadge, StatusBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/Dialog';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { SelectField } from '../components/SelectField';
import { clearFlash, peekFlash } from '../lib/flash';
import { dueInfo } from '../lib/format';
import { GROUP_OPTIONS, personName, STEP_KIND_LABELS, STEP_KIND_ORDER, stepKindLabel, UNIT_OPTIONS } from '../lib/labels';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

const KIND_OPTIONS = STEP_KIND_ORDER.map((k) => ({ value: k, label: STEP_KIND_LABELS[k] }));

/** Steps that can be approved from the list without opening them. */
const APPROVABLE: StepKind[] = ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'];

function byDue(a: InboxItem, b: InboxItem): number {
  if (a.dueAt && b.dueAt) return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.number - b.number;
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return a.number - b.number;
}

export function InboxPage() {
  const { refreshInboxCount } = useSession();
  const inbox = useAsync(() => Api.inbox(), []);
  const [unit, setUnit] = useState('');
  const [group, setGroup] = useState('');
  const [kind, setKind] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(() => peekFlash());
  useEffect(() => clearFlash(), []);
  const [failures, setFailures] = useState<{ label: string; message: string }[]>([]);

  const items = useMemo(() => [...(inbox.data ?? [])].sort(byDue), [inbox.data]);
  const visible = items.filter(
    (i) => (!unit || i.unit?.code === unit) && (!group || i.groupCode === group) && (!kind || i.kind === kind),
  );
  const approvable = visible.filter((i) => APPROVABLE.includes(i.kind));
  const chosen = items.filter((i) => selected.has(i.taskId) && APPROVABLE.includes(i.kind));
  const counts = useMemo(() => {
    const c = { overdue: 0, soon: 0 };
    for (const i of items) {
      const s = dueInfo(i.dueAt, { overdue: i.overdue }).state;
      if (s === 'overdue') c.overdue++;
      else if (s === 'due-soon') c.soon++;
    }
    return c;
  }, [items]);

  const toggle = (taskId: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(taskId);
      else next.delete(taskId);
      return next;
    });
  const allChecked = approvable.length > 0 && approvable.every((i) => selected.has(i.taskId));
  const toggleAll = (on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const i of approvable) {
        if (on) next.add(i.taskId);
        else next.delete(i.taskId);
      }
      return next;
    });

  const bulkApprove = async () => {
    setBusy(true);
    setNotice(null);
    setFailures([]);
    try {
      const results = await Api.bulkApprove(
        chosen.map((i) => i.taskId),
        comment.trim(),
      );
      const ok = results.filter((r) => r.ok).length;
      const failed = results
        .filter((r) => !r.ok)
        .map((r) => {
          const item = items.find((i) => i.taskId === r.taskId);
          return {
            label: item ? `Nhiệm vụ ${item.number}` : 'Một nhiệm vụ',
            message: r.message && /[\u00C0-\u1EF9]/.test(r.message) ? r.message : messageForCode(r.code),
          };
        });
      setFailures(failed);
      setNotice(
        failed.length
          ? { kind: 'warning', text: `Đã duyệt ${ok}/${results.length} mục. ${failed.length} mục chưa duyệt được (xem chi tiết bên dưới).` }
          : { kind: 'success', text: `Đã duyệt ${ok} mục.` },
      );
      setSelected(new Set());
      setComment('');
      setConfirming(false);
    } catch (err) {
      setConfirming(false);
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
      await inbox.reload();
      await refreshInboxCount();
    }
  };

  return (
    <>
      <PageTitle title="Hộp việc">Hộp việc</PageTitle>
      <p className="lead">
        Các bước đang chờ bạn xử lý, hạn gần nhất lên trước.
        {items.length > 0 && (
          <>
            {' '}
            <span className="nowrap">
              Tổng {items.length} việc · {counts.overdue} quá hạn · {counts.soon} sắp đến hạn.
            </span>
          </>
        )}
      </p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {failures.length > 0 && (
        <ul className="failures">
          {failures.map((f, i) => (
            <li key={i}>
              <strong>{f.label}:</strong> {f.message}
            </li>
          ))}
        </ul>
      )}

      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Lọc hộp việc">
        <SelectField id="f-unit" label="Đơn vị" value={unit} onChange={setUnit} allLabel="Tất cả đơn vị" options={UNIT_OPTIONS} />
        <SelectField
          id="f-group"
          label="Nhóm nhiệm vụ"
          value={group}
          onChange={setGroup}
          allLabel="Tất cả nhóm"
          options={GROUP_OPTIONS}
        />
        <SelectField
          id="f-kind"
          label="Loại việc"
          value={kind}
          onChange={setKind}
          allLabel="Tất cả loại việc"
          options={KIND_OPTIONS}
        />
      </form>

      {inbox.error && !inbox.data && <ErrorBox message={inbox.error} onRetry={() => void inbox.reload()} />}
      {inbox.loading && !inbox.data && <Loading />}
      {inbox.data && items.length === 0 && <Empty>Không có việc nào đang chờ bạn. </Empty>}
      {inbox.data && items.length > 0 && visible.length === 0 && <Empty>Không có việc nào khớp bộ lọc.</Empty>}

      {approvable.length > 0 && (
        <div className="bulkbar">
          <div className="field field-check">
            <input
              id="chon-tat-ca"
              type="checkbox"
              checked={allChecked}
              onChange={(e) => toggleAll(e.target.checked)}
            />
            <label htmlFor="chon-tat-ca">Chọn tất cả việc chờ duyệt ({approvable.length})</label>
          </div>
          <button
            type="button"
            className="btn btn-primary"
            disabled={chosen.length === 0 || busy}
            onClick={() => setConfirming(true)}
          >
            Duyệt các mục đã chọn ({chosen.length})
          </button>
        </div>
      )}

      {visible.length > 0 && (
        <ul className="inbox" aria-label="Danh sách việc">
          {visible.map((item) => {
            const state = dueInfo(item.dueAt, { overdue: item.overdue }).state;
            const behalf = personName(item.onBehalfOf);
            const canBulk = APPROVABLE.includes(item.kind);
            const cbId = `chon-${item.taskId}`;
            return (
              <li key={`${item.taskId}-${item.stepId}`} className={`inbox-item state-${state}`}>
                {canBulk ? (
                  <div className="inbox-check">
                    <input
                      id={cbId}
                      type="checkbox"
                      checked={selected.has(item.taskId)}
                      onChange={(e) => toggle(item.taskId, e.target.checked)}
                    />
                    <label htmlFor={cbId} className="visually-hidden">
                      Chọn nhiệm vụ {item.number} để duyệt
                    </label>
                  </div>
                ) : (
                  <div className="inbox-check" aria-hidden="true" />
                )}
                <div className="inbox-body">
                  <p className="inbox-meta">
                    <span className="kind">{stepKindLabel(item.kind, item.unit?.code)}</span>
                    <span>Nhóm {item.groupCode}</span>
                    {item.unit && <span>{item.unit.name}</span>}
                  </p>
                  <h2 className="inbox-title">
                    <Link to={`/nhiem-vu/${encodeURIComponent(item.taskId)}`}>
                      Nhiệm vụ {item.number}: {item.title}
                    </Link>
                  </h2>
                  {behalf && <p className="behalf">Xử lý thay: {behalf} (ủy quyền)</p>}
                  <p className="inbox-foot">
                    <DueBadge due={item.dueAt} overdue={item.overdue} showDate />
                    {item.status && <StatusBadge status={item.status} />}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}

      <ConfirmDialog
        open={confirming}
        title={`Duyệt ${chosen.length} mục đã chọn?`}
        confirmLabel="Duyệt"
        busy={busy}
        onConfirm={() => void bulkApprove()}
        onCancel={() => setConfirming(false)}
      >
        <ul className="compact-list">
          {chosen.map((i) => (
            <li key={i.taskId}>
              Nhiệm vụ {i.number}: {i.title}
            </li>
          ))}
        </ul>
        <div className="field">
          <label htmlFor="bulk-comment">Ý kiến (không bắt buộc)</label>
          <textarea id="bulk-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      </ConfirmDialog>
    </>
  );
}
