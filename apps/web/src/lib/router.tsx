/**
 * A minimal history router: a handful of routes do not need a library. It also supports one navigation guard, so
 * the draft editor can warn before unsaved work is left behind (in-app links, back button and tab close).
 */
import { useEffect, useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();
let guard: (() => boolean) | null = null;
/** The location we are on, so a refused back/forward can be put back. */
let current = window.location.pathname + window.location.search;

function emit() {
  current = window.location.pathname + window.location.search;
  listeners.forEach((l) => l());
}

window.addEventListener('popstate', () => {
  if (guard && !guard()) {
    window.history.pushState(null, '', current);
    return;
  }
  emit();
});

/** Asks the active guard (unsaved work) whether the user may leave the page. */
export function confirmLeave(): boolean {
  return !guard || guard();
}

export function navigate(to: string, opts: { replace?: boolean; force?: boolean } = {}): boolean {
  if (to === current) return true;
  if (!opts.force && guard && !guard()) return false;
  if (opts.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  emit();
  return true;
}

function subscribe(l: Listener) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useLocation(): { pathname: string; search: URLSearchParams } {
  const loc = useSyncExternalStore(subscribe, () => current);
  const [pathname, search = ''] = loc.split('?');
  return { pathname, search: new URLSearchParams(search) };
}

/**
 * While `when` holds, navigation asks `message` first and closing the tab triggers the browser's own prompt.
 */
export function useLeaveGuard(when: boolean, message: string): void {
  useEffect(() => {
    if (!when) return;
    const check = () => window.confirm(message);
    guard = check;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      if (guard === check) guard = null;
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [when, message]);
}

/** Matches "/nhiem-vu/:id" against a pathname; returns the params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = pathname.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
