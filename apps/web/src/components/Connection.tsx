/**
 * What the user sees when the server does not answer (phone signal lost, server restarting): the session stays, a
 * message says so, and the app keeps trying until the server answers.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { CONNECTION_MESSAGES, getConnection, retryDelay, subscribeConnection } from '../api/client';
import { Api } from '../api/endpoints';

export function useConnection() {
  return useSyncExternalStore(subscribeConnection, getConnection);
}

/** Seconds left until `at`, ticking every second. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * A bar under the menu while the server does not answer. It asks the server again by itself (waiting longer each
 * time, at once when the browser says it is back online); pages waiting for data reload as soon as one request gets
 * through. When the server is back it says so for a few seconds.
 */
export function ConnectionBanner() {
  const state = useConnection();
  const [nextAt, setNextAt] = useState<number | null>(null);
  const [back, setBack] = useState(false);
  const [round, setRound] = useState(0);
  const attempt = useRef(0);
  const wasDown = useRef(false);
  const seconds = useSecondsUntil(state === 'online' ? null : nextAt);

  // Probe while the connection is down: GET /me answers as soon as the API and its database do.
  useEffect(() => {
    if (state === 'online') {
      attempt.current = 0;
      setNextAt(null);
      return;
    }
    const delay = retryDelay(attempt.current++);
    setNextAt(Date.now() + delay);
    const timer = setTimeout(() => {
      Api.me().catch(() => undefined);
      setRound((n) => n + 1);
    }, delay);
    return () => clearTimeout(timer);
  }, [state, round]);

  useEffect(() => {
    const onOnline = () => {
      if (getConnection() !== 'online') Api.me().catch(() => undefined);
    };
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);

  useEffect(() => {
    if (state !== 'online') {
      wasDown.current = true;
      setBack(false);
      return;
    }
    if (!wasDown.current) return;
    wasDown.current = false;
    setBack(true);
    const t = setTimeout(() => setBack(false), 5000);
    return () => clearTimeout(t);
  }, [state]);

  return (
    <div className="connection-region" role="status" aria-live="polite" aria-atomic="true">
      {state !== 'online' ? (
        <div className="connection-bar connection-down">
          <span className="spinner" aria-hidden="true" />
          <p>
            <strong>{CONNECTION_MESSAGES[state]}</strong>{' '}
            <span className="connection-sub">
              Bạn vẫn đang đăng nhập{seconds !== null && seconds > 0 ? ` · thử lại sau ${seconds} giây` : ''}.
            </span>
          </p>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              attempt.current = 0;
              Api.me().catch(() => undefined);
            }}
          >
            Thử lại ngay
          </button>
        </div>
      ) : back ? (
        <div className="connection-bar connection-back">
          <span aria-hidden="true">✓</span>
          <p>Đã kết nối lại với máy chủ.</p>
        </div>
      ) : null}
    </div>
  );
}

/** The whole screen while a stored session cannot be checked because the server does not answer. */
export function ConnectionLost({
  message,
  nextAt,
  onRetry,
  onLogout,
}: {
  message: string;
  nextAt: number;
  onRetry: () => void;
  onLogout: () => void;
}) {
  const seconds = useSecondsUntil(nextAt);
  return (
    <div className="connection-lost" role="status">
      <div className="connection-lost-head">
        <span className="spinner" aria-hidden="true" />
        <h1>{message}</h1>
      </div>
      <p>
        Phiên đăng nhập của bạn vẫn được giữ. Ứng dụng sẽ tự mở lại khi máy chủ phản hồi
        {seconds ? ` (thử lại sau ${seconds} giây)` : ''}.
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={onRetry}>
          Thử lại ngay
        </button>
        <button type="button" className="btn btn-ghost" onClick={onLogout}>
          Đăng xuất
        </button>
      </div>
    </div>
  );
}
