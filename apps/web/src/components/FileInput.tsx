import { forwardRef, type ChangeEvent } from 'react';
import { formatBytes } from '../lib/format';

/**
 * A file picker whose words are Vietnamese whatever the browser's language (the native one says "Choose File"
 * in an English browser). The real input stays focusable; its label is drawn as a button.
 */
export const FileInput = forwardRef<
  HTMLInputElement,
  {
    id: string;
    label: string;
    file: File | null;
    accept?: string;
    describedBy?: string;
    invalid?: boolean;
    onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  }
>(function FileInput({ id, label, file, accept, describedBy, invalid, onChange }, ref) {
  return (
    <div className="file-input">
      <input
        ref={ref}
        id={id}
        type="file"
        accept={accept}
        onChange={onChange}
        aria-invalid={invalid || undefined}
        aria-describedby={[`${id}-chosen`, describedBy].filter(Boolean).join(' ')}
      />
      <label htmlFor={id} className="btn">
        {label}
      </label>
      <span id={`${id}-chosen`} className="file-chosen">
        {file ? `${file.name} — ${formatBytes(file.size)}` : 'Chưa chọn tệp nào'}
      </span>
    </div>
  );
});
