/**
 * The signed-in user, the app's configuration and the inbox count shown in the menu.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, clearToken, getToken, retryDelay, setToken, setUnauthorizedHandler, transientMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { AppConfig, Role, User } from '../api/types';

interface Session {
  user: User | null;
  config: AppConfig | null;
  /** True until we know whether a stored token is still valid. */
  checking: boolean;
  /**
   * While checking a stored token got no answer (no signal, server restarting): what to say, and when the next try
   * is. The token is kept; only a 401 from the server ends the session.
   */
  checkRetry: { message: string; nextAt: number } | null;
  /** Try the stored token again now, without waiting. */
  retryCheck: () => void;
  inboxCount: number | null;
  /** Why the user was sent back to the login page, if it was not their choice. */
  signedOutReason: string | null;
  login: (username: string, password: string, remember: boolean, commune?: string) => Promise<User>;
  logout: () => void;
  refreshInboxCount: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

const DEFAULT_CONFIG: AppConfig = { temporalUiUrl: null, maxAttachmentBytes: 10 * 1024 * 1024, commune: null };

/** An account above the communes (SUPERADMIN, Sở Nội vụ): no inbox, no commune pages. */
export const isCityAccount = (user: User | null): boolean => Boolean(user && !user.commune);

/** Where a user lands after signing in: his inbox, or the page of his city-level role. */
export function homePath(user: User | null): string {
  if (user?.roles.includes('SUPERADMIN')) return '/xa-phuong';
  if (user?.roles.includes('DEPARTMENT_VIEWER')) return '/tong-hop';
  return '/hop-viec';
}

/** "Xã An Lão" → "xã An Lão", for "UBND xã An Lão" and "CCHC xã An Lão". */
export function communeWords(name: string | null | undefined): string {
  if (!name) return '';
  return /^(Xã|Phường|Thị trấn|Đặc khu) /.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [checking, setChecking] = useState(() => Boolean(getToken()));
  const [inboxCount, setInboxCount] = useState<number | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);
  const [checkRetry, setCheckRetry] = useState<Session['checkRetry']>(null);
  const [checkRound, setCheckRound] = useState(0);
  const retryCheck = useCallback(() => setCheckRound((n) => n + 1), []);

  const loadConfig = useCallback(async () => {
    try {
      setConfig(await Api.config());
    } catch {
      setConfig(DEFAULT_CONFIG);
    }
  }, []);

  const cityAccount = useRef(false);
  const refreshInboxCount = useCallback(async () => {
    if (cityAccount.current) return;
    try {
      const items = await Api.inbox();
      setInboxCount(items.length);
    } catch {
      // the menu count is a convenience; pages show their own errors
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      clearToken();
      setUser(null);
      setInboxCount(null);
      setSignedOutReason('Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.');
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  // A token survives a reload: check it. No answer is not a "no": keep the token and try again, waiting longer each
  // time, until the server answers; only its 401 sends the user to the login page.
  const attempt = useRef(0);
  useEffect(() => {
    if (!getToken() || !checking) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    Api.me()
      .then(async (me) => {
        if (cancelled) return;
        cityAccount.current = isCityAccount(me);
        setUser(me);
        setCheckRetry(null);
        await Promise.all([loadConfig(), refreshInboxCount()]);
        if (!cancelled) setChecking(false);
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        if (err instanceof ApiError && err.status > 0 && err.status < 500) {
          // The server answered: the token is no good (401 also signs out through the handler above).
          clearToken();
          setCheckRetry(null);
          setChecking(false);
          return;
        }
        const delay = retryDelay(attempt.current++);
        setCheckRetry({ message: transientMessage(err), nextAt: Date.now() + delay });
        timer = setTimeout(() => setCheckRound((n) => n + 1), delay);
      });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [checking, checkRound, loadConfig, refreshInboxCount]);

  const login = useCallback(
    async (username: string, password: string, remember: boolean, commune?: string) => {
      const result = await Api.login(username, password, commune);
      cityAccount.current = isCityAccount(result.user);
      setToken(result.accessToken, remember);
      setSignedOutReason(null);
      setUser(result.user);
      await Promise.all([loadConfig(), refreshInboxCount()]);
      return result.user;
    },
    [loadConfig, refreshInboxCount],
  );

  const logout = useCallback(() => {
    clearToken();
    setUser(null);
    setInboxCount(null);
    setSignedOutReason(null);
    setCheckRetry(null);
    setChecking(false);
  }, []);

  const hasRole = useCallback((...roles: Role[]) => Boolean(user?.roles.some((r) => roles.includes(r))), [user]);

  const value = useMemo<Session>(
    () => ({
      user,
      config,
      checking,
      checkRetry,
      retryCheck,
      inboxCount,
      signedOutReason,
      login,
      logout,
      refreshInboxCount,
      hasRole,
    }),
    [user, config, checking, checkRetry, retryCheck, inboxCount, signedOutReason, login, logout, refreshInboxCount, hasRole],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function useConfig(): AppConfig {
  return useSession().config ?? DEFAULT_CONFIG;
}

/** The signed-in user's commune name, or null (signed out, or above the communes); safe outside the provider. */
export function useCommuneName(): string | null {
  return useContext(SessionContext)?.user?.communeName ?? null;
}
