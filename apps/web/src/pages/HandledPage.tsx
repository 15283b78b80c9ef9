import { Api } from '../api/endpoints';
import type { HandledTask } from '../api/types';
import { StatusBadge, StatusWordBadge } from '../components/Badges';
import { Empty, ErrorBox, Loading, PageTitle } from '../components/Feedback';
import { HolderLine, soleLeadUnit } from '../components/TaskParts';
import { formatDateTime } from '../lib/format';
import { HANDLED_ACTION_LABELS, stepKindLabel } from '../lib/labels';
import { Link } from '../lib/router';
import { useAsync } from '../lib/useAsync';

/**
 * "Đã trình / Đã xử lý": what I sent or decided (GET /inbox/handled), newest first, and where each task is now, so
 * a task does not just vanish from my lists after "Trình" or "Duyệt".
 */
export function HandledPage() {
  const handled = useAsync(() => Api.handled(), []);
  const tasks = handled.data ?? [];

  return (
    <>
      <PageTitle title="Đã trình / Đã xử lý">Đã trình / Đã xử lý</PageTitle>
      <p className="lead">Các nhiệm vụ bạn đã trình, duyệt, trả lại hoặc phân công gần đây, và nhiệm vụ đang ở đâu.</p>
      {handled.error && !handled.data && <ErrorBox message={handled.error} onRetry={() => void handled.reload()} />}
      {handled.loading && !handled.data && <Loading />}
      {handled.data && tasks.length === 0 && <Empty>Bạn chưa trình hay xử lý nhiệm vụ nào.</Empty>}
      {tasks.length > 0 && (
        <ul className="cards handled" aria-label="Việc đã trình, đã xử lý">
          {tasks.map((t) => (
            <HandledCard key={t.id} task={t} />
          ))}
        </ul>
      )}
    </>
  );
}

function HandledCard({ task }: { task: HandledTask }) {
  const { lastAction: last } = task;
  const done = task.status === 'COMPLETED' || task.status === 'WITHDRAWN';
  const step = task.currentStep;
  return (
    <li className="card">
      <p className="handled-what">
        <strong>{HANDLED_ACTION_LABELS[last.type] ?? 'Đã xử lý'}</strong>
        <span className="muted"> · {formatDateTime(last.at)}</span>
      </p>
      {last.comment && <p className="handled-comment">“{last.comment}”</p>}
      <h2 className="card-title">
        <Link to={`/nhiem-vu/${encodeURIComponent(task.id)}?tu=da-xu-ly`}>
          Nhiệm vụ {task.number}: {task.content}
        </Link>
      </h2>
      <p className="card-foot">
        <span className="muted">Hiện nay:</span>
        <StatusBadge status={task.status} unit={soleLeadUnit(task)} />
        <StatusWordBadge word={task.statusWord} />
      </p>
      {!done && step && (
        <div className="handled-now">
          <p>
            <span className="muted">Bước hiện tại:</span>{' '}
            <strong>{stepKindLabel(step.kind, step.unit ? { code: step.unit, name: step.unitName } : null)}</strong>
          </p>
          <HolderLine step={step} />
        </div>
      )}
    </li>
  );
}
