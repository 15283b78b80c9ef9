import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { INPUT_STATUS_LABELS, ReportsApi, type UnitInputForm } from '../../api/reports';
import { ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../../components/Feedback';
import { formatDate } from '../../lib/format';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/useAsync';

/** A unit's input to the report: its tasks prefilled from the read model, its progress notes, narrative and figures. */
export function UnitInputPage({ reportId, unit }: { reportId: string; unit: string }) {
  const { refreshInboxCount } = useSession();
  const form = useAsync(() => ReportsApi.input(reportId, unit), [reportId, unit]);
  const [content, setContent] = useState<UnitInputForm['content'] | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (form.data) setContent(form.data.content);
  }, [form.data]);

  if (form.error && !form.data) return <ErrorBox message={form.error} onRetry={() => void form.reload()} />;
  if (!form.data || !content) return <Loading />;
  const f = form.data;
  const can = (a: string) => f.allowedActions.includes(a);
  const editable = can('saveInput');

  const run = async (p: () => Promise<unknown>, text: string) => {
    setBusy(true);
    setNotice(null);
    try {
      await p();
      setNotice({ kind: 'success', text });
      await form.reload();
      void refreshInboxCount();
    } catch (e) {
      setNotice({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  const progressOf = (taskId: string) => content.taskProgress.find((p) => p.taskId === taskId) ?? { taskId, progress: '', note: '' };
  const setProgress = (taskId: string, field: 'progress' | 'note', value: string) =>
    setContent((c) => c && { ...c, taskProgress: [...c.taskProgress.filter((p) => p.taskId !== taskId), { ...progressOf(taskId), [field]: value }] });
  const figure = (key: string, value: string) =>
    setContent((c) => c && { ...c, figures: { ...c.figures, [key]: value.trim() === '' ? null : Number(value.replace(',', '.')) } });

  return (
    <>
      <p className="backlink no-print">
        <Link to={`/bao-cao/${encodeURIComponent(reportId)}`}>← Báo cáo {f.periodText}</Link>
      </p>
      <PageTitle title={`Số liệu ${f.unitName}`}>
        Báo cáo {f.periodText} — {f.unitName}
      </PageTitle>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      <section className="panel report-facts">
        <p>
          <span className={`badge ${f.status === 'APPROVED' ? 'badge-success' : f.status === 'UNIT_REVIEW' ? 'badge-review' : 'badge-neutral'}`}>{INPUT_STATUS_LABELS[f.status]}</span>
        </p>
        <dl className="facts">
          <dt>Hạn gửi</dt>
          <dd>{formatDate(f.dueAt)}</dd>
          <dt>Số liệu tính đến</dt>
          <dd>{formatDate(f.asOf)}</dd>
          {f.drafter && (
            <>
              <dt>Người lập</dt>
              <dd>{f.drafter.fullName}</dd>
            </>
          )}
          {f.approvedBy && (
            <>
              <dt>Người duyệt</dt>
              <dd>{f.approvedBy.fullName}</dd>
            </>
          )}
        </dl>
        {f.returnReason && f.status === 'WAITING' && <p className="return-reason">Lý do trả lại: {f.returnReason}</p>}
      </section>

      <section className="panel" aria-labelledby="nhiem-vu-don-vi">
        <h2 id="nhiem-vu-don-vi">Nhiệm vụ đơn vị chủ trì ({f.tasks.length})</h2>
        <ol className="input-tasks">
          {f.tasks.map((t) => {
            const p = progressOf(t.taskId);
            return (
              <li key={t.taskId} className="card">
                <p className="inbox-meta">
                  <span>Nhóm {t.groupCode}</span>
                  <span>{t.deadlineRaw}</span>
                  {t.originalDueAt && <span>Hạn ban đầu {formatDate(t.originalDueAt)}</span>}
                </p>
                <h3 className="card-title">
                  <Link to={`/nhiem-vu/${encodeURIComponent(t.taskId)}`}>Nhiệm vụ {t.number}</Link>: {t.content}
                </h3>
                <p>
                  <span className={`badge ${t.statusWord.key.endsWith('LATE') ? 'badge-danger' : t.statusWord.key.startsWith('DONE') ? 'badge-success' : 'badge-neutral'}`}>{t.statusWord.text}</span>
                  {t.completedOn && <span className="muted"> — hoàn thành {formatDate(t.completedOn)}</span>}
                </p>
                {t.product && <p className="muted">Sản phẩm: {t.product}</p>}
                {t.lastProgress && <p className="muted">Dự thảo gần nhất: {t.lastProgress}</p>}
                <div className="field">
                  <label htmlFor={`tien-do-${t.taskId}`}>Kết quả thực hiện trong kỳ</label>
                  <textarea id={`tien-do-${t.taskId}`} rows={2} readOnly={!editable} value={p.progress} onChange={(e) => setProgress(t.taskId, 'progress', e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`ghi-chu-${t.taskId}`}>Khó khăn, ghi chú</label>
                  <textarea id={`ghi-chu-${t.taskId}`} rows={1} readOnly={!editable} value={p.note} onChange={(e) => setProgress(t.taskId, 'note', e.target.value)} />
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      {f.figures.length > 0 && (
        <section className="panel" aria-labelledby="so-lieu">
          <h2 id="so-lieu">Số liệu đơn vị phụ trách</h2>
          <div className="figures-grid">
            {f.figures.map((fig) => (
              <div className="field" key={fig.key}>
                <label htmlFor={`so-lieu-${fig.key}`}>
                  {fig.label}
                  {fig.counted ? ` (${fig.counted})` : ''}
                </label>
                <input
                  id={`so-lieu-${fig.key}`}
                  inputMode="decimal"
                  readOnly={!editable}
                  value={content.figures[fig.key] ?? ''}
                  onChange={(e) => figure(fig.key, e.target.value)}
                />
              </div>
            ))}
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="danh-gia">
        <h2 id="danh-gia">Đánh giá chung của đơn vị</h2>
        <label className="visually-hidden" htmlFor="tom-tat">
          Đánh giá chung của đơn vị
        </label>
        <textarea id="tom-tat" rows={5} readOnly={!editable} value={content.narrative} onChange={(e) => setContent({ ...content, narrative: e.target.value })} />
      </section>

      {(editable || can('approve')) && (
        <section className="panel panel-action" id="xu-ly" aria-label="Xử lý">
          {editable && (
            <div className="button-row">
              <button type="button" className="btn" disabled={busy} onClick={() => void run(() => ReportsApi.saveInput(reportId, unit, content), 'Đã lưu số liệu của đơn vị.')}>
                Lưu
              </button>
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void run(async () => {
                  await ReportsApi.saveInput(reportId, unit, content);
                  await ReportsApi.submitInput(reportId, unit);
                }, 'Đã trình lãnh đạo đơn vị duyệt.')}
              >
                Lưu và trình lãnh đạo đơn vị
              </button>
            </div>
          )}
          {can('approve') && (
            <>
              <div className="field">
                <label htmlFor="y-kien-don-vi">Ý kiến (bắt buộc khi trả lại)</label>
                <textarea id="y-kien-don-vi" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
              </div>
              <div className="button-row">
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void run(() => ReportsApi.decideInput(reportId, unit, 'approve', comment), 'Đã duyệt số liệu của đơn vị.')}>
                  Duyệt số liệu đơn vị
                </button>
                <button type="button" className="btn btn-danger" disabled={busy} onClick={() => void run(() => ReportsApi.decideInput(reportId, unit, 'return', comment), 'Đã trả lại cho người lập.')}>
                  Trả lại
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
