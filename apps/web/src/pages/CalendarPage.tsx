import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { DeadlinesApi, fieldProblems, type CalendarDay } from '../api/deadlines';
import { DateField } from '../components/DateField';
import { Empty, ErrorBox, FieldError, invalidAria, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { formatDate, formatDateTime, todayIso } from '../lib/format';
import { navigate, useLeaveGuard, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';
// The same rule the API applies (libs/domain, pure): a Saturday to work, a weekday off, inside the year, named once.
import { calendarYearProblems, weekdayName } from '../../../../libs/domain/src/calendar/validation';
import './deadlines.css';

const CALENDAR_PATH = '/lich-lam-viec';

const byDate = (a: CalendarDay, b: CalendarDay) => a.date.localeCompare(b.date);
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** The kind follows from the day of the week: a Saturday is worked (làm bù), a weekday is off. */
const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const kindOf = (date: string): CalendarDay['kind'] => (weekday(date) === 6 ? 'WORKING_SATURDAY' : 'HOLIDAY');
/** The badge beside the week day ("Thứ Bảy · Làm bù"), and the same in a sentence. */
const KIND_LABELS: Record<CalendarDay['kind'], string> = { HOLIDAY: 'Ngày nghỉ', WORKING_SATURDAY: 'Làm bù' };
const KIND_WORDS: Record<CalendarDay['kind'], string> = { HOLIDAY: 'ngày nghỉ', WORKING_SATURDAY: 'thứ Bảy làm bù' };

/** "13 ngày nghỉ trong tuần, 2 thứ Bảy làm bù". */
export function calendarSummary(days: CalendarDay[]): string {
  const off = days.filter((d) => d.kind === 'HOLIDAY').length;
  const worked = days.filter((d) => d.kind === 'WORKING_SATURDAY').length;
  return `${off} ngày nghỉ trong tuần, ${worked} thứ Bảy làm bù`;
}

/**
 * Lịch làm việc: a year's holidays and working Saturdays (làm bù) of the commune, which every deadline counts in
 * working days. The administrator adds, renames, removes and saves; the coordinator reads it.
 */
export function CalendarPage() {
  const { hasRole } = useSession();
  const canEdit = hasRole('ADMIN');
  const { search } = useLocation();
  const thisYear = Number(todayIso().slice(0, 4));
  const asked = Number(search.get('nam'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;

  const loaded = useAsync(() => DeadlinesApi.calendar(year), [year]);
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [suggestions, setSuggestions] = useState<CalendarDay[]>([]);
  const [dirty, setDirty] = useState(false);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!loaded.data) return;
    setDays(loaded.data.days);
    setSuggestions(loaded.data.suggestions);
    setDirty(false);
    setRowErrors({});
  }, [loaded.data]);

  useLeaveGuard(dirty, `Lịch năm ${year} có thay đổi chưa lưu. Bạn có chắc muốn rời trang?`);

  const change = (nextDays: CalendarDay[], nextSuggestions = suggestions) => {
    setDays([...nextDays].sort(byDate));
    setSuggestions([...nextSuggestions].sort(byDate));
    setDirty(true);
    setRowErrors({});
    setNotice(null);
  };

  const goToYear = (y: number) => navigate(`${CALENDAR_PATH}?nam=${y}`);

  const save = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const saved = await DeadlinesApi.saveCalendar(year, days, suggestions);
      setDays(saved.days);
      setSuggestions(saved.suggestions);
      setDirty(false);
      setRowErrors({});
      setNotice({ kind: 'success', text: `Đã lưu lịch năm ${year}: ${calendarSummary(saved.days)}.` });
      await loaded.reload();
    } catch (err) {
      const problems = err instanceof ApiError ? fieldProblems(err.details) : [];
      const errors: Record<string, string> = {};
      for (const p of problems) {
        const m = /^(days|suggestions)\[(\d+)\]/.exec(p.field);
        const row = m ? (m[1] === 'days' ? days : suggestions)[Number(m[2])] : undefined;
        if (row && !errors[row.date]) errors[row.date] = p.message;
      }
      setRowErrors(errors);
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const data = loaded.data;
  return (
    <>
      <PageTitle title="Lịch làm việc">Lịch làm việc</PageTitle>
      <p className="lead">
        Thời hạn của các bước duyệt, lời nhắc và báo cáo quá hạn đều tính theo ngày làm việc: thứ Hai đến thứ Sáu, trừ
        các ngày nghỉ dưới đây, cộng các thứ Bảy làm bù.
      </p>

      <nav className="year-nav" aria-label="Chọn năm">
        <button type="button" className="btn btn-small" onClick={() => goToYear(year - 1)}>
          <span aria-hidden="true">‹</span> Năm {year - 1}
        </button>
        <h2 className="year-title">Năm {year}</h2>
        <button type="button" className="btn btn-small" onClick={() => goToYear(year + 1)}>
          Năm {year + 1} <span aria-hidden="true">›</span>
        </button>
      </nav>

      <Notice notice={notice} onDismiss={() => setNotice(null)} />
      {loaded.error && <ErrorBox message={loaded.error} onRetry={() => void loaded.reload()} />}
      {loaded.loading && !data && <Loading label={`Đang tải lịch năm ${year}…`} />}

      {data && data.year === year && (
        <>
          <section className="panel" aria-labelledby="lich-danh-sach">
            <div className="calendar-head">
              <div>
                <h2 id="lich-danh-sach">Ngày nghỉ và ngày làm bù năm {year}</h2>
                <p className="calendar-summary" data-testid="calendar-summary">
                  <strong>{calendarSummary(days)}</strong>
                  {dirty && <span className="badge badge-review">Chưa lưu</span>}
                </p>
                {!data.defined && !dirty && (
                  <p className="alert alert-warning calendar-undefined">
                    Chưa có lịch nghỉ năm {year}: đang chỉ tính thứ Bảy và Chủ nhật là ngày nghỉ.
                    {canEdit ? ' Hãy nhập các ngày nghỉ lễ, Tết khi có thông báo.' : ''}
                  </p>
                )}
                {data.updatedAt && (
                  <p className="muted">
                    {data.updatedBy ? `Cập nhật lần cuối ${formatDateTime(data.updatedAt)} bởi ${data.updatedBy.fullName}.` : `Lịch có sẵn theo thông báo nghỉ lễ, Tết năm ${year}.`}
                  </p>
                )}
              </div>
            </div>

            {days.length === 0 ? (
              (data.defined || dirty) && <Empty>Năm {year} chưa có ngày nghỉ lễ hay thứ Bảy làm bù nào.</Empty>
            ) : (
              <table className="calendar-table">
                <caption className="visually-hidden">Ngày nghỉ và thứ Bảy làm bù năm {year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Ngày</th>
                    <th scope="col">Thứ</th>
                    <th scope="col">Loại</th>
                    <th scope="col">Tên</th>
                    {canEdit && (
                      <th scope="col">
                        <span className="visually-hidden">Thao tác</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {days.map((d, i) => (
                    <DayRow
                      key={d.date}
                      day={d}
                      canEdit={canEdit}
                      error={rowErrors[d.date]}
                      onRename={(name) => change(days.map((x, j) => (j === i ? { ...x, name } : x)))}
                      actions={
                        <button type="button" className="btn btn-small btn-danger" onClick={() => change(days.filter((_, j) => j !== i))}>
                          Xóa<span className="visually-hidden"> ngày {formatDate(d.date)}</span>
                        </button>
                      }
                    />
                  ))}
                </tbody>
              </table>
            )}
          </section>

          {suggestions.length > 0 && (
            <section className="panel" aria-labelledby="lich-goi-y">
              <h2 id="lich-goi-y">Gợi ý chưa áp dụng</h2>
              <p className="muted">
                Những ngày này chưa phải ngày nghỉ và không được tính. Khi có quyết định cho nghỉ,
                {canEdit ? ' bấm “Áp dụng” rồi lưu lịch.' : ' Quản trị hệ thống sẽ áp dụng.'}
              </p>
              <table className="calendar-table calendar-suggestions">
                <caption className="visually-hidden">Gợi ý chưa áp dụng năm {year}</caption>
                <thead>
                  <tr>
                    <th scope="col">Ngày</th>
                    <th scope="col">Thứ</th>
                    <th scope="col">Loại</th>
                    <th scope="col">Tên</th>
                    {canEdit && (
                      <th scope="col">
                        <span className="visually-hidden">Thao tác</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {suggestions.map((d, i) => (
                    <DayRow
                      key={d.date}
                      day={d}
                      canEdit={false}
                      error={rowErrors[d.date]}
                      suggestion
                      actions={
                        <>
                          <button type="button" className="btn btn-small" onClick={() => change([...days, d], suggestions.filter((_, j) => j !== i))}>
                            Áp dụng<span className="visually-hidden"> ngày {formatDate(d.date)}</span>
                          </button>
                          <button type="button" className="btn btn-small btn-danger" onClick={() => change(days, suggestions.filter((_, j) => j !== i))}>
                            Xóa<span className="visually-hidden"> gợi ý ngày {formatDate(d.date)}</span>
                          </button>
                        </>
                      }
                      showActions={canEdit}
                    />
                  ))}
                </tbody>
              </table>
            </section>
          )}

          {canEdit ? (
            <AddDay year={year} days={days} suggestions={suggestions} onAdd={(d) => change([...days, d])} />
          ) : (
            <p className="muted">Chỉ Quản trị hệ thống được sửa lịch làm việc.</p>
          )}
          <TryWorkingDays key={year} year={year} dirty={dirty} />

          {canEdit && dirty && (
            <div className="savebar" role="region" aria-label="Thay đổi chưa lưu">
              <p>
                <strong>Chưa lưu:</strong> {calendarSummary(days)}.
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="btn"
                  disabled={busy}
                  onClick={() => {
                    setDays(data.days);
                    setSuggestions(data.suggestions);
                    setDirty(false);
                    setRowErrors({});
                  }}
                >
                  Hủy thay đổi
                </button>
                <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void save()}>
                  {busy ? 'Đang lưu…' : `Lưu lịch năm ${year}`}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </>
  );
}

function DayRow({
  day,
  canEdit,
  error,
  onRename,
  actions,
  suggestion = false,
  showActions = canEdit,
}: {
  day: CalendarDay;
  canEdit: boolean;
  error?: string;
  onRename?: (name: string) => void;
  actions: ReactNode;
  suggestion?: boolean;
  showActions?: boolean;
}) {
  const nameId = `ten-${day.date}`;
  return (
    <tr className={error ? 'row-invalid' : undefined}>
      <td data-label="Ngày" className="nowrap">
        {formatDate(day.date)}
      </td>
      <td data-label="Thứ">{capitalized(weekdayName(day.date))}</td>
      <td data-label="Loại">
        <span className={`badge ${suggestion ? 'badge-neutral' : day.kind === 'HOLIDAY' ? 'badge-danger' : 'badge-info'}`}>
          {suggestion ? 'Gợi ý, chưa tính' : KIND_LABELS[day.kind]}
        </span>
      </td>
      <td data-label="Tên" className="calendar-name">
        {canEdit && onRename ? (
          <>
            <label htmlFor={nameId} className="visually-hidden">
              Tên ngày {formatDate(day.date)}
            </label>
            <input id={nameId} type="text" value={day.name} maxLength={120} onChange={(e) => onRename(e.target.value)} {...invalidAria(`${nameId}-error`, error)} />
          </>
        ) : (
          day.name
        )}
        <FieldError id={`${nameId}-error`} message={error} />
      </td>
      {showActions && (
        <td data-label="" className="calendar-actions">
          {actions}
        </td>
      )}
    </tr>
  );
}

/** Adds a day: a weekday is a day off, a Saturday a working Saturday; checked by the API's own rule at once. */
function AddDay({ year, days, suggestions, onAdd }: { year: number; days: CalendarDay[]; suggestions: CalendarDay[]; onAdd: (d: CalendarDay) => void }) {
  const [date, setDate] = useState<string | null>('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ date?: string; name?: string }>({});
  const [added, setAdded] = useState<string | null>(null);

  const kind = date ? kindOf(date) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: { date?: string; name?: string } = {};
    setAdded(null);
    if (date === null) errs.date = 'Ngày không hợp lệ. Vui lòng nhập theo dạng dd/mm/yyyy.';
    else if (!date) errs.date = 'Vui lòng nhập ngày.';
    else {
      const day: CalendarDay = { date, kind: kindOf(date), name };
      const at = `days[${days.length}]`;
      for (const p of calendarYearProblems(year, { days: [...days, day], suggestions })) {
        if (!p.field.startsWith(at)) continue;
        if (p.field.endsWith('.name')) errs.name ??= p.message;
        else errs.date ??= p.message;
      }
      // A day listed among the suggestions is applied there, not added twice.
      if (suggestions.some((s) => s.date === date)) errs.date = `Ngày ${formatDate(date)} đã có trong phần gợi ý: bấm “Áp dụng” ở đó.`;
    }
    setErrors(errs);
    if (errs.date || errs.name || !date) {
      document.getElementById(errs.date ? 'them-ngay' : 'them-ten')?.focus();
      return;
    }
    onAdd({ date, kind: kindOf(date), name: name.trim() });
    setAdded(`Đã thêm ngày ${formatDate(date)} (${KIND_WORDS[kindOf(date)]}) vào danh sách. Bấm “Lưu lịch năm ${year}” để áp dụng.`);
    setDate('');
    setName('');
  };

  return (
    <section className="panel" aria-labelledby="lich-them">
      <h2 id="lich-them">Thêm ngày</h2>
      <p className="muted">Ngày thứ Hai đến thứ Sáu được thêm là ngày nghỉ; ngày thứ Bảy được thêm là ngày làm bù.</p>
      <form className="form-grid calendar-add" onSubmit={submit} noValidate>
        <div>
          <DateField
            id="them-ngay"
            label="Ngày"
            value={date ?? ''}
            onChange={(d) => {
              setDate(d);
              setErrors((e) => ({ ...e, date: undefined }));
            }}
            error={errors.date}
          />
          {date && kind && !errors.date && (
            <p className="hint" data-testid="add-kind">
              {capitalized(weekdayName(date))} → {weekday(date) === 0 ? 'không thêm được (Chủ nhật vốn là ngày nghỉ)' : KIND_WORDS[kind]}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="them-ten">Tên</label>
          <input
            id="them-ten"
            type="text"
            value={name}
            maxLength={120}
            placeholder="Ví dụ: Tết Dương lịch"
            onChange={(e) => setName(e.target.value)}
            {...invalidAria('them-ten-error', errors.name)}
          />
          <FieldError id="them-ten-error" message={errors.name} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn">
            Thêm vào danh sách
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {added && (
          <p className="alert alert-success" data-testid="day-added">
            {added}
          </p>
        )}
      </div>
    </section>
  );
}

/** "From this date, N working days later": the API's helper on the saved calendar, for the admin to check it. */
function TryWorkingDays({ year, dirty }: { year: number; dirty: boolean }) {
  const [from, setFrom] = useState<string | null>(todayIso().startsWith(String(year)) ? todayIso() : `${year}-01-01`);
  const [add, setAdd] = useState('3');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setError(null);
    const n = Number(add);
    if (!from) return setError('Vui lòng nhập ngày bắt đầu theo dạng dd/mm/yyyy.');
    if (!Number.isInteger(n) || n < 0 || n > 250) return setError('Số ngày làm việc phải từ 0 đến 250.');
    try {
      const { date } = await DeadlinesApi.addWorkingDays(from, n);
      setResult(`${capitalized(weekdayName(date))}, ${formatDate(date)}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="panel" aria-labelledby="lich-tinh-thu">
      <h2 id="lich-tinh-thu">Tính thử ngày làm việc</h2>
      <p className="muted">Theo lịch đã lưu{dirty ? ' (chưa gồm các thay đổi chưa lưu)' : ''}.</p>
      <form className="form-grid calendar-try" onSubmit={(e) => void run(e)} noValidate>
        <DateField id="thu-tu-ngay" label="Từ ngày" value={from ?? ''} onChange={setFrom} />
        <div className="field">
          <label htmlFor="thu-so-ngay">Cộng thêm (ngày làm việc)</label>
          <input id="thu-so-ngay" type="number" inputMode="numeric" min={0} max={250} value={add} onChange={(e) => setAdd(e.target.value)} />
        </div>
        <div className="form-actions">
          <button type="submit" className="btn">
            Tính
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {result && (
          <p className="calendar-result" data-testid="working-days-result">
            Kết quả: <strong>{result}</strong>
          </p>
        )}
      </div>
      {error && <ErrorBox message={error} />}
    </section>
  );
}
