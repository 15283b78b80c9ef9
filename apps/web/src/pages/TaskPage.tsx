import { useState } from 'react';
import { Api } from '../api/endpoints';
import type { Extension, HistoryEvent, TaskDetail, TaskUpdate, UnitCode } from '../api/types';
import {
  AssignPanel,
  ContributePanel,
  DecisionPanel,
  ExtensionDecisionPanel,
  ExtensionFacts,
  ExtensionRequestPanel,
  LeadUnitPanel,
  ReassignPanel,
  SchedulePanel,
} from '../components/ActionPanels';
import { ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import {
  AttachmentList,
  ContributionList,
  findReturnEvent,
  HolderLine,
  ProductText,
  ReturnReason,
  soleLeadUnit,
  TaskSummary,
  Timeline,
} from '../components/TaskParts';
import { TaskAmendments } from '../components/TaskAmendments';
import { setFlash } from '../lib/flash';
import { formatDate } from '../lib/format';
import { personName, stepKindLabel } from '../lib/labels';
import { Link, navigate, useLocation } from '../lib/router';
import { useConfig, useSession } from '../lib/session';
import { can, mergeUpdate, stepFor } from '../lib/taskActions';
import { useAsync } from '../lib/useAsync';

export function temporalLink(base: string | null, namespace: string | undefined, workflowId: string | undefined) {
  if (!base || !workflowId) return null;
  return `${base.replace(/\/$/, '')}/namespaces/${encodeURIComponent(namespace ?? 'default')}/workflows/${encodeURIComponent(workflowId)}`;
}

const BACK: Record<string, { to: string; label: string }> = {
  'theo-doi': { to: '/theo-doi', label: 'Theo dõi' },
  'viec-cua-toi': { to: '/viec-cua-toi', label: 'Việc của tôi' },
  'qua-han': { to: '/qua-han', label: 'Quá hạn' },
  'da-xu-ly': { to: '/da-xu-ly', label: 'Đã trình / Đã xử lý' },
};

/**
 * One task: everything about it, and what the signed-in user may do now. Each panel appears only when the server
 * lists its action (`allowedActions`); after an action the page shows the task it answered with and reads the trail
 * again, nothing else.
 */
export function TaskPage({ taskId }: { taskId: string }) {
  const { user, hasRole, refreshInboxCount } = useSession();
  const config = useConfig();
  const { search } = useLocation();
  const [notice, setNotice] = useState<NoticeState | null>(null);

  const data = useAsync(async () => {
    const [task, history, inbox] = await Promise.all([Api.task(taskId), Api.history(taskId), Api.inbox()]);
    return { task, history, items: inbox.filter((i) => i.taskId === taskId) };
  }, [taskId]);
  /** The task as the last action answered it, over what was loaded (`base`: the load it applies to). */
  const [local, setLocal] = useState<{ base: unknown; task: TaskDetail; history: HistoryEvent[] } | null>(null);
  const fresh = local && local.base === data.data ? local : null;

  const back = BACK[search.get('tu') ?? ''] ?? { to: '/hop-viec', label: 'Hộp việc' };

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

  const base = data.data;
  const task = fresh?.task ?? base.task;
  const history = fresh?.history ?? base.history;
  const items = base.items;

  /** The answer of an action becomes the page's task; the trail is read again (and the menu's count). */
  const applyUpdate = (updated: TaskUpdate, text: string, contributed?: { unit: UnitCode; content: string }) => {
    const merged = mergeUpdate(task, updated, contributed);
    setLocal({ base, task: merged, history });
    setNotice({ kind: 'success', text });
    void refreshInboxCount();
    Api.history(taskId)
      .then((h) => setLocal((prev) => (prev && prev.base === base ? { ...prev, history: h } : prev)))
      .catch(() => undefined); // the trail stays as it was; the next visit reads it
  };
  const stale = (message: string) => {
    setNotice({ kind: 'warning', text: message });
    setLocal(null);
    void data.reload();
    void refreshInboxCount();
  };

  const mine = items.map((i) => i.stepId);
  const myUnit = user?.unit?.code ?? null;
  const review = stepFor(task, 'approve', { mine }) ?? stepFor(task, 'return', { mine });
  const assignStep = stepFor(task, 'assign', { mine, unit: myUnit });
  const reassignStep = stepFor(task, 'reassign', { unit: myUnit });
  const contributeStep = stepFor(task, 'contribute', { mine, unit: myUnit });
  const extensionStep = stepFor(task, 'requestExtension', { mine, unit: myUnit });
  const pending = (task.extensions ?? []).find((e) => e.status === 'PENDING') ?? null;
  const decideExtension = can(task, 'decideExtension') && pending;
  const behalfOf = (stepId: string | undefined) => personName(items.find((i) => i.stepId === stepId)?.onBehalfOf);
  const extensionDecisionStep = stepFor(task, 'decideExtension', { mine });

  const panels = [
    decideExtension && (
      <ExtensionDecisionPanel
        key={`ext-${pending.extensionId}`}
        task={task}
        extension={pending}
        behalf={behalfOf(extensionDecisionStep?.stepId)}
        onStale={stale}
        onDone={(updated, d) =>
          applyUpdate(
            updated,
            d === 'approve'
              ? `Đã đồng ý gia hạn nhiệm vụ ${task.number} đến ${formatDate(pending.newDueAt)}.`
              : `Đã không đồng ý gia hạn nhiệm vụ ${task.number}.`,
          )
        }
      />
    ),
    review && (
      <DecisionPanel
        key={review.stepId}
        task={task}
        step={review}
        behalf={behalfOf(review.stepId)}
        canApprove={can(task, 'approve')}
        canReturn={can(task, 'return')}
        onStale={stale}
        onDone={(d) => {
          setFlash({
            kind: 'success',
            text: d === 'approve' ? `Đã duyệt nhiệm vụ ${task.number}.` : `Đã trả lại nhiệm vụ ${task.number} cho người soạn.`,
          });
          void refreshInboxCount();
          navigate('/hop-viec');
        }}
      />
    ),
    assignStep && (
      <AssignPanel
        key={assignStep.stepId}
        task={task}
        step={assignStep}
        onStale={stale}
        onDone={(updated, name) => applyUpdate(updated, `Đã phân công ${name || 'chuyên viên'} thực hiện nhiệm vụ.`)}
      />
    ),
    reassignStep && (
      <ReassignPanel
        key={reassignStep.stepId}
        task={task}
        step={reassignStep}
        onStale={stale}
        onDone={(updated, from, to) =>
          applyUpdate(updated, `Đã giao lại nhiệm vụ ${task.number}${from ? ` từ ${from}` : ''} cho ${to}.`)
        }
      />
    ),
    contributeStep?.unit && (
      <ContributePanel
        key={contributeStep.stepId}
        task={task}
        step={contributeStep}
        onStale={stale}
        onDone={(updated, content) =>
          applyUpdate(updated, 'Đã gửi ý kiến phối hợp.', { unit: contributeStep.unit as UnitCode, content })
        }
      />
    ),
    can(task, 'saveDraft') && (
      <section key="soan" className="panel panel-action" aria-labelledby="soan-thao">
        <h2 id="soan-thao">Soạn dự thảo</h2>
        <p>Nhiệm vụ này đang chờ bạn soạn dự thảo.</p>
        <Link className="btn btn-primary" to={`/viec-cua-toi/${encodeURIComponent(task.id)}`}>
          Mở trình soạn thảo
        </Link>
      </section>
    ),
    can(task, 'setLeadUnit') && (
      <LeadUnitPanel key="chu-tri" task={task} onStale={stale} onDone={(text, updated) => applyUpdate(updated, text)} />
    ),
    can(task, 'setSchedule') && (
      <SchedulePanel key="thoi-han" task={task} onDone={(text, updated) => applyUpdate(updated, text)} />
    ),
    extensionStep && (
      <ExtensionRequestPanel
        key={`xin-${extensionStep.stepId}`}
        task={task}
        step={extensionStep}
        onStale={stale}
        onDone={(updated, date) =>
          applyUpdate(updated, `Đã gửi đề nghị gia hạn đến ${formatDate(date)}. Thời hạn hiện tại giữ nguyên cho đến khi có quyết định.`)
        }
      />
    ),
  ].filter(Boolean);

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
      {panels.length > 0 && (
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

          {(task.extensions?.length ?? 0) > 0 && (
            <section className="panel" aria-labelledby="gia-han">
              <h2 id="gia-han">Đề nghị gia hạn</h2>
              <ExtensionList extensions={task.extensions ?? []} />
            </section>
          )}

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
          {panels}

          <section className="panel" aria-labelledby="buoc-dang-mo">
            <h2 id="buoc-dang-mo">Bước đang mở</h2>
            {task.steps?.length ? (
              <ul className="steps">
                {task.steps.map((s) => (
                  <li key={s.stepId}>
                    <strong>{stepKindLabel(s.kind, s.unit ? { code: s.unit, name: s.unitName } : null)}</strong>
                    {s.unitName ? <span className="muted"> · {s.unitName}</span> : null}
                    <br />
                    <HolderLine step={s} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">
                {task.status === 'COMPLETED'
                  ? 'Nhiệm vụ đã hoàn thành.'
                  : task.status === 'WITHDRAWN'
                    ? 'Nhiệm vụ đã được rút khỏi kế hoạch.'
                    : 'Không có bước nào đang mở.'}
              </p>
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

const EXTENSION_STATUS: Record<Extension['status'], { label: string; tone: string }> = {
  PENDING: { label: 'Đang chờ quyết định', tone: 'review' },
  APPROVED: { label: 'Đã đồng ý', tone: 'success' },
  REJECTED: { label: 'Không đồng ý', tone: 'danger' },
};

/** Every request for a new date of this cycle, newest first, with its outcome. */
function ExtensionList({ extensions }: { extensions: Extension[] }) {
  return (
    <ul className="extensions">
      {[...extensions].reverse().map((e) => (
        <li key={e.extensionId}>
          <p>
            <span className={`badge badge-${EXTENSION_STATUS[e.status].tone}`}>{EXTENSION_STATUS[e.status].label}</span>
            {e.decidedBy ? <span className="muted"> · {e.decidedBy.fullName}</span> : null}
          </p>
          <ExtensionFacts extension={e} />
        </li>
      ))}
    </ul>
  );
}
