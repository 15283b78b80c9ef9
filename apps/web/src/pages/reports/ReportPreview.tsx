import type { ReportDetail } from '../../api/reports';
import { formatDate } from '../../lib/format';

/**
 * The report as it will print (Nghị định 30/2020 form: the two-column heading, number and date line, title, body,
 * signature and Nơi nhận) and its appendix table: a preview in the page, from the same draft and content as the files.
 */
export function ReportPreview({ report }: { report: ReportDetail }) {
  const paragraphs = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l, i) => <p key={i}>{l}</p>);
  // "Xã An Lão" → "XÃ AN LÃO" under the committee, "An Lão" before the date (as the .docx prints them).
  const place = report.communeName.replace(/^(xã|phường|thị trấn)\s+/i, '').trim();
  const signedByChairman = report.status === 'APPROVED' || report.status === 'SUBMITTED';
  return (
    <div className="nd30-preview" aria-label="Xem trước báo cáo">
      <div className="nd30-page">
        <div className="nd30-head">
          <div className="nd30-issuer">
            <p>ỦY BAN NHÂN DÂN</p>
            <p className="strong">{`XÃ ${place}`.toLocaleUpperCase('vi')}</p>
            <hr />
            <p>Số: &nbsp;&nbsp;&nbsp;/BC-UBND</p>
          </div>
          <div className="nd30-motto">
            <p className="strong">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
            <p className="strong underline">Độc lập - Tự do - Hạnh phúc</p>
            <p className="italic">{place}, ngày &nbsp;&nbsp; tháng &nbsp;&nbsp; năm {report.year}</p>
          </div>
        </div>
        <h3 className="nd30-title">BÁO CÁO</h3>
        <p className="nd30-summary">Kết quả thực hiện công tác cải cách hành chính {report.content.periodText}</p>
        <hr className="nd30-rule" />
        {report.draft.sections.map((s, i) => (
          <div key={s.key}>
            <h4>
              {['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][i] ?? i + 1}. {s.title.toLocaleUpperCase('vi')}
            </h4>
            {paragraphs(s.text)}
            {(s.subsections ?? []).map((sub) => (
              <div key={sub.key}>
                <h5>{sub.title}</h5>
                {paragraphs(sub.text)}
              </div>
            ))}
          </div>
        ))}
        <div className="nd30-foot">
          <div className="nd30-recipients">
            <p className="strong italic">Nơi nhận:</p>
            <p>- {report.departmentName} (để báo cáo);</p>
            <p>- TT Đảng ủy, TT HĐND xã;</p>
            <p>- CT, các PCT UBND xã;</p>
            <p>- Lưu: VT, VHXH.</p>
          </div>
          <div className="nd30-sign">
            <p className="strong">TM. ỦY BAN NHÂN DÂN</p>
            <p className="strong">CHỦ TỊCH</p>
            <p className="muted">{signedByChairman ? '(đã phê duyệt)' : '(chưa phê duyệt)'}</p>
          </div>
        </div>
      </div>
      <div className="nd30-page">
        <h3 className="nd30-title">PHỤ LỤC</h3>
        <p className="nd30-summary">Kết quả thực hiện nhiệm vụ (số liệu tính đến ngày {formatDate(report.content.asOf)})</p>
        <div className="table-scroll">
          <table className="appendix-table">
            <thead>
              <tr>
                <th scope="col">STT</th>
                <th scope="col">Nhiệm vụ</th>
                <th scope="col">Đơn vị chủ trì</th>
                <th scope="col">Thời hạn</th>
                <th scope="col">Tình trạng</th>
                <th scope="col">Kết quả, sản phẩm</th>
              </tr>
            </thead>
            <tbody>
              {report.content.groups.flatMap((g) => [
                <tr key={`g-${g.code}`} className="appendix-group">
                  <th scope="rowgroup" colSpan={6}>
                    {g.code}. {g.title}
                  </th>
                </tr>,
                ...g.tasks.map((t) => (
                  <tr key={t.taskId}>
                    <td>{t.number}</td>
                    <td>{t.content}</td>
                    <td>{t.leadUnitText}</td>
                    <td>{t.originalDueAt ? formatDate(t.originalDueAt) : t.deadlineRaw}</td>
                    <td>{t.statusWord.text}</td>
                    <td>{[t.product, t.progressNote].filter(Boolean).join('. ')}</td>
                  </tr>
                )),
              ])}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
