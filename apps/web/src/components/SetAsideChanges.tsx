import { Link } from '../lib/router';
import { Api } from '../api/endpoints';
import { formatDateTime } from '../lib/format';
import { eventLabel } from '../lib/labels';
import { useAsync } from '../lib/useAsync';

/**
 * For the coordinator: changes of the commune's workflows that the tracking data refused (bad data no retry can
 * fix). They were set aside so that later changes still go through; the board says so instead of hiding it.
 * Nothing is shown when there are none.
 */
export function SetAsideChanges() {
  const changes = useAsync(() => Api.setAside(), []);
  const list = changes.data ?? [];
  if (list.length === 0) return null;
  return (
    <div className="alert alert-warning" role="status">
      <span className="alert-icon" aria-hidden="true">
        !
      </span>
      <div>
        <p className="alert-title">
          {list.length} thay đổi chưa ghi được vào dữ liệu theo dõi (dữ liệu không hợp lệ); các thay đổi sau vẫn được ghi bình thường.
        </p>
        <details>
          <summary>Xem chi tiết</summary>
          <ul>
            {list.map((c) => (
              <li key={`${c.workflowId}#${c.seq}`}>
                {formatDateTime(c.setAsideAt)} — {c.eventType ? eventLabel(c.eventType) : 'Cập nhật'}
                {c.taskId ? (
                  <>
                    {' '}
                    của <Link to={`/nhiem-vu/${encodeURIComponent(c.taskId)}`}>nhiệm vụ</Link>
                  </>
                ) : (
                  <> của quy trình {c.workflowId}</>
                )}
                : <code>{c.error}</code>
              </li>
            ))}
          </ul>
        </details>
      </div>
    </div>
  );
}
