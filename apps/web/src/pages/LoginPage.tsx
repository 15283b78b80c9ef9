import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { navigate, useLocation } from '../lib/router';
import { Api } from '../api/endpoints';
import type { Commune } from '../api/types';
import { communeWords, homePath, useSession } from '../lib/session';

const COMMUNE_KEY = 'cchc.commune';

export function LoginPage() {
  const { login, signedOutReason } = useSession();
  const { search } = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [communes, setCommunes] = useState<Commune[]>([]);
  // A link may name the commune (?xa=an-lao); the last one chosen on this machine is remembered.
  const [commune, setCommune] = useState(() => search.get('xa') ?? localStorage.getItem(COMMUNE_KEY) ?? '');
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);
  const communeRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    userRef.current?.focus();
    Api.loginCommunes().then(setCommunes, () => setCommunes([]));
  }, []);

  // With one commune there is nothing to choose; with several, the chosen one names the page.
  const only = communes.length === 1 ? communes[0] : null;
  const chosen = only ?? communes.find((c) => c.code === commune) ?? null;
  const place = chosen ? `Ủy ban nhân dân ${communeWords(chosen.name)}` : 'Ủy ban nhân dân các xã, phường';
  useEffect(() => {
    document.title = `Đăng nhập — CCHC${chosen ? ` ${communeWords(chosen.name)}` : ''}`;
  }, [chosen]);

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
      const signedIn = await login(username.trim(), password, remember, chosen && !only ? chosen.code : undefined);
      if (chosen && !only) localStorage.setItem(COMMUNE_KEY, chosen.code);
      const next = search.get('tiep');
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homePath(signedIn), { replace: true, force: true });
    } catch (err) {
      setError(errorMessage(err));
      // A username several communes have: the commune is what is missing, not the password.
      if (err instanceof ApiError && err.code === 'VALIDATION') {
        communeRef.current?.focus();
        return;
      }
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
            <p className="login-org">{place}</p>
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
          {communes.length > 1 && (
            <div className="field">
              <label htmlFor="commune">Xã/phường</label>
              <select id="commune" ref={communeRef} value={chosen?.code ?? ''} onChange={(e) => setCommune(e.target.value)} aria-describedby="commune-hint">
                <option value="">— Không chọn —</option>
                {communes.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
              <p id="commune-hint" className="hint">
                Chọn xã/phường nơi bạn công tác; tài khoản cấp thành phố không cần chọn.
              </p>
            </div>
          )}
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
