/** Dates and sizes as Vietnamese users read them: dd/MM/yyyy in the commune's time zone. */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateParts = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeParts = new Intl.DateTimeFormat('vi-VN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-03-31" is a calendar date: read it as noon UTC so no time zone moves it to another day. */
function toDate(value: string | Date): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** dd/MM/yyyy, or "—" when there is no date. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = toDate(value);
  if (!d) return '—';
  const p = dateParts.formatToParts(d);
  return `${part(p, 'day')}/${part(p, 'month')}/${part(p, 'year')}`;
}

/** dd/MM/yyyy HH:mm. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = toDate(value);
  if (!d) return '—';
  const t = timeParts.formatToParts(d);
  return `${formatDate(d)} ${part(t, 'hour')}:${part(t, 'minute')}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in the commune's zone. */
export function isoDateInZone(value: string | Date = new Date()): string {
  const d = toDate(value);
  if (!d) return '';
  const p = dateParts.formatToParts(d);
  return `${part(p, 'year')}-${part(p, 'month')}-${part(p, 'day')}`;
}

export function todayIso(): string {
  return isoDateInZone(new Date());
}

/** "31/3/2026" or "31/03/2026" → "2026-03-31"; null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 1 234 567 bytes → "1,2 MB" (Vietnamese decimal comma). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${nf.format(bytes / 1024 / 1024)} MB`;
  return `${nf.format(bytes / 1024 / 1024 / 1024)} GB`;
}

export function formatPercent(part: number, total: number): string {
  if (!total) return '0%';
  return `${Math.round((part / total) * 100)}%`;
}
