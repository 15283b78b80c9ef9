/**
 * A revised plan file against the plan in progress (plan section IV: tasks may be amended during the year): what it
 * adds, changes and withdraws, shown before anything is done; then the decision that amends the plan, and only then
 * the amendment is applied.
 */
import { useId, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { AmendedField, AmendmentPreview, AmendmentResult, AmendmentTaskView } from '../api/types';
import { StatusBadge } from './Badges';
import { ConfirmDialog } from './Dialog';
import { ErrorBox, FieldError, invalidAria, Loading, Notice, type NoticeState } from './Feedback';
import { DeadlineCell, PreviewTable } from './PlanPreview';
import { useStepAction } from '../lib/stepAction';
import { useAsync } from '../lib/useAsync';

export const FIELD_LABELS: Record<AmendedField, string> = {
  group: 'Nhóm',
  content: 'Nội dung',
  leadUnits: 'Đơn vị chủ trì',
  coUnits: 'Đơn vị phối hợp',
  deadline: 'Thời hạn',
  product: 'Sản phẩm',
  number: 'Số thứ tự',
};

/** The decision's citation, as offices write it. */
export const DECISION_PLACEHOLDER = 'Quyết định số …/QĐ-UBND ngày …/…/… của Chủ tịch UBND xã';

export function validDecision(text: string): string | null {
  if (text.trim().length < 5) return 'Vui lòng ghi quyết định điều chỉnh (số, ngày ban hành).';
  return null;
}

function FieldValue({ field, task }: { field: AmendedField; task: AmendmentTaskView }) {
  switch (field) {
    case 'deadline':
      return <DeadlineCell deadline={task.deadline} />;
    case 'content':
      return <>{task.content}</>;
    case 'product':
      return <>{task.product}</>;
    case 'leadUnits':
      return <>{task.leadUnitsText || '—'}</>;
    case 'coUnits':
      return <>{task.coUnitsText || '—'}</>;
    case 'group':
      return <>Nhóm {task.group}</>;
    case 'number':
      return <>{task.displayNumber}</>;
  }
}

function ChangeItem({ change }: { change: AmendmentPreview['changed'][number] }) {
  return (
    <li className="amend-item" data-task-number={change.before.displayNumber}>
      <p className="amend-title">
        <strong>Nhiệm vụ {change.before.displayNumber}</strong> {change.before.content} <StatusBadge status={change.status} />
      </p>
      <dl className="amend-fields">
        {change.fields.map((field) => (
          <div key={field} className="amend-field">
            <dt>{FIELD_LABELS[field]}</dt>
            <dd>
              <span className="amend-before">
                <span className="visually-hidden">Trước: </span>
                <FieldValue field={field} task={change.before} />
              </span>
              <span className="amend-arrow" aria-hidden="true">
                →
              </span>
              <span className="amend-after">
                <span className="visually-hidden">Sau: </span>
                <FieldValue field={field} task={change.after} />
              </span>
            </dd>
          </div>
        ))}
      </dl>
      {change.notApplied.map((n) => (
        <p key={n.field} className="hint">
          {FIELD_LABELS[n.field]}: {n.reason}
        </p>
      ))}
    </li>
  );
}

/** The difference, as sections; used before applying and nowhere else. */
export function AmendmentDiff({ preview }: { preview: AmendmentPreview }) {
  const { added, changed, withdrawn } = preview;
  return (
    <div className="amend-diff">
      <p className="plan-stats" role="status">
        Bổ sung {added.length} · Sửa đổi {changed.length} · Rút khỏi kế hoạch {withdrawn.length} · Giữ nguyên {preview.unchangedCount} nhiệm vụ
      </p>
      {added.length > 0 && (
        <section aria-labelledby="dc-bo-sung">
          <h4 id="dc-bo-sung">Nhiệm vụ bổ sung ({added.length})</h4>
          <PreviewTable preview={{ groups: preview.groups, tasks: added }} caption="Nhiệm vụ bổ sung" />
        </section>
      )}
      {changed.length > 0 && (
        <section aria-labelledby="dc-sua-doi">
          <h4 id="dc-sua-doi">Nhiệm vụ sửa đổi ({changed.length})</h4>
          <ul className="amend-list">
            {changed.map((c) => (
              <ChangeItem key={c.taskId} change={c} />
            ))}
          </ul>
        </section>
      )}
      {withdrawn.length > 0 && (
        <section aria-labelledby="dc-rut">
          <h4 id="dc-rut">Rút khỏi kế hoạch ({withdrawn.length})</h4>
          <ul className="amend-list">
            {withdrawn.map((w) => (
              <li key={w.taskId} className="amend-item amend-withdrawn" data-task-number={w.task.displayNumber}>
                <p className="amend-title">
                  <strong>Nhiệm vụ {w.task.displayNumber}</strong> {w.task.content} <StatusBadge status={w.status} />
                </p>
                {w.note && <p className="hint">{w.note}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function AmendmentReview({ planId, file, onApplied }: { planId: string; file: File; onApplied: (result: AmendmentResult) => void }) {
  const preview = useAsync(() => Api.previewAmendment(planId, file), [planId, file]);
  const [decision, setDecision] = useState('');
  const [decisionError, setDecisionError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const { busy, run } = useStepAction({ setNotice, message: errorMessage });
  const decisionId = useId();

  if (preview.error && !preview.data) return <ErrorBox message={preview.error} onRetry={() => void preview.reload()} />;
  if (!preview.data) return <Loading label="Đang so sánh với kế hoạch đang thực hiện…" />;
  const diff = preview.data;
  const nothing = diff.added.length + diff.changed.length + diff.withdrawn.length === 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const error = validDecision(decision);
    setDecisionError(error);
    if (!error) setConfirming(true);
  };
  const apply = () =>
    run(
      async () => {
        const result = await Api.applyAmendment(planId, file, decision.trim());
        setConfirming(false);
        onApplied(result);
      },
      () => setConfirming(false),
    );

  return (
    <div className="amendment">
      {diff.blocking.length > 0 && (
        <div className="alert alert-error" role="alert">
          <span className="alert-icon" aria-hidden="true">
            !
          </span>
          <div>
            <p>Chưa áp dụng được văn bản điều chỉnh này:</p>
            <ul>
              {diff.blocking.map((b, i) => (
                <li key={i}>{b.message}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {nothing ? (
        <p className="empty">Văn bản này không thay đổi nhiệm vụ nào so với kế hoạch đang thực hiện.</p>
      ) : (
        <AmendmentDiff preview={diff} />
      )}
      {!nothing && diff.blocking.length === 0 && (
        <form onSubmit={submit} noValidate className="amend-decision">
          <div className="field form-wide">
            <label htmlFor={decisionId}>Quyết định điều chỉnh kế hoạch</label>
            <input
              id={decisionId}
              value={decision}
              onChange={(e) => {
                setDecision(e.target.value);
                setDecisionError(null);
              }}
              placeholder={DECISION_PLACEHOLDER}
              maxLength={500}
              {...invalidAria(`${decisionId}-error`, decisionError)}
            />
            <FieldError id={`${decisionId}-error`} message={decisionError} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Áp dụng điều chỉnh
          </button>
        </form>
      )}
      {/* Under the button: a refusal is read where the decision was given. */}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <ConfirmDialog
        open={confirming}
        title="Áp dụng điều chỉnh kế hoạch?"
        confirmLabel="Áp dụng"
        busy={busy}
        onConfirm={() => void apply()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Theo {decision.trim()}: bổ sung {diff.added.length}, sửa đổi {diff.changed.length}, rút {diff.withdrawn.length} nhiệm vụ. Nhiệm vụ
          bổ sung được giao ngay cho đơn vị chủ trì; nhiệm vụ bị rút dừng xử lý nhưng vẫn giữ toàn bộ quá trình.
        </p>
      </ConfirmDialog>
    </div>
  );
}
