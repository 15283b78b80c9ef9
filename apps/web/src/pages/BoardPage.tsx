import { useEffect, useMemo, useState } from 'react';
import { Api } from '../api/endpoints';
import { errorMessage } from '../api/client';
import type { Plan, Task, TaskStatus, UnitCode } from '../api/types';
import { StatusBadge, StatusWordBadge } from '../components/Badges';
import { ReportsApi } from '../api/reports';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { ActivatePlan, PlanImport } from '../components/PlanAdmin';
import { ProgressChart, type ChartRow } from '../components/ProgressChart';
import { SelectField } from '../components/SelectField';
import { TaskAmendDialog } from '../components/TaskAmendDialog';
import { DeadlineText, HolderLine, soleLeadUnit } from '../components/TaskParts';
import { foldForSearch } from '../lib/search';
import {
  GROUP_CODES,
  GROUP_OPTIONS,
  STATUS_LABELS,
  STATUS_ORDER,
  STATUS_WORD_LABELS,
  STATUS_WORD_ORDER,
  UNIT_CODES,
  UNIT_SHORT,
  unitName,
} from '../lib/labels';
import { Link, navigate, useLocation } from '../lib/router';
import { SetAsideChanges } from '../components/SetAsideChanges';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

const STATUS_OPTIONS = STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
/** Tiến độ: the tracker's status words, as the API computes them for each task. */
const TIMELINESS_OPTIONS = STATUS_WORD_ORDER.map((w) => ({ value: w, label: STATUS_WORD_LABELS[w] }));

function pickPlan(plans: Plan[], wanted: string | null): Plan | undefined {
  return (
    plans.find((p) => p.id === wanted) ??
    [...plans].sort((a, b) => Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE') || b.year - a.year)[0]
  );
}

/** The coordinator's board: every task of the plan, by group, with progress charts. */
export function BoardPage() {
  const { hasRole } = useSession();
  const canAdmin = hasRole('COORDINATOR', 'ADMIN');
  const { search } = useLocation();
  const wantedPlan = search.get('ke-hoach');
  const plans = useAsync(() => Api.plans(), []);
  // The commune's own units (units are data); the built-in list until they arrive.
  const directory = useAsync(() => Api.units(), []);
  const units = useMemo(
    () => directory.data?.filter((u) => u.kind === 'INTERNAL') ?? UNIT_CODES.map((code) => ({ code, name: unitName(code) })),
    [directory.data],
  );
  const plan = plans.data ? pickPlan(plans.data, wantedPlan) : undefined;
  const tasks = useAsync(async () => (plan ? Api.planTasks(plan.id) : []), [plan?.id]);

  const [group, setGroup] = useState('');
  const [unit, setUnit] = useState('');
  const [status, setStatus] = useState('');
  const [timeliness, setTimeliness] = useState('');
  const [text, setText] = useState('');

  // Refresh when the tab comes back into view: the board is often left open.
  useEffect(() => {
    const reload = tasks.reload;
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [tasks.reload]);

  const all = useMemo(() => tasks.data ?? [], [tasks.data]);
  const visible = useMemo(() => {
    const needle = foldForSearch(text);
    return all.filter((t) => {
      if (group && t.group.code !== group) return false;
      if (unit && !leadCodes(t).includes(unit)) return false;
      if (status && t.status !== status) return false;
      if (timeliness && t.statusWord?.key !== timeliness) return false;
      if (needle && !foldForSearch(`${t.displayNumber ?? t.number} ${t.content} ${t.product}`).includes(needle)) return false;
      return true;
    });
  }, [all, group, unit, status, timeliness, text]);

  const groups = useMemo(() => {
    const map = new Map<string, { code: string; title: string; tasks: Task[] }>();
    for (const t of visible) {
      const g = map.get(t.group.code) ?? { code: t.group.code, title: t.group.title, tasks: [] };
      g.tasks.push(t);
      map.set(t.group.code, g);
    }
    return [...map.values()].sort((a, b) => GROUP_CODES.indexOf(a.code) - GROUP_CODES.indexOf(b.code));
  }, [visible]);

  // Progress counts the plan as amended: a withdrawn task stays on the board but is neither done nor late.
  const inPlan = useMemo(() => all.filter((t) => !t.withdrawn), [all]);
  const groupRows: ChartRow[] = useMemo(() => {
    const codes = [...new Set(inPlan.map((t) => t.group.code))].sort((a, b) => GROUP_CODES.indexOf(a) - GROUP_CODES.indexOf(b));
    return codes.map((c) => ({ key: c, label: `Nhóm ${c}`, tasks: inPlan.filter((t) => t.group.code === c) }));
  }, [inPlan]);
  const unitRows: ChartRow[] = useMemo(
    () =>
      units
        .map((u) => ({ key: u.code, label: UNIT_SHORT[u.code] ?? u.name, tasks: inPlan.filter((t) => leadCodes(t).includes(u.code)) }))
        .filter((r) => r.tasks.length > 0),
    [inPlan, units],
  );
  const completed = inPlan.filter((t) => t.status === 'COMPLETED').length;
  const overdue = inPlan.filter((t) => t.statusWord?.key === 'IN_PROGRESS_LATE').length;
  const filtersOn = Boolean(group || unit || status || timeliness || text);

  // Before a plan is running, importing it is the coordinator's next step: show the form first.
  const importPanel =
    canAdmin && plans.data ? (
      <PlanImport
        onImported={(r) => {
          void plans.reload().then(() => {
            navigate(`/theo-doi?ke-hoach=${encodeURIComponent(r.planId)}`, { replace: true });
            void tasks.reload();
          });
        }}
        onAmended={() => void plans.reload().then(() => tasks.reload())}
      />
    ) : null;
  const importAtEnd = plan?.status === 'ACTIVE';
  // A task of the plan in progress is edited (or withdrawn) under a decision, like a revised plan.
  const amendable = canAdmin && plan?.status === 'ACTIVE';
  const [amending, setAmending] = useState<Task | null>(null);
  const [amended, setAmended] = useState<NoticeState | null>(null);

  return (
    <>
      <PageTitle
        title="Theo dõi kế hoạch"
        actions={
          plan?.status === 'ACTIVE' ? (
            <>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void ReportsApi.downloadBoard(plan.id).catch((e) => setAmended({ kind: 'error', text: errorMessage(e) }))}
              >
                Xuất Excel
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => window.print()}>
                In
              </button>
            </>
          ) : undefined
        }
      >
        Theo dõi kế hoạch
      </PageTitle>
      <Notice notice={amended} onDismiss={() => setAmended(null)} />
      {canAdmin && <SetAsideChanges />}

      {plans.error && !plans.data && <ErrorBox message={plans.error} onRetry={() => void plans.reload()} />}
      {plans.loading && !plans.data && <Loading />}

      {plans.data && (
        <section className="plan-bar" aria-label="Kế hoạch">
          {plans.data.length > 1 ? (
            <div className="field">
              <label htmlFor="plan-select">Kế hoạch</label>
              <select
                id="plan-select"
                value={plan?.id ?? ''}
                onChange={(e) => navigate(`/theo-doi?ke-hoach=${encodeURIComponent(e.target.value)}`, { replace: true })}
              >
                {plans.data.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title} ({p.year})
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {plan ? (
            <div className="plan-info">
              <p className="plan-title">{plan.title}</p>
              <p className="muted">
                Năm {plan.year} · {plan.taskCount} nhiệm vụ ·{' '}
                <span className={`badge ${plan.status === 'ACTIVE' ? 'badge-success' : 'badge-neutral'}`}>
                  {plan.status === 'ACTIVE' ? 'Đang thực hiện' : 'Chưa kích hoạt'}
                </span>
              </p>
              {all.length > 0 && (
                <p className="plan-stats">
                  Hoàn thành {completed}/{inPlan.length} · Quá hạn {overdue}
                </p>
              )}
            </div>
          ) : (
            <Empty>Chưa có kế hoạch nào. {canAdmin ? 'Hãy nhập tệp kế hoạch bên dưới.' : ''}</Empty>
          )}
          {plan && canAdmin && <ActivatePlan plan={plan} onActivated={() => void plans.reload().then(() => tasks.reload())} />}
        </section>
      )}

      {!importAtEnd && importPanel}

      {all.length > 0 && (
        <div className="charts">
          <ProgressChart id="chart-group" title="Tiến độ theo nhóm nhiệm vụ" rows={groupRows} />
          <ProgressChart id="chart-unit" title="Tiến độ theo đơn vị chủ trì" rows={unitRows} />
        </div>
      )}

      {plan && (
        <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Lọc nhiệm vụ">
          <SelectField id="b-group" label="Nhóm" value={group} onChange={setGroup} allLabel="Tất cả nhóm" options={GROUP_OPTIONS} />
          <SelectField
            id="b-unit"
            label="Đơn vị chủ trì"
            value={unit}
            onChange={setUnit}
            allLabel="Tất cả đơn vị"
            options={units.map((u) => ({ value: u.code, label: u.name }))}
          />
          <SelectField
            id="b-status"
            label="Trạng thái"
            value={status}
            onChange={setStatus}
            allLabel="Tất cả trạng thái"
            options={STATUS_OPTIONS}
          />
          <SelectField
            id="b-time"
            label="Tiến độ"
            value={timeliness}
            onChange={setTimeliness}
            allLabel="Tất cả"
            options={TIMELINESS_OPTIONS}
          />
          <div className="field">
            <label htmlFor="b-text">Tìm kiếm</label>
            <input id="b-text" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Số TT, nội dung…" />
          </div>
          {filtersOn && (
            <button
              type="button"
              className="btn btn-small btn-ghost filters-reset"
              onClick={() => {
                setGroup('');
                setUnit('');
                setStatus('');
                setTimeliness('');
                setText('');
              }}
            >
              Xóa bộ lọc
            </button>
          )}
        </form>
      )}

      {plan && tasks.error && <ErrorBox message={tasks.error} onRetry={() => void tasks.reload()} />}
      {plan && tasks.loading && !tasks.data && <Loading label="Đang tải nhiệm vụ…" />}
      {plan && tasks.data && (
        <p className="muted" role="status" aria-live="polite">
          Đang hiển thị {visible.length}/{all.length} nhiệm vụ.
        </p>
      )}
      {plan && tasks.data && visible.length === 0 && all.length > 0 && <Empty>Không có nhiệm vụ nào khớp bộ lọc.</Empty>}

      {groups.map((g) => (
        <section key={g.code} className="board-group" aria-labelledby={`nhom-${g.code}`}>
          <h2 id={`nhom-${g.code}`}>
            {g.code}. {g.title}
          </h2>
          <table className="board">
            <thead>
              <tr>
                <th scope="col">TT</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Chủ trì</th>
                <th scope="col">Thời hạn</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Đang xử lý</th>
                <th scope="col">Tiến độ</th>
              </tr>
            </thead>
            <tbody>
              {g.tasks.map((t) => (
                <BoardRow key={t.id} task={t} onAmend={amendable ? setAmending : undefined} />
              ))}
            </tbody>
          </table>
        </section>
      ))}

      {importAtEnd && importPanel}
      {amending && (
        <TaskAmendDialog
          task={amending}
          onClose={() => setAmending(null)}
          onDone={(result) => {
            setAmending(null);
            setAmended({ kind: 'success', text: `Đã điều chỉnh nhiệm vụ ${amending.displayNumber ?? amending.number} theo ${result.decision}.` });
            void tasks.reload();
          }}
        />
      )}
    </>
  );
}

/** Codes of the lead unit(s); a task led by all units lists each. */
function leadCodes(t: Task): string[] {
  if (t.leadUnits?.length) return t.leadUnits.filter(Boolean).map((u) => u.code);
  return t.leadUnit ? t.leadUnit.code.split(',') : [];
}

function BoardRow({ task, onAmend }: { task: Task; onAmend?: (task: Task) => void }) {
  const done = task.status === 'COMPLETED' || task.status === 'WITHDRAWN';
  const number = task.displayNumber ?? String(task.number);
  return (
    <tr data-task-number={number}>
      <td data-label="TT">{number}</td>
      <td data-label="Nội dung">
        <div>
          <Link to={`/nhiem-vu/${encodeURIComponent(task.id)}?tu=theo-doi`}>{task.content}</Link>
          {onAmend && !task.withdrawn && (
            <button type="button" className="link-button board-amend" onClick={() => onAmend(task)}>
              Điều chỉnh<span className="visually-hidden"> nhiệm vụ {number}</span>
            </button>
          )}
        </div>
      </td>
      <td data-label="Chủ trì">{leadCodes(task).map((c) => UNIT_SHORT[c as UnitCode] ?? c).join(', ') || '—'}</td>
      <td data-label="Thời hạn">
        <DeadlineText task={task} />
      </td>
      <td data-label="Trạng thái">
        <StatusBadge status={task.status as TaskStatus} unit={soleLeadUnit(task)} />
        {task.withdrawn && task.status !== 'WITHDRAWN' && <span className="badge badge-neutral">Đã rút khỏi kế hoạch</span>}
        {task.cycle && task.cycle > 1 ? <span className="cycle"> Kỳ {task.cycle}</span> : null}
      </td>
      <td data-label="Đang xử lý">{done || task.withdrawn || !task.currentStep ? '—' : <HolderLine step={task.currentStep} showDate={false} />}</td>
      <td data-label="Tiến độ">{task.withdrawn ? '—' : <StatusWordBadge word={task.statusWord} />}</td>
    </tr>
  );
}
