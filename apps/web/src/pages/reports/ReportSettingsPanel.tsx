import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { DeadlinesApi, type ReportPeriod, type ReportSettings } from '../../api/deadlines';
import { Notice, type NoticeState } from '../../components/Feedback';
import { useAsync } from '../../lib/useAsync';

const PERIODS: { value: ReportPeriod; label: string }[] = [
  { value: 'Q1', label: 'Quý I' },
  { value: 'Q2', label: '6 tháng' },
  { value: 'Q3', label: 'Quý III' },
  { value: 'Q4', label: 'Quý IV' },
  { value: 'YEAR', label: 'Năm' },
];

/** Cài đặt báo cáo: the periods, the due days, the data cut-off, the lead time and Sở Nội vụ's address (GET/PUT /settings/reports). */
export function ReportSettingsPanel({ onSaved }: { onSaved: () => void }) {
  const current = useAsync(() => DeadlinesApi.reportSettings(), []);
  const [form, setForm] = useState<ReportSettings | null>(null);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (current.data) setForm(current.data);
  }, [current.data]);
  if (!form) return null;
  const set = <K extends keyof ReportSettings>(key: K, value: ReportSettings[K]) => setForm({ ...form, [key]: value });
  const num = (text: string) => (text.trim() === '' ? null : Number(text));

  const save = async () => {
    setNotice(null);
    try {
      setForm(await DeadlinesApi.saveReportSettings(form));
      setNotice({ kind: 'success', text: 'Đã lưu cài đặt báo cáo.' });
      onSaved();
    } catch (e) {
      setNotice({ kind: 'error', text: e instanceof ApiError ? e.message : errorMessage(e) });
    }
  };

  return (
    <section className="panel no-print" aria-labelledby="cai-dat-bao-cao">
      <h2 id="cai-dat-bao-cao">
        <button type="button" className="btn btn-ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          Cài đặt báo cáo {open ? '▴' : '▾'}
        </button>
      </h2>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {open && (
        <div className="figures-grid">
          <fieldset className="field">
            <legend>Các kỳ báo cáo</legend>
            {PERIODS.map((p) => (
              <label key={p.value} className="check">
                <input
                  type="checkbox"
                  checked={form.periods.includes(p.value)}
                  onChange={(e) => set('periods', e.target.checked ? [...form.periods, p.value] : form.periods.filter((x) => x !== p.value))}
                />{' '}
                {p.label}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="han-don-vi">Đơn vị gửi trước ngày (của tháng cuối kỳ)</label>
            <input id="han-don-vi" inputMode="numeric" value={form.unitInputDueDay} onChange={(e) => set('unitInputDueDay', Number(e.target.value))} />
          </div>
          <div className="field">
            <label htmlFor="han-xa">Xã gửi Sở trước ngày (của tháng cuối kỳ)</label>
            <input id="han-xa" inputMode="numeric" value={form.communeDueDay} onChange={(e) => set('communeDueDay', Number(e.target.value))} />
          </div>
          <div className="field">
            <label htmlFor="chot-so-lieu">Chốt số liệu đến hết ngày (trống: đến ngày lập báo cáo)</label>
            <input id="chot-so-lieu" inputMode="numeric" value={form.dataCutoffDay ?? ''} onChange={(e) => set('dataCutoffDay', num(e.target.value))} />
          </div>
          <div className="field">
            <label htmlFor="mo-truoc">Mở báo cáo trước hạn đơn vị (ngày làm việc)</label>
            <input id="mo-truoc" inputMode="numeric" value={form.openLeadWorkingDays ?? ''} onChange={(e) => set('openLeadWorkingDays', num(e.target.value) ?? undefined)} />
          </div>
          <div className="field">
            <label htmlFor="ten-so">Nơi nhận báo cáo</label>
            <input id="ten-so" value={form.departmentName} onChange={(e) => set('departmentName', e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="thu-so">Thư điện tử của Sở Nội vụ</label>
            <input id="thu-so" type="email" value={form.departmentEmail ?? ''} onChange={(e) => set('departmentEmail', e.target.value || null)} />
          </div>
          <div className="button-row">
            <button type="button" className="btn btn-primary" onClick={() => void save()}>
              Lưu cài đặt báo cáo
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
