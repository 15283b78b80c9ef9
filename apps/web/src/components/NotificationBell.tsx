import { useUnreadCount } from '../lib/notifications';
import { Link } from '../lib/router';

/** The bell in the top bar (always visible, also on a phone): the unread count, and the way to the list. */
export function NotificationBell({ pathname, onOpen }: { pathname: string; onOpen?: () => void }) {
  const unread = useUnreadCount(pathname);
  const active = pathname === '/thong-bao';
  const label = unread ? `Thông báo: ${unread} chưa đọc` : 'Thông báo';
  return (
    <Link
      to="/thong-bao"
      className={`bell ${active ? 'active' : ''}`}
      aria-label={label}
      title={label}
      aria-current={active ? 'page' : undefined}
      onClick={onOpen}
      data-testid="notification-bell"
    >
      <svg className="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-1.7 1.7A1 1 0 0 0 4 19.4h16a1 1 0 0 0 .7-1.7L19 16Z"
        />
      </svg>
      <span className="bell-text">Thông báo</span>
      {unread ? (
        <span className="count" data-testid="notification-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
