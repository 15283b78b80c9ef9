/**
 * Tổng hợp các xã (Sở Nội vụ): per commune of the viewer's grant, its tasks by status word, overdue count, on-time
 * rate against the original deadlines, and its reports; a commune opens its board, read-only; the table downloads
 * as an Excel workbook. Everything here is read-only.
 */
import { useState } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { Task } from '../api/types';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { statusLabel } from '../lib/labels';
import { Link, navigate, useLocation } from '../lib/router';
import { useAsync } from '../lib/useAsync';
import './city.css';

/** The status words shown as columns (the rest add up to the total). */
const COLUMNS = ['NOT_STARTED', 'IN_PROGRESS_ON_TIME', 'IN_PROGRESS_LATE', 'DONE_ON_TIME', 'DONE_LATE'];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);
const vnDate = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' }) : '');

function useYear(): [number, (y: number) => void] {
  const { pathname, search } = useLocation();
  const year = Number(search.get('nam')) || new Date().getFullYear();
  return [year, (y) => navigate(`${pathname}?nam=${y}`, { replace: true })];
}

export function OverviewPage() {
  const [year, setYear] = useYear();
  const overview = useAsync(() => Api.overview(year), [year]);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const words = overview.data?.statusWords.filter((w) => COLUMNS.includes(w.key)) ?? [];

  const download = () => Api.overviewWorkbook(year).catch((err: unknown) => setNotice({ kind: 'error', text: errorMessage(err) }));

  return (
    <>
      <PageTitle
        title="Tổng hợp các xã, phường"
        actions={
          <button type="button" className="btn" onClick={() => void download()}>
            Tải bảng Excel
          </button>
        }
      >
        Tổng hợp thực hiện Kế hoạch CCHC năm {year}
      </PageTitle>
      <div className="field field-inline">
        <label htmlFor="overview-year">Năm</label>
        <select id="overview-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[year - 1, year, year + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <p className="muted">Tỷ lệ đúng hạn: số nhiệm vụ hoàn thành đúng hạn trên số nhiệm vụ đã hoàn thành hoặc đã quá hạn, tính theo thời hạn ban đầu.</p>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {overview.error && !overview.data && <ErrorBox message={overview.error} onRetry={() => void overview.reload()} />}
      {!overview.data && !overview.error && <Loading />}
      {overview.data &&
        (overview.data.communes.length === 0 ? (
          <Empty>Chưa có xã, phường nào được giao theo dõi.</Empty>
        ) : (
          <div className="table-scroll">
            <table className="city-table overview-table">
              <caption className="visually-hidden">Tình hình thực hiện của từng xã, phường</caption>
              <thead>
                <tr>
                  <th scope="col">Xã/phường</th>
                  <th scope="col">Kế hoạch</th>
                  <th scope="col" className="num">
                    Số nhiệm vụ
                  </th>
                  {words.map((w) => (
                    <th scope="col" key={w.key} className="num">
                      {w.text}
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Tỷ lệ đúng hạn
                  </th>
                  <th scope="col">Báo cáo</th>
                </tr>
              </thead>
              <tbody>
                {overview.data.communes.map((c) => (
                  <tr key={c.code}>
                    <th scope="row" data-label="Xã/phường">
                      <Link to={`/tong-hop/${encodeURIComponent(c.code)}?nam=${year}`}>{c.name}</Link>
                    </th>
                    <td data-label="Kế hoạch">{c.plan?.statusText ?? 'Chưa có kế hoạch'}</td>
                    <td data-label="Số nhiệm vụ" className="num">
                      {c.tasks.total}
                    </td>
                    {words.map((w) => (
                      <td key={w.key} data-label={w.text} className={`num ${w.key === 'IN_PROGRESS_LATE' && c.tasks.overdue ? 'cell-late' : ''}`}>
                        {c.tasks.byWord[w.key] ?? 0}
                      </td>
                    ))}
                    <td data-label="Tỷ lệ đúng hạn" className="num">
                      {percent(c.tasks.onTimeRate)}
                    </td>
                    <td data-label="Báo cáo">
                      {c.reports.length === 0
                        ? 'Chưa có'
                        : c.reports.map((r) => (
                            <span key={r.id} className="report-chip">
                              {r.period}: {r.statusText}
                              {r.submittedAt ? ` (${vnDate(r.submittedAt)})` : ''}
                            </span>
                          ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </>
  );
}

/** One commune's board as Sở Nội vụ sees it: every task, its status word and where it stands; no action. */
export function CommuneBoardPage({ code }: { code: string }) {
  const [year] = useYear();
  const board = useAsync(() => Api.overviewBoard(code, year), [code, year]);
  const name = board.data?.commune.name ?? code;
  return (
    <>
      <PageTitle title={`Theo dõi ${name}`}>
        {name}: Kế hoạch CCHC năm {year}
      </PageTitle>
      <p>
        <Link to={`/tong-hop?nam=${year}`}>← Tổng hợp các xã, phường</Link>
      </p>
      {board.error && !board.data && <ErrorBox message={board.error} onRetry={() => void board.reload()} />}
      {!board.data && !board.error && <Loading />}
      {board.data && !board.data.plan && <Empty>Xã/phường chưa nhập kế hoạch năm {year}.</Empty>}
      {board.data?.plan && (
        <>
          <p className="muted">
            {board.data.plan.title} · {board.data.plan.statusText} · chỉ xem
          </p>
          <div className="table-scroll">
            <table className="city-table board-readonly">
              <thead>
                <tr>
                  <th scope="col">TT</th>
                  <th scope="col">Nội dung</th>
                  <th scope="col">Chủ trì</th>
                  <th scope="col">Thời hạn</th>
                  <th scope="col">Tình trạng</th>
                </tr>
              </thead>
              <tbody>
                {board.data.tasks.map((t) => (
                  <BoardRow key={t.id} task={t} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

function BoardRow({ task }: { task: Task & { statusWord?: { key: string; text: string } } }) {
  return (
    <tr>
      <th scope="row" data-label="TT">
        {task.displayNumber ?? task.number}
      </th>
      <td data-label="Nội dung">{task.content}</td>
      <td data-label="Chủ trì">{task.leadUnit.name}</td>
      <td data-label="Thời hạn">{task.deadline.raw}</td>
      <td data-label="Tình trạng">
        <span className={`word word-${task.statusWord?.key ?? ''}`}>{task.statusWord?.text ?? statusLabel(task.status)}</span>
        {task.status !== 'NOT_STARTED' && task.status !== 'COMPLETED' && <span className="muted"> · {statusLabel(task.status)}</span>}
      </td>
    </tr>
  );
}
