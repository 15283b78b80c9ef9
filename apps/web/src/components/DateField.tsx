import { useEffect, useState } from 'react';
import { formatDate } from '../lib/format';

/** "31/3/2026" or "31/03/2026" → "2026-03-31"; null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date typed as dd/mm/yyyy, whatever the browser's language (a native date input shows the browser's own
 * format). `onChange` gets the ISO date, '' when empty, or null while the text is not a valid date.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (iso: string | null) => void;
  error?: string | null;
}) {
  const [text, setText] = useState(value ? formatDate(value) : '');
  const [invalid, setInvalid] = useState(false);

  // A new value from outside (e.g. a reset) replaces the text.
  useEffect(() => {
    if (value && parseVnDate(text) !== value) setText(formatDate(value));
    if (!value && parseVnDate(text)) setText('');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const message = error ?? (invalid ? 'Ngày không hợp lệ. Vui lòng nhập theo dạng dd/mm/yyyy, ví dụ 31/03/2026.' : null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const iso = t.trim() ? parseVnDate(t) : '';
          if (iso !== null) setInvalid(false);
          onChange(iso);
        }}
        onBlur={() => setInvalid(Boolean(text.trim()) && parseVnDate(text) === null)}
        aria-invalid={Boolean(message) || undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="hint">
        Định dạng ngày/tháng/năm (dd/mm/yyyy)
      </p>
      {message && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
