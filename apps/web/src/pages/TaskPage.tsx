import { useState } from 'react';
import { Api } from '../api/endpoints';
import type { InboxItem, TaskDetail } from '../api/types';
import { AssignPanel, ContributePanel, DecisionPanel, SchedulePanel } from '../components/ActionPanels';
import { DueBadge } from '../components/Badges';
import { ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import {
  AttachmentList,
  ContributionList,
  findReturnEvent,
  ProductText,
  ReturnReason,
  soleLeadUnit,
  TaskSummary,
  Timeline,
} from '../components/TaskParts';
import { TaskAmendments } from '../components/TaskAmendments';
import { setFlash } from '../lib/flash';
import { holderLabel, stepKindLabel, unitName } from '../lib/labels';
import { Link, navigate, useLocation } from '../lib/router';
import { useConfig, useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

const REVIEW_KINDS = ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'];

export function temporalLink(base: string | null, namespace: string | undefined, workflowId: string | undefined) {
  if (!base || !workflowId) return null;
  return `${base.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace ?? 'default')}/workflows/${encodeURIComponent(workflowId)}`;
}

/** One task: everything about it, and the action the signed-in user may take now. */
export function TaskPage({ taskId }: { taskId: string }) {
  const { user, hasRole, refreshInboxCount } = useSession();
  const config = useConfig();
  const { search } = useLocation();
  const from = search.get('tu');
  const [notice, setNotice] = useState<NoticeState | null>(null);

  const data = useAsync(async () => {
    const [task, history, inbox] = await Promise.all([Api.task(taskId), Api.history(taskId), Api.inbox()]);
    return { task, history, items: inbox.filter((i) => i.taskId === taskId) };
  }, [taskId]);

  const reload = async () => {
    await data.reload();
    await refreshInboxCount();
  };
  const stale = (message: string) => {
    setNotice({ kind: 'warning', text: message });
    void reload();
  };

  const back =
    from === 'theo-doi'
      ? { to: '/theo-doi', label: 'Theo dõi' }
      : from === 'viec-cua-toi'
        ? { to: '/viec-cua-toi', label: 'Việc của tôi' }
        : { to: '/hop-viec', label: 'Hộp việc' };

  if (!data.data) {
    return (
      <>
        <p className="backlink">
          <Link to={back.to}>← {back.label}</Link>
        </p>
        <PageTitle title="Nhiệm vụ">Nhiệm vụ</PageTitle>
        {data.error ? <ErrorBox message={data.error} onRetry={() => void data.reload()} /> : <Loading />}
      </>
    );
  }

  const { task, history, items } = data.data;
  const review = items.find((i) => REVIEW_KINDS.includes(i.kind));
  const contribution = items.find((i) => i.kind === 'CONTRIBUTION');
  const draftItem = items.find((i) => i.kind === 'DRAFT');
  const assignStep = findAssignStep(task, items, user?.unit?.code ?? null, hasRole('UNIT_HEAD'));
  const hasAction = Boolean(review || assignStep || contribution?.unit || draftItem);
  // The workflow's id and its Temporal UI page are for those who run the plan, not for every reader.
  const canSeeWorkflow = hasRole('COORDINATOR', 'ADMIN');
  const link = canSeeWorkflow
    ? (task.temporalUiUrl ?? temporalLink(config.temporalUiUrl, config.temporalNamespace, task.workflowId))
    : null;

  return (
    <>
      <p className="backlink">
        <Link to={back.to}>← {back.label}</Link>
      </p>
      <PageTitle
        title={`Nhiệm vụ ${task.displayNumber ?? task.number}`}
        actions={
          <button type="button" className="btn btn-small btn-ghost no-print" onClick={() => window.print()}>
            In
          </button>
        }
      >
        <span className="title-number">Nhiệm vụ {task.displayNumber ?? task.number}</span> {task.content}
      </PageTitle>
      {hasAction && (
        <p className="jump-link">
          <a href="#xu-ly">Đến phần xử lý ↓</a>
        </p>
      )}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {data.error && <ErrorBox message={data.error} onRetry={() => void data.reload()} />}

      {task.withdrawn && (
        <div className="alert alert-info" role="note">
          <span className="alert-icon" aria-hidden="true">
            i
          </span>
          <p>
            Nhiệm vụ đã được rút khỏi kế hoạch{task.withdrawn.decision ? ` theo ${task.withdrawn.decision}` : ''}. Quá trình xử lý được giữ nguyên bên dưới.
          </p>
        </div>
      )}

      {task.status === 'RETURNED' && task.lastReturnReason && (
        <div className="alert alert-warning" role="note">
          <span className="alert-icon" aria-hidden="true">
            !
          </span>
          <p>
            <ReturnReason reason={task.lastReturnReason} event={findReturnEvent(history, task.lastReturnReason)} />
          </p>
        </div>
      )}

      <div className="task-layout">
        <div className="task-main">
          <section className="panel" aria-labelledby="thong-tin">
            <h2 id="thong-tin">Thông tin nhiệm vụ</h2>
            <TaskSummary task={task} />
          </section>

          <section className="panel" aria-labelledby="du-thao">
            <h2 id="du-thao">Dự thảo sản phẩm</h2>
            <ProductText task={task} />
          </section>

          <section className="panel" aria-labelledby="dinh-kem">
            <h2 id="dinh-kem">Tệp đính kèm</h2>
            <AttachmentList taskId={task.id} attachments={task.attachments ?? []} />
          </section>

          <TaskAmendments taskId={task.id} />

          <section className="panel" aria-labelledby="y-kien-phoi-hop">
            <h2 id="y-kien-phoi-hop">Ý kiến đơn vị phối hợp</h2>
            <ContributionList contributions={task.contributions ?? []} />
          </section>
        </div>

        <aside className="task-side" aria-label="Xử lý và quá trình">
          <div id="xu-ly" tabIndex={-1} className="anchor-target" />
          {review && (
            <DecisionPanel
              key={review.stepId}
              task={task}
              item={review}
              onStale={stale}
              onDone={(d) => {
                setFlash({
                  kind: 'success',
                  text:
                    d === 'approve'
                      ? `Đã duyệt nhiệm vụ ${task.number}.`
                      : `Đã trả lại nhiệm vụ ${task.number} cho người soạn.`,
                });
                void refreshInboxCount();
                navigate('/hop-viec');
              }}
            />
          )}
          {assignStep && (
            <AssignPanel
              key={assignStep.stepId}
              task={task}
              unit={assignStep.unit}
              stepId={assignStep.stepId}
              reassign={assignStep.reassign}
              onStale={stale}
              onDone={(name) => {
                setNotice({ kind: 'success', text: `Đã phân công ${name || 'chuyên viên'} thực hiện nhiệm vụ.` });
                void reload();
              }}
            />
          )}
          {contribution?.unit && (
            <ContributePanel
              key={contribution.stepId}
              task={task}
              unit={contribution.unit.code}
              onStale={stale}
              onDone={() => {
                setNotice({ kind: 'success', text: 'Đã gửi ý kiến phối hợp.' });
                void reload();
              }}
            />
          )}
          {draftItem && (
            <section className="panel panel-action" aria-labelledby="soan-thao">
              <h2 id="soan-thao">Soạn dự thảo</h2>
              <p>Nhiệm vụ này đang chờ bạn soạn dự thảo.</p>
              <Link className="btn btn-primary" to={`/viec-cua-toi/${encodeURIComponent(task.id)}`}>
                Mở trình soạn thảo
              </Link>
            </section>
          )}
          {(items.some((i) => i.kind === 'SET_SCHEDULE') ||
            (hasRole('COORDINATOR', 'ADMIN') &&
              task.status !== 'COMPLETED' &&
              (task.deadline.kind === 'ON_REQUEST' || task.deadline.kind === 'UNKNOWN'))) && (
            <SchedulePanel
              task={task}
              onDone={(text) => {
                setNotice({ kind: 'success', text });
                void reload();
              }}
            />
          )}

          <section className="panel" aria-labelledby="buoc-dang-mo">
            <h2 id="buoc-dang-mo">Bước đang mở</h2>
            {task.steps?.length ? (
              <ul className="steps">
                {task.steps.map((s) => (
                  <li key={s.stepId}>
                    <strong>{stepKindLabel(s.kind, s.unit)}</strong>
                    {s.unit ? <span className="muted"> · {unitName(s.unit)}</span> : null}
                    <br />
                    <span>{holderLabel(s)}</span> · <DueBadge due={s.dueAt} showDate />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{task.status === 'COMPLETED' ? 'Nhiệm vụ đã hoàn thành.' : 'Không có bước nào đang mở.'}</p>
            )}
          </section>

          <section className="panel" aria-labelledby="qua-trinh">
            <h2 id="qua-trinh">Quá trình xử lý</h2>
            <Timeline events={history} soleUnit={soleLeadUnit(task)} />
            {canSeeWorkflow && (link || task.workflowId) && (
              <p className="temporal-link">
                {link && (
                  <>
                    <a href={link} target="_blank" rel="noopener noreferrer">
                      Xem quy trình trên Temporal UI<span className="visually-hidden"> (mở trong thẻ mới)</span>
                      <span aria-hidden="true"> ↗</span>
                    </a>
                    <br />
                  </>
                )}
                {task.workflowId && (
                  <span className="muted">
                    Mã quy trình: <code>{task.workflowId}</code>
                  </span>
                )}
              </p>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}

/** The ASSIGN step the user can act on: from the inbox, or an open one of their unit if they head the lead unit. */
function findAssignStep(task: TaskDetail, items: InboxItem[], myUnit: string | null, isHead: boolean) {
  const fromInbox = items.find((i) => i.kind === 'ASSIGN' && i.unit);
  if (fromInbox?.unit) return { stepId: fromInbox.stepId, unit: fromInbox.unit.code, reassign: false };
  if (!isHead || !myUnit) return null;
  // The head may also hand a draft in progress to someone else.
  const open = task.steps?.find((s) => (s.kind === 'ASSIGN' || s.kind === 'DRAFT') && s.unit === myUnit);
  return open?.unit ? { stepId: open.stepId, unit: open.unit, reassign: open.kind === 'DRAFT' } : null;
}
