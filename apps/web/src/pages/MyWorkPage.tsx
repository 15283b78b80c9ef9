import { useEffect, useState } from 'react';
import { Api } from '../api/endpoints';
import type { MyTask } from '../api/types';
import { DueBadge, EscalationNote, StatusBadge, StatusWordBadge } from '../components/Badges';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { findReturnEvent, ReturnReason, soleLeadUnit, waitingText } from '../components/TaskParts';
import { clearFlash, peekFlash } from '../lib/flash';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

/** Tasks whose draft step is mine: returned ones first, each with its reason on top. */
export function MyWorkPage() {
  const mine = useAsync(() => Api.myTasks(), []);
  const [notice, setNotice] = useState<NoticeState | null>(() => peekFlash());
  useEffect(() => clearFlash(), []);

  const tasks = mine.data ?? [];
  const returned = tasks.filter((t) => t.returnReason || t.status === 'RETURNED');
  const assigned = tasks.filter((t) => !(t.returnReason || t.status === 'RETURNED'));

  return (
    <>
      <PageTitle title="Việc của tôi">Việc của tôi</PageTitle>
      <p className="page-links">
        <Link to="/da-xu-ly">Việc đã trình / đã xử lý →</Link>
      </p>
      <p className="lead">Các nhiệm vụ được giao cho bạn soạn dự thảo, hoặc được trả lại để chỉnh sửa.</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {mine.error && !mine.data && <ErrorBox message={mine.error} onRetry={() => void mine.reload()} />}
      {mine.loading && !mine.data && <Loading />}
      {mine.data && tasks.length === 0 && <Empty>Bạn chưa có nhiệm vụ nào cần soạn.</Empty>}

      {returned.length > 0 && (
        <section aria-labelledby="bi-tra-lai">
          <h2 id="bi-tra-lai">Bị trả lại ({returned.length})</h2>
          <ul className="cards">
            {returned.map((t) => (
              <MyTaskCard key={t.id} task={t} />
            ))}
          </ul>
        </section>
      )}
      {assigned.length > 0 && (
        <section aria-labelledby="duoc-giao">
          <h2 id="duoc-giao">Được giao ({assigned.length})</h2>
          <ul className="cards">
            {assigned.map((t) => (
              <MyTaskCard key={t.id} task={t} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function MyTaskCard({ task }: { task: MyTask }) {
  return (
    <li className="card">
      {task.returnReason && <ReturnLine task={task} reason={task.returnReason} />}
      <h3 className="card-title">
        <Link to={`/viec-cua-toi/${encodeURIComponent(task.id)}`}>
          Nhiệm vụ {task.number}: {task.content}
        </Link>
      </h3>
      <p className="muted">
        Nhóm {task.group.code} · {task.leadUnit.name} · Thời hạn: {task.deadline.raw}
      </p>
      <p className="card-foot">
        <StatusBadge status={task.status} unit={soleLeadUnit(task)} />
        <StatusWordBadge word={task.statusWord} />
        <DueBadge state={task.currentStep?.dueState} due={task.currentStep?.dueAt} showDate />
        <EscalationNote level={task.currentStep?.escalationLevel} />
        {task.currentStep && <span className="muted">{waitingText(task.currentStep.workingDaysOpen)}</span>}
      </p>
    </li>
  );
}

/** The reason on top of a returned task, with who returned it and when (read from the task's trail). */
function ReturnLine({ task, reason }: { task: MyTask; reason: string }) {
  const { user } = useSession();
  const history = useAsync(() => Api.history(task.id), [task.id]);
  // A task led by several units has one part per unit: mine is my unit's.
  const unit = user?.unit?.code ?? null;
  return (
    <p className="return-reason">
      <ReturnReason reason={reason} event={history.data ? findReturnEvent(history.data, reason, unit) : null} />
    </p>
  );
}
