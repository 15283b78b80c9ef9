import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { INPUT_STATUS_LABELS, REPORT_STATUS_LABELS, ReportsApi, type DraftSection, type ReportDetail } from '../../api/reports';
import { ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../../components/Feedback';
import { formatDate, formatDateTime } from '../../lib/format';
import { STEP_KIND_LABELS } from '../../lib/labels';
import { Link } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useAsync } from '../../lib/useAsync';
import { ReportPreview } from './ReportPreview';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

const TRAIL: Record<string, string> = {
  REPORT_OPENED: 'Mở báo cáo, đề nghị các đơn vị gửi số liệu',
  INPUT_SAVED: 'Lưu số liệu của đơn vị',
  INPUT_SUBMITTED: 'Trình số liệu của đơn vị',
  REVIEW_BY_SUBMISSION: 'Duyệt khi trình (lãnh đạo tự trình)',
  APPROVED: 'Duyệt',
  RETURNED: 'Trả lại',
  REPORT_DRAFT_SAVED: 'Lưu dự thảo báo cáo',
  REPORT_SUBMITTED: 'Trình dự thảo báo cáo',
  REPORT_SENT: 'Gửi Sở Nội vụ',
  REPORT_REOPENED: 'Mở lại theo ý kiến Sở Nội vụ',
  REMINDER: 'Nhắc hạn',
  OVERDUE: 'Quá hạn',
  ESCALATED: 'Báo cáo lên cấp trên do quá hạn',
};

/** One report: where it stands, the caller's action, both files and their preview, the units' inputs and the content. */
export function ReportPage({ reportId }: { reportId: string }) {
  const { refreshInboxCount } = useSession();
  const report = useAsync(() => ReportsApi.get(reportId), [reportId]);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [preview, setPreview] = useState(false);

  const done = async (p: Promise<ReportDetail>, text: string) => {
    setNotice(null);
    try {
      await p;
      setNotice({ kind: 'success', text });
      await report.reload();
      void refreshInboxCount();
    } catch (e) {
      setNotice({ kind: 'error', text: errorMessage(e) });
      await report.reload();
    }
  };

  if (report.error && !report.data) return <ErrorBox message={report.error} onRetry={() => void report.reload()} />;
  if (!report.data) return <Loading />;
  const r = report.data;
  const can = (a: string) => r.allowedActions.includes(a);
  const approvedInputs = r.unitInputs.filter((u) => u.status === 'APPROVED').length;

  return (
    <>
      <p className="backlink no-print">
        <Link to="/bao-cao">← Báo cáo</Link>
      </p>
      <PageTitle title={`Báo cáo ${r.periodText}`}>Báo cáo kết quả CCHC {r.periodText}</PageTitle>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      <section className="panel report-facts" aria-label="Tình trạng báo cáo">
        <p>
          <span className={`badge report-status report-status-${r.status.toLowerCase()}`}>{REPORT_STATUS_LABELS[r.status]}</span>
          {r.dueState === 'OVERDUE' && <span className="badge badge-danger">Quá hạn</span>}
        </p>
        <dl className="facts">
          <dt>Đơn vị gửi số liệu trước</dt>
          <dd>{formatDate(r.inputDueAt)}</dd>
          <dt>Gửi Sở Nội vụ trước</dt>
          <dd>{formatDate(r.dueAt)}</dd>
          <dt>Số liệu tính đến</dt>
          <dd>
            {formatDate(r.content.asOf)} (kỳ số liệu {formatDate(r.content.window.from)} – {formatDate(r.content.window.to)})
          </dd>
          <dt>Nơi nhận</dt>
          <dd>
            {r.departmentName}
            {r.departmentEmail ? ` (${r.departmentEmail})` : ' — chưa có địa chỉ thư điện tử'}
          </dd>
          {r.openSteps.length > 0 && (
            <>
              <dt>Đang ở bước</dt>
              <dd>
                {[...new Set(r.openSteps.map((s) => STEP_KIND_LABELS[s.kind] ?? s.kind))].join('; ')}
              </dd>
            </>
          )}
          {r.submission && (
            <>
              <dt>Đã gửi</dt>
              <dd data-testid="submission">
                {formatDateTime(r.submission.at)} — {r.submission.by.fullName} gửi tới {r.submission.to}
                <br />
                <span className="muted">Mã thư: {r.submission.messageId}</span>
              </dd>
            </>
          )}
        </dl>
        {r.lastReturn && ['RETURNED', 'DRAFTING'].includes(r.status) && (
          <p className="return-reason">
            Lý do trả lại ({r.lastReturn.by.fullName}): {r.lastReturn.reason}
          </p>
        )}
        {r.reopenings.length > 0 && r.status === 'REOPENED' && (
          <p className="return-reason">Sở Nội vụ trả lại: {r.reopenings[r.reopenings.length - 1].reason}</p>
        )}
      </section>

      {(can('saveReportDraft') || can('submitReport')) && (
        <DraftEditor key={`${r.draftVersion}`} report={r} onSaved={(p, text) => void done(p, text)} />
      )}
      {(can('approve') || can('return')) && <Decision report={r} onDone={(p, text) => void done(p, text)} />}
      {can('sendReport') && (
        <section className="panel panel-action" id="xu-ly" aria-labelledby="gui-so">
          <h2 id="gui-so">Gửi Sở Nội vụ</h2>
          {r.departmentEmail ? (
            <>
              <p>
                Báo cáo đã được phê duyệt. Hệ thống gửi thư tới <strong>{r.departmentEmail}</strong> kèm hai tệp: báo cáo (.docx) và phụ lục (.xlsx).
              </p>
              <button type="button" className="btn btn-primary" onClick={() => void done(ReportsApi.send(r.id), 'Đã gửi báo cáo tới Sở Nội vụ.')}>
                Gửi báo cáo tới Sở Nội vụ
              </button>
            </>
          ) : (
            <p className="return-reason">Chưa có địa chỉ thư điện tử của Sở Nội vụ: quản trị viên cần nhập trong cài đặt báo cáo.</p>
          )}
        </section>
      )}
      {can('reopenReport') && <Reopen report={r} onDone={(p, text) => void done(p, text)} />}

      <section className="panel" aria-labelledby="tep-bao-cao">
        <h2 id="tep-bao-cao">Tệp báo cáo</h2>
        <div className="button-row">
          <button type="button" className="btn" onClick={() => void ReportsApi.downloadDocx(r.id).catch((e) => setNotice({ kind: 'error', text: errorMessage(e) }))}>
            Tải báo cáo (.docx)
          </button>
          <button type="button" className="btn" onClick={() => void ReportsApi.downloadXlsx(r.id).catch((e) => setNotice({ kind: 'error', text: errorMessage(e) }))}>
            Tải phụ lục (.xlsx)
          </button>
          <button type="button" className="btn btn-ghost" aria-expanded={preview} onClick={() => setPreview((p) => !p)}>
            {preview ? 'Ẩn xem trước' : 'Xem trước báo cáo và phụ lục'}
          </button>
          <button type="button" className="btn btn-ghost no-print" onClick={() => window.print()}>
            In
          </button>
        </div>
        {r.draftPrefilled && <p className="muted">Chưa có dự thảo: tệp được lập từ nội dung gợi ý theo số liệu.</p>}
        {preview && <ReportPreview report={r} />}
      </section>

      <section className="panel" aria-labelledby="so-lieu-don-vi">
        <h2 id="so-lieu-don-vi">
          Số liệu của các đơn vị ({approvedInputs}/{r.unitInputs.length} đã duyệt)
        </h2>
        <ul className="unit-inputs">
          {r.unitInputs.map((u) => (
            <li key={u.unit}>
              <Link to={`/bao-cao/${encodeURIComponent(r.id)}/don-vi/${encodeURIComponent(u.unit)}`}>{u.unitName}</Link>
              <span className={`badge ${u.status === 'APPROVED' ? 'badge-success' : u.status === 'UNIT_REVIEW' ? 'badge-review' : 'badge-neutral'}`}>{INPUT_STATUS_LABELS[u.status]}</span>
            </li>
          ))}
        </ul>
      </section>

      <ContentSummary report={r} />

      <section className="panel" aria-labelledby="qua-trinh">
        <h2 id="qua-trinh">Quá trình xử lý</h2>
        <ol className="trail">
          {r.history.map((e) => (
            <li key={e.seq}>
              <span className="muted">{formatDateTime(e.at)}</span> — {TRAIL[e.type] ?? e.type}
              {e.actor ? ` — ${e.actor.fullName}` : ''}
              {e.comment ? `: “${e.comment}”` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function ContentSummary({ report }: { report: ReportDetail }) {
  const { totals, groups, indicators, remaining } = report.content;
  return (
    <section className="panel" aria-labelledby="ket-qua">
      <h2 id="ket-qua">Kết quả theo số liệu (tính đến ngày {formatDate(report.content.asOf)})</h2>
      <p>
        Tổng số <strong>{totals.total}</strong> nhiệm vụ: hoàn thành đúng hạn <strong>{totals.doneOnTime}</strong>; hoàn thành quá hạn{' '}
        <strong>{totals.doneLate}</strong>; đang thực hiện, chưa thực hiện <strong>{totals.open}</strong> (trong đó quá hạn <strong>{totals.openOverdue}</strong>).
      </p>
      <table className="report-table">
        <caption>Kết quả theo nhóm nhiệm vụ (đúng hạn, quá hạn tính theo thời hạn ban đầu)</caption>
        <thead>
          <tr>
            <th scope="col">Nhóm</th>
            <th scope="col">Số nhiệm vụ</th>
            <th scope="col">Hoàn thành đúng hạn</th>
            <th scope="col">Hoàn thành quá hạn</th>
            <th scope="col">Đang, chưa thực hiện</th>
            <th scope="col">Trong đó quá hạn</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.code}>
              <th scope="row" data-label="Nhóm">
                {g.code}. {g.title}
              </th>
              <td data-label="Số nhiệm vụ">{g.totals.total}</td>
              <td data-label="Hoàn thành đúng hạn">{g.totals.doneOnTime}</td>
              <td data-label="Hoàn thành quá hạn">{g.totals.doneLate}</td>
              <td data-label="Đang, chưa thực hiện">{g.totals.open}</td>
              <td data-label="Trong đó quá hạn">{g.totals.openOverdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="report-table">
        <caption>Các chỉ tiêu của Kế hoạch (mục II.1)</caption>
        <thead>
          <tr>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Mục tiêu</th>
            <th scope="col">Kết quả</th>
            <th scope="col">Đánh giá</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.key}>
              <th scope="row" data-label="Chỉ tiêu">
                {i.name}
                <div className="muted">{i.sourceUnitName}</div>
              </th>
              <td data-label="Mục tiêu">{i.target ? `${i.target.comparison === 'atLeast' ? '≥' : i.target.comparison === 'atMost' ? '≤' : i.target.comparison === 'moreThan' ? '>' : '='} ${i.target.value}${i.unit}` : '—'}</td>
              <td data-label="Kết quả">
                {i.value === null ? 'Chưa có số liệu' : `${String(i.value).replace('.', ',')}${i.unit}`}
                {i.note && <div className="muted">{i.note}</div>}
              </td>
              <td data-label="Đánh giá">{i.met === null ? '—' : i.met ? 'Đạt' : 'Chưa đạt'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Nhiệm vụ chuyển kỳ sau ({remaining.length})</h3>
      <ul className="remaining">
        {remaining.map((t) => (
          <li key={t.taskId}>
            <Link to={`/nhiem-vu/${encodeURIComponent(t.taskId)}`}>Nhiệm vụ {t.number}</Link>: {t.content} — <em>{t.statusWord.text}</em>
            {t.dueAt ? ` (hạn ${formatDate(t.dueAt)})` : ''} — {t.leadUnitText}
          </li>
        ))}
      </ul>
    </section>
  );
}

function DraftEditor({ report, onSaved }: { report: ReportDetail; onSaved: (p: Promise<ReportDetail>, text: string) => void }) {
  const [sections, setSections] = useState<DraftSection[]>(report.draft.sections);
  const [dirty, setDirty] = useState(false);
  useEffect(() => setSections(report.draft.sections), [report.draft.sections]);
  const setText = (i: number, j: number | null, text: string) => {
    setDirty(true);
    setSections((all) =>
      all.map((s, k) => (k !== i ? s : j === null ? { ...s, text } : { ...s, subsections: (s.subsections ?? []).map((sub, m) => (m === j ? { ...sub, text } : sub)) })),
    );
  };
  const canSubmit = report.allowedActions.includes('submitReport') || report.allowedActions.includes('saveReportDraft');
  return (
    <section className="panel panel-action" id="xu-ly" aria-labelledby="du-thao">
      <h2 id="du-thao">Dự thảo báo cáo của xã</h2>
      <p className="muted">
        {report.draftPrefilled ? 'Nội dung gợi ý từ số liệu các nhiệm vụ và số liệu các đơn vị đã duyệt; sửa, bổ sung rồi lưu.' : `Phiên bản ${report.draftVersion}.`}
      </p>
      {sections.map((s, i) => (
        <fieldset key={s.key} className="draft-section">
          <legend>
            {ROMAN[i] ?? i + 1}. {s.title}
          </legend>
          {/* A section made of subsections has no text of its own unless one was written. */}
          {(!s.subsections?.length || s.text) && (
            <>
              <label className="visually-hidden" htmlFor={`muc-${s.key}`}>
                {s.title}
              </label>
              <textarea id={`muc-${s.key}`} rows={Math.min(12, Math.max(3, s.text.split('\n').length + 1))} value={s.text} onChange={(e) => setText(i, null, e.target.value)} />
            </>
          )}
          {(s.subsections ?? []).map((sub, j) => (
            <div key={sub.key} className="field">
              <label htmlFor={`muc-${s.key}-${sub.key}`}>{sub.title}</label>
              <textarea
                id={`muc-${s.key}-${sub.key}`}
                rows={Math.min(10, Math.max(2, sub.text.split('\n').length + 1))}
                value={sub.text}
                onChange={(e) => setText(i, j, e.target.value)}
              />
            </div>
          ))}
        </fieldset>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="btn"
          onClick={() => {
            setDirty(false);
            onSaved(ReportsApi.saveDraft(report.id, sections), 'Đã lưu dự thảo báo cáo.');
          }}
        >
          Lưu dự thảo
        </button>
        {canSubmit && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() =>
              onSaved(
                (dirty || report.draftVersion === 0 ? ReportsApi.saveDraft(report.id, sections) : Promise.resolve(report)).then(() => ReportsApi.submit(report.id)),
                'Đã trình dự thảo báo cáo.',
              )
            }
          >
            Lưu và trình duyệt
          </button>
        )}
      </div>
    </section>
  );
}

function Decision({ report, onDone }: { report: ReportDetail; onDone: (p: Promise<ReportDetail>, text: string) => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const step = report.openSteps.find((s) => s.kind === 'VHXH_REVIEW' || s.kind === 'CHAIRMAN_REVIEW');
  return (
    <section className="panel panel-action" id="xu-ly" aria-labelledby="y-kien">
      <h2 id="y-kien">{step ? STEP_KIND_LABELS[step.kind] : 'Cho ý kiến'}</h2>
      <p>Xem nội dung dự thảo (phần “Xem trước”) và các tệp, sau đó duyệt hoặc trả lại kèm lý do.</p>
      <div className="field">
        <label htmlFor="y-kien-text">Ý kiến (bắt buộc khi trả lại)</label>
        <textarea id="y-kien-text" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={error ? 'y-kien-loi' : undefined} />
        {error && (
          <p id="y-kien-loi" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="button-row">
        <button type="button" className="btn btn-primary" onClick={() => onDone(ReportsApi.decide(report.id, 'approve', comment), step?.kind === 'CHAIRMAN_REVIEW' ? 'Đã phê duyệt báo cáo.' : 'Đã duyệt, chuyển Chủ tịch phê duyệt.')}>
          {step?.kind === 'CHAIRMAN_REVIEW' ? 'Phê duyệt báo cáo' : 'Duyệt'}
        </button>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() => {
            if (!comment.trim()) {
              setError('Phải ghi lý do khi trả lại dự thảo báo cáo.');
              return;
            }
            onDone(ReportsApi.decide(report.id, 'return', comment), 'Đã trả lại dự thảo cho cán bộ đầu mối.');
          }}
        >
          Trả lại
        </button>
      </div>
    </section>
  );
}

function Reopen({ report, onDone }: { report: ReportDetail; onDone: (p: Promise<ReportDetail>, text: string) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="mo-lai">
      <h2 id="mo-lai">Sở Nội vụ trả lại báo cáo?</h2>
      <div className="field">
        <label htmlFor="ly-do-mo-lai">Ý kiến của Sở Nội vụ (lý do mở lại)</label>
        <textarea id="ly-do-mo-lai" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button
        type="button"
        className="btn"
        onClick={() => {
          if (!reason.trim()) {
            setError('Phải ghi lý do mở lại báo cáo.');
            return;
          }
          onDone(ReportsApi.reopen(report.id, reason), 'Đã mở lại báo cáo để chỉnh sửa.');
        }}
      >
        Mở lại báo cáo
      </button>
    </section>
  );
}
