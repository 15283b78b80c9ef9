/**
 * The signed-in user, the app's configuration and the inbox count shown in the menu.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { clearToken, getToken, setToken, setUnauthorizedHandler } from '../api/client';
import { Api } from '../api/endpoints';
import type { AppConfig, Role, User } from '../api/types';

interface Session {
  user: User | null;
  config: AppConfig | null;
  /** True until we know whether a stored token is still valid. */
  checking: boolean;
  inboxCount: number | null;
  /** Why the user was sent back to the login page, if it was not their choice. */
  signedOutReason: string | null;
  login: (username: string, password: string, remember: boolean) => Promise<void>;
  logout: () => void;
  refreshInboxCount: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const SessionContext = createContext<Session | null>(null);

const DEFAULT_CONFIG: AppConfig = { temporalUiUrl: null, maxAttachmentBytes: 10 * 1024 * 1024, commune: 'an-lao' };

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [config, setConfig] = useState<AppConfig | null>(null);
  const [checking, setChecking] = useState(() => Boolean(getToken()));
  const [inboxCount, setInboxCount] = useState<number | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<string | null>(null);

  const loadConfig = useCallback(async () => {
    try {
      setConfig(await Api.config());
    } catch {
      setConfig(DEFAULT_CONFIG);
    }
  }, []);

  const refreshInboxCount = useCallback(async () => {
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

  // A token survives a reload: check it once.
  useEffect(() => {
    if (!getToken()) return;
    let cancelled = false;
    Api.me()
      .then(async (me) => {
        if (cancelled) return;
        setUser(me);
        await Promise.all([loadConfig(), refreshInboxCount()]);
      })
      .catch(() => {
        if (!cancelled) clearToken();
      })
      .finally(() => {
        if (!cancelled) setChecking(false);
      });
    return () => {
      cancelled = true;
    };
  }, [loadConfig, refreshInboxCount]);

  const login = useCallback(
    async (username: string, password: string, remember: boolean) => {
      const result = await Api.login(username, password);
      setToken(result.accessToken, remember);
      setSignedOutReason(null);
      setUser(result.user);
      await Promise.all([loadConfig(), refreshInboxCount()]);
    },
    [loadConfig, refreshInboxCount],
  );

  const logout = useCallback(() => {
    clearToken();
    setUser(null);
    setInboxCount(null);
    setSignedOutReason(null);
  }, []);

  const hasRole = useCallback((...roles: Role[]) => Boolean(user?.roles.some((r) => roles.includes(r))), [user]);

  const value = useMemo<Session>(
    () => ({
      user,
      config,
      checking,
      inboxCount,
      signedOutReason,
      login,
      logout,
      refreshInboxCount,
      hasRole,
    }),
    [user, config, checking, inboxCount, signedOutReason, login, logout, refreshInboxCount, hasRole],
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
