/**
 * What decisions amending the plan changed in this task (content, product, deadline, number, withdrawal): the
 * append-only record, oldest first. Shown only when there is one; the trail shows what reached the workflow.
 */
import { Api } from '../api/endpoints';
import type { AmendmentRecord } from '../api/types';
import { formatDateTime } from '../lib/format';
import { useAsync } from '../lib/useAsync';
import { FIELD_LABELS } from './AmendmentReview';

const CHANGE_LABELS: Record<AmendmentRecord['change'], string> = {
  ADDED: 'Bổ sung vào kế hoạch',
  CHANGED: 'Sửa đổi',
  WITHDRAWN: 'Rút khỏi kế hoạch',
};

export function TaskAmendments({ taskId }: { taskId: string }) {
  const records = useAsync(() => Api.taskAmendments(taskId), [taskId]);
  if (!records.data?.length) return null;
  return (
    <section className="panel" aria-labelledby="dieu-chinh">
      <h2 id="dieu-chinh">Điều chỉnh theo quyết định</h2>
      <ul className="amend-list">
        {records.data.map((r) => (
          <li key={r.id} className="amend-item">
            <p className="amend-title">
              <strong>{CHANGE_LABELS[r.change]}</strong>
              {r.fields.length > 0 ? `: ${r.fields.map((f) => FIELD_LABELS[f].toLocaleLowerCase('vi')).join(', ')}` : ''} — theo {r.decision}
            </p>
            <p className="hint">
              {r.actor.fullName} · {formatDateTime(r.at)}
            </p>
            {r.note && <p className="hint">{r.note}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
