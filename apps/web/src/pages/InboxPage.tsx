import { Fragment, useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { errorMessage, messageForCode } from '../api/client';
import { Api } from '../api/endpoints';
import type { InboxItem, StepKind } from '../api/types';
import { DueBadge, dueClass, EscalationNote, StatusBadge } from '../components/Badges';
import { ConfirmDialog } from '../components/Dialog';
import { QuickReview } from '../components/QuickReview';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { SelectField } from '../components/SelectField';
import { clearFlash, peekFlash } from '../lib/flash';
import { GROUP_OPTIONS, personName, STEP_KIND_LABELS, STEP_KIND_ORDER, stepKindLabel, UNIT_OPTIONS } from '../lib/labels';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

const KIND_OPTIONS = STEP_KIND_ORDER.map((k) => ({ value: k, label: STEP_KIND_LABELS[k] }));

/** Steps that can be approved from the list without opening them. */
const APPROVABLE: StepKind[] = ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'];

const keyOf = (i: InboxItem) => `${i.taskId ?? i.reportId}-${i.stepId}`;

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
  /** The review item opened in place (its key), if any: one at a time. */
  const [expanded, setExpanded] = useState<string | null>(null);
  /** Items decided here: hidden at once, before the list is read again. */
  const [decided, setDecided] = useState<Set<string>>(new Set());
  /** What happened to the last item decided here, shown where it was in the list. */
  const [outcome, setOutcome] = useState<{ index: number; notice: NoticeState } | null>(null);
  const outcomeRef = useRef<HTMLLIElement>(null);

  const items = useMemo(() => [...(inbox.data ?? [])].sort(byDue), [inbox.data]);
  const visible = items.filter(
    (i) =>
      !decided.has(keyOf(i)) &&
      (!unit || i.unit?.code === unit) &&
      (!group || i.groupCode === group) &&
      (!kind || i.kind === kind),
  );

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  /** An item decided in place leaves the list; a message takes its place. */
  const afterDecision = async (item: InboxItem, notice: NoticeState) => {
    const index = visible.findIndex((i) => keyOf(i) === keyOf(item));
    setDecided((prev) => new Set(prev).add(keyOf(item)));
    setSelected((prev) => {
      const next = new Set(prev);
      next.delete(item.taskId);
      return next;
    });
    setExpanded(null);
    setOutcome({ index: Math.max(0, index), notice });
    await inbox.reload();
    await refreshInboxCount();
  };
  const approvable = visible.filter((i) => !i.reportId && APPROVABLE.includes(i.kind));
  const chosen = items.filter((i) => !i.reportId && selected.has(i.taskId) && APPROVABLE.includes(i.kind));
  const counts = useMemo(() => {
    const c = { overdue: 0, soon: 0 };
    for (const i of items) {
      if (i.dueState === 'OVERDUE') c.overdue++;
      else if (i.dueState === 'DUE_SOON') c.soon++;
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
        chosen.map((i) => ({ taskId: i.taskId, stepId: i.stepId })),
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
      <p className="page-links">
        <Link to="/da-xu-ly">Việc đã trình / đã xử lý →</Link>
      </p>
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

      {(visible.length > 0 || outcome) && (
        <ul className="inbox" aria-label="Danh sách việc">
          {visible.map((item, index) => {
            const state = dueClass(item.dueState);
            const behalf = personName(item.onBehalfOf);
            // A report's step is decided on the report's page (its draft, files and preview are there).
            const report = item.reportId ? { id: item.reportId, unitPage: item.unit && (item.kind === 'REPORT_INPUT' || item.kind === 'UNIT_REVIEW') ? item.unit.code : null } : null;
            const canBulk = !report && APPROVABLE.includes(item.kind);
            const cbId = `chon-${item.taskId}`;
            const key = keyOf(item);
            const open = expanded === key;
            const panelId = `xem-nhanh-${item.stepId}`.replace(/[^\w-]/g, '-');
            return (
              <Fragment key={key}>
                {outcome && outcome.index === index && <OutcomeItem ref={outcomeRef} notice={outcome.notice} onDismiss={() => setOutcome(null)} />}
              <li className={`inbox-item state-${state}${open ? ' inbox-item-open' : ''}`}>
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
                    <span className="kind">{stepKindLabel(item.kind, item.unit)}</span>
                    {!report && <span>Nhóm {item.groupCode}</span>}
                    {item.unit && <span>{item.unit.name}</span>}
                  </p>
                  <h2 className="inbox-title">
                    {report ? (
                      <Link to={`/bao-cao/${encodeURIComponent(report.id)}${report.unitPage ? `/don-vi/${encodeURIComponent(report.unitPage)}` : ''}`}>{item.title}</Link>
                    ) : (
                      <Link to={`/nhiem-vu/${encodeURIComponent(item.taskId)}`}>
                        Nhiệm vụ {item.number}: {item.title}
                      </Link>
                    )}
                  </h2>
                  {behalf && <p className="behalf">Xử lý thay: {behalf} (ủy quyền)</p>}
                  {item.kind === 'EXTENSION' && <p className="inbox-hint">Mở nhiệm vụ để xem hạn gốc, hạn hiện tại, ngày xin gia hạn và quyết định.</p>}
                  <div className="inbox-foot">
                    <DueBadge state={item.dueState} due={item.dueAt} showDate />
                    <EscalationNote level={item.escalationLevel} />
                    {item.status && !report && <StatusBadge status={item.status} unit={item.kind === 'UNIT_REVIEW' ? item.unit : null} />}
                    {canBulk && (
                      <button
                        type="button"
                        className="btn btn-small inbox-expand"
                        aria-expanded={open}
                        aria-controls={panelId}
                        onClick={() => {
                          setOutcome(null);
                          setExpanded(open ? null : key);
                        }}
                      >
                        {open ? 'Thu gọn' : 'Xem nhanh và duyệt'}
                        <span className="visually-hidden"> nhiệm vụ {item.number}</span>
                        <span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
                      </button>
                    )}
                  </div>
                  {open && (
                    <QuickReview
                      item={item}
                      id={panelId}
                      onDone={(d) =>
                        void afterDecision(item, {
                          kind: 'success',
                          text:
                            d === 'approve'
                              ? `Đã duyệt nhiệm vụ ${item.number}.`
                              : `Đã trả lại nhiệm vụ ${item.number} cho người soạn.`,
                        })
                      }
                      onStale={(message) => void afterDecision(item, { kind: 'warning', text: `Nhiệm vụ ${item.number}: ${message}` })}
                    />
                  )}
                </div>
              </li>
              </Fragment>
            );
          })}
          {outcome && outcome.index >= visible.length && (
            <OutcomeItem ref={outcomeRef} notice={outcome.notice} onDismiss={() => setOutcome(null)} />
          )}
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

/** Where a decided item was: what became of it. Takes focus, so keyboard and screen-reader users are not lost. */
function OutcomeItem({
  ref,
  notice,
  onDismiss,
}: {
  ref: Ref<HTMLLIElement>;
  notice: NoticeState;
  onDismiss: () => void;
}) {
  return (
    <li ref={ref} tabIndex={-1} className={`inbox-outcome alert alert-${notice.kind}`} role="status">
      <span className="alert-icon" aria-hidden="true">
        {notice.kind === 'success' ? '✓' : '!'}
      </span>
      <p>{notice.text}</p>
      <button type="button" className="btn-close" onClick={onDismiss} aria-label="Đóng thông báo">
        ×
      </button>
    </li>
  );
}
