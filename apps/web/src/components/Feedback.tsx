import { useEffect, useRef, type ReactNode } from 'react';
import { communeWords, useCommuneName } from '../lib/session';

export function Loading({ label = 'Đang tải dữ liệu…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error the user should read; announced at once. */
export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="alert alert-error" role="alert">
      <span className="alert-icon" aria-hidden="true">
        !
      </span>
      <div>
        <p>{message}</p>
        {onRetry && (
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Thử lại
          </button>
        )}
      </div>
    </div>
  );
}

export type NoticeKind = 'success' | 'info' | 'warning' | 'error';
export interface NoticeState {
  kind: NoticeKind;
  text: string;
}

/**
 * A status message region. It is always in the DOM so screen readers announce changes; errors use an
 * assertive live region.
 */
export function Notice({ notice, onDismiss }: { notice: NoticeState | null; onDismiss?: () => void }) {
  return (
    <div aria-live={notice?.kind === 'error' ? 'assertive' : 'polite'} aria-atomic="true" className="notice-region">
      {notice && (
        <div className={`alert alert-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span className="alert-icon" aria-hidden="true">
            {notice.kind === 'success' ? '✓' : notice.kind === 'info' ? 'i' : '!'}
          </span>
          <p>{notice.text}</p>
          {onDismiss && (
            <button type="button" className="btn-close" onClick={onDismiss} aria-label="Đóng thông báo">
              ×
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * The page's heading: sets the document title and takes focus when the page opens, so keyboard and
 * screen-reader users land on the new content after navigation.
 */
export function PageTitle({ children, title, actions }: { children: ReactNode; title: string; actions?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const communeName = useCommuneName();
  useEffect(() => {
    document.title = `${title} — CCHC${communeName ? ` ${communeWords(communeName)}` : ''}`;
    ref.current?.focus({ preventScroll: true });
  }, [title, communeName]);
  return (
    <div className="page-head">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

/** A field's error, read out at once; `id` is what the field's `aria-describedby` points to. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      {message}
    </p>
  );
}

/** The ARIA attributes tying a field to its {@link FieldError} (`errorId`) while there is an error. */
export function invalidAria(errorId: string, error: string | null | undefined) {
  return {
    'aria-invalid': Boolean(error) || undefined,
    'aria-describedby': error ? errorId : undefined,
  };
}
