import { Api } from '../api/endpoints';
import type { OverdueItem, UnitRef } from '../api/types';
import { EscalationNote } from '../components/Badges';
import { Empty, ErrorBox, Loading, PageTitle } from '../components/Feedback';
import { formatDate } from '../lib/format';
import { holderLabel, stepKindLabel, unitName } from '../lib/labels';
import { Link, useLocation } from '../lib/router';
import { useAsync } from '../lib/useAsync';

/** `?don-vi=` value of the steps that belong to no unit. */
const NO_UNIT = 'khac';

/**
 * "Quá hạn": every overdue step of the commune (GET /overdue), the count per unit (each a link to that unit's list),
 * and for each step how many working days late it is and how far up the ladder it went. For the CCHC coordinator,
 * the administrator and the commune's leaders.
 */
export function OverduePage() {
  const { search } = useLocation();
  const wanted = search.get('don-vi');
  const data = useAsync(async () => {
    const [report, units] = await Promise.all([Api.overdue(), Api.units().catch(() => [] as UnitRef[])]);
    return { report, units };
  }, []);

  const title = <PageTitle title="Quá hạn">Việc quá hạn</PageTitle>;
  if (!data.data) {
    return (
      <>
        {title}
        {data.error ? <ErrorBox message={data.error} onRetry={() => void data.reload()} /> : <Loading />}
      </>
    );
  }

  const { report, units } = data.data;
  const nameOf = (code: string | null) => (code ? (units.find((u) => u.code === code)?.name ?? unitName(code)) : 'Cấp xã (không thuộc đơn vị)');
  const keyOf = (code: string | null) => code ?? NO_UNIT;
  const items = [...report.items]
    .filter((i) => !wanted || keyOf(i.unit) === wanted)
    .sort((a, b) => b.workingDaysLate - a.workingDaysLate || a.number - b.number);
  const perUnit = [...report.perUnit].sort((a, b) => b.count - a.count);
  const tasks = new Set(report.items.map((i) => i.taskId)).size;

  return (
    <>
      {title}
      <p className="lead">
        Tính đến ngày {formatDate(report.today)}:{' '}
        {report.total ? (
          <strong>
            {report.total} bước việc quá hạn, thuộc {tasks} nhiệm vụ
          </strong>
        ) : (
          'không có việc nào quá hạn'
        )}
        . Số ngày quá hạn tính theo ngày làm việc.
      </p>

      {report.total > 0 && (
        <nav className="unit-counts" aria-label="Số việc quá hạn theo đơn vị">
          <h2 className="visually-hidden">Theo đơn vị</h2>
          <ul>
            <li>
              <Link to="/qua-han" aria-current={!wanted ? 'page' : undefined} className={!wanted ? 'active' : ''}>
                Tất cả đơn vị <span className="unit-count">{report.total}</span>
              </Link>
            </li>
            {perUnit.map((u) => {
              const key = keyOf(u.unit);
              const active = wanted === key;
              return (
                <li key={key}>
                  <Link
                    to={`/qua-han?don-vi=${encodeURIComponent(key)}`}
                    aria-current={active ? 'page' : undefined}
                    className={active ? 'active' : ''}
                  >
                    {nameOf(u.unit)} <span className="unit-count">{u.count}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      {report.total > 0 && (
        <p className="muted" role="status">
          {wanted ? `${nameOf(wanted === NO_UNIT ? null : wanted)}: ` : ''}
          {items.length} bước việc quá hạn, lâu nhất lên trước.
        </p>
      )}
      {report.total === 0 && <Empty>Không có việc nào quá hạn.</Empty>}
      {report.total > 0 && items.length === 0 && <Empty>Đơn vị này không có việc quá hạn.</Empty>}
      {items.length > 0 && (
        <ul className="cards overdue-list" aria-label="Danh sách việc quá hạn">
          {items.map((i) => (
            <OverdueCard key={i.stepId} item={i} unitLabel={nameOf(i.unit)} />
          ))}
        </ul>
      )}
    </>
  );
}

function OverdueCard({ item, unitLabel }: { item: OverdueItem; unitLabel: string }) {
  const unit = item.unit ? { code: item.unit, name: item.unitName ?? unitLabel } : null;
  return (
    <li className="card overdue-item">
      <p className="inbox-meta">
        <span className="kind">{stepKindLabel(item.kind, unit)}</span>
        <span>{unitLabel}</span>
      </p>
      <h2 className="card-title">
        <Link to={`/nhiem-vu/${encodeURIComponent(item.taskId)}?tu=qua-han`}>
          Nhiệm vụ {item.number}: {item.title}
        </Link>
      </h2>
      <p>
        <span className="muted">Đang giữ việc:</span>{' '}
        {holderLabel({ kind: item.kind, unit: item.unit, unitName: unit?.name, assignee: item.assignee, holderRole: item.holderRole })}
      </p>
      <p className="card-foot">
        <span className="due due-overdue">
          <span aria-hidden="true" className="due-icon">
            ■
          </span>
          {item.workingDaysLate > 0 ? `Quá hạn ${item.workingDaysLate} ngày làm việc` : 'Quá hạn'}
          <span className="due-date"> · hạn {formatDate(item.dueAt)}</span>
        </span>
        <EscalationNote level={item.escalationLevel} />
      </p>
    </li>
  );
}
