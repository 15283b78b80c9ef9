import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client';
import { navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';

export function LoginPage() {
  const { login, signedOutReason } = useSession();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = 'Đăng nhập — CCHC xã An Lão';
    userRef.current?.focus();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) {
      setError('Vui lòng nhập tên đăng nhập và mật khẩu.');
      (username.trim() ? passRef : userRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password, remember);
      const next = search.get('tiep');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/hop-viec', { replace: true, force: true });
    } catch (err) {
      setError(errorMessage(err));
      setPassword('');
      passRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login-page" id="noi-dung">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden="true">
            ★
          </span>
          <div>
            <p className="login-org">Ủy ban nhân dân xã An Lão</p>
            <h1>Kế hoạch cải cách hành chính</h1>
          </div>
        </div>
        {signedOutReason && !error && (
          <p className="alert alert-info" role="status">
            {signedOutReason}
          </p>
        )}
        <form onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
          <h2 className="login-heading">Đăng nhập</h2>
          <div aria-live="assertive">
            {error && (
              <p id="login-error" className="alert alert-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="username">Tên đăng nhập</label>
            <input
              ref={userRef}
              id="username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={Boolean(error) || undefined}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="password">Mật khẩu</label>
            <input
              ref={passRef}
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={Boolean(error) || undefined}
              required
            />
          </div>
          <div className="field field-check">
            <input id="remember" type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
            <label htmlFor="remember">Ghi nhớ đăng nhập trên máy này</label>
          </div>
          <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Đang đăng nhập…' : 'Đăng nhập'}
          </button>
        </form>
      </div>
    </main>
  );
}
