import { useEffect, useState } from 'react';
import { formatDate, parseVnDate } from '../lib/format';
import { FieldError } from './Feedback';

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
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}
