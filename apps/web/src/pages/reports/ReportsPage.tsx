import { useState } from 'react';
import { Api } from '../../api/endpoints';
import { errorMessage } from '../../api/client';
import { REPORT_STATUS_LABELS, ReportsApi, type ReportSummary } from '../../api/reports';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../../components/Feedback';
import { formatDate } from '../../lib/format';
import { Link, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/useAsync';
import { ReportSettingsPanel } from './ReportSettingsPanel';

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** Báo cáo: the plan's reporting periods, each with its state and due dates; the coordinator opens one by hand. */
export function ReportsPage() {
  const { hasRole } = useSession();
  const plans = useAsync(() => Api.plans(), []);
  const plan = plans.data?.find((p) => p.status === 'ACTIVE') ?? plans.data?.[0];
  const reports = useAsync(() => (plan ? ReportsApi.list(plan.id) : Promise.resolve([] as ReportSummary[])), [plan?.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const canOpen = hasRole('COORDINATOR', 'ADMIN');

  const open = async (r: ReportSummary) => {
    setBusy(r.period);
    setNotice(null);
    try {
      const opened = await ReportsApi.open(r.planId, r.period);
      navigate(`/bao-cao/${encodeURIComponent(opened.id)}`);
    } catch (e) {
      setNotice({ kind: 'error', text: errorMessage(e) });
      setBusy(null);
    }
  };

  return (
    <>
      <PageTitle title="Báo cáo">Báo cáo cải cách hành chính</PageTitle>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {(plans.error || reports.error) && <ErrorBox message={(plans.error || reports.error)!} onRetry={() => void reports.reload()} />}
      {(plans.loading || reports.loading) && !reports.data && <Loading />}
      {plans.data && !plan && <Empty>Chưa có kế hoạch nào: nhập và kích hoạt kế hoạch tại trang Theo dõi.</Empty>}
      {plan && reports.data && (
        <>
          <p className="lead-text">
            Các kỳ báo cáo của {plan.title}. Đơn vị gửi số liệu trước hạn của đơn vị; xã gửi báo cáo tới Sở Nội vụ trước hạn gửi Sở.
          </p>
          <table className="report-periods">
            <thead>
              <tr>
                <th scope="col">Kỳ báo cáo</th>
                <th scope="col">Trạng thái</th>
                <th scope="col">Đơn vị gửi trước</th>
                <th scope="col">Gửi Sở Nội vụ trước</th>
                <th scope="col">Số liệu đơn vị</th>
                <th scope="col">
                  <span className="visually-hidden">Thao tác</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map((r) => {
                const approved = r.unitInputs.filter((u) => u.status === 'APPROVED').length;
                return (
                  <tr key={r.id} className={`report-row status-${r.status.toLowerCase()}`}>
                    <th scope="row" data-label="Kỳ báo cáo">
                      {r.status === 'SCHEDULED' ? upperFirst(r.periodText) : <Link to={`/bao-cao/${encodeURIComponent(r.id)}`}>{upperFirst(r.periodText)}</Link>}
                    </th>
                    <td data-label="Trạng thái">
                      <span className={`badge report-status report-status-${r.status.toLowerCase()}`}>{REPORT_STATUS_LABELS[r.status]}</span>
                      {r.dueState === 'OVERDUE' && <span className="badge badge-danger">Quá hạn</span>}
                    </td>
                    <td data-label="Đơn vị gửi trước">{formatDate(r.inputDueAt)}</td>
                    <td data-label="Gửi Sở Nội vụ trước">{formatDate(r.dueAt)}</td>
                    <td data-label="Số liệu đơn vị">
                      {r.unitInputs.length ? `${approved}/${r.unitInputs.length} đơn vị đã duyệt` : '—'}
                      {r.submission && <div className="muted">Đã gửi {formatDate(r.submission.at)}</div>}
                    </td>
                    <td>
                      {r.status === 'SCHEDULED' ? (
                        canOpen ? (
                          <button type="button" className="btn btn-small" disabled={busy !== null} onClick={() => void open(r)}>
                            {busy === r.period ? 'Đang mở…' : 'Mở báo cáo ngay'}
                          </button>
                        ) : (
                          <span className="muted">Mở tự động {r.opensAt ? `ngày ${formatDate(r.opensAt)}` : ''}</span>
                        )
                      ) : (
                        <Link className="btn btn-small" to={`/bao-cao/${encodeURIComponent(r.id)}`}>
                          Xem báo cáo
                        </Link>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      {canOpen && <ReportSettingsPanel onSaved={() => void reports.reload()} />}
    </>
  );
}
