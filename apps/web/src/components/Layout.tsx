import { useEffect, useState, type ReactNode } from 'react';
import { roleTitle } from '../lib/labels';
import { ConnectionBanner } from './Connection';
import { confirmLeave, Link, navigate, useLocation } from '../lib/router';
import { communeWords, homePath, isCityAccount, useSession } from '../lib/session';
import { NotificationBell } from './NotificationBell';

interface MenuItem {
  to: string;
  label: string;
  count?: number | null;
  show: boolean;
}

export function Layout({ children }: { children: ReactNode }) {
  const { user, config, inboxCount, hasRole, logout, refreshInboxCount } = useSession();
  const { pathname } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  // Close the phone menu and refresh the count whenever the page changes.
  useEffect(() => {
    setMenuOpen(false);
    void refreshInboxCount();
  }, [pathname, refreshInboxCount]);

  if (!user) return <>{children}</>;

  const city = isCityAccount(user);
  const items: MenuItem[] = city
    ? [
        { to: '/xa-phuong', label: 'Xã/phường', show: hasRole('SUPERADMIN') },
        { to: '/tong-hop', label: 'Tổng hợp các xã', show: hasRole('DEPARTMENT_VIEWER') },
      ]
    : [
    { to: '/hop-viec', label: 'Hộp việc', count: inboxCount, show: true },
    { to: '/viec-cua-toi', label: 'Việc của tôi', show: hasRole('STAFF') },
    { to: '/da-xu-ly', label: 'Đã xử lý', show: true },
    { to: '/theo-doi', label: 'Theo dõi', show: true },
    { to: '/bao-cao', label: 'Báo cáo', show: true },
    { to: '/qua-han', label: 'Quá hạn', show: hasRole('COORDINATOR', 'ADMIN', 'CHAIRMAN', 'VICE_CHAIRMAN') },
    { to: '/uy-quyen', label: 'Ủy quyền', show: hasRole('CHAIRMAN', 'VICE_CHAIRMAN', 'ADMIN') },
    { to: '/lich-lam-viec', label: 'Lịch làm việc', show: hasRole('ADMIN', 'COORDINATOR') },
    { to: '/cai-dat-thoi-han', label: 'Cài đặt thời hạn', show: hasRole('ADMIN', 'COORDINATOR') },
    { to: '/don-vi', label: 'Đơn vị', show: hasRole('ADMIN') },
    { to: '/hop-thu-thu', label: 'Hộp thư thử', show: hasRole('ADMIN') && Boolean(config?.devMailbox) },
    { to: '/nguoi-dung', label: 'Người dùng', show: hasRole('ADMIN') },
  ];
  // The commune's own name everywhere; above the communes, the deployment's.
  const place = city ? (hasRole('DEPARTMENT_VIEWER') ? 'Sở Nội vụ' : 'toàn hệ thống') : communeWords(user.communeName);
  const roleText = user.roles.map((r) => roleTitle(r, user.unit)).join(', ');

  const onLogout = () => {
    if (!confirmLeave()) return;
    logout();
    navigate('/dang-nhap', { replace: true, force: true });
  };

  return (
    <>
      <a className="skip-link" href="#noi-dung">
        Bỏ qua đến nội dung chính
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to={homePath(user)} className="brand">
            <span className="brand-mark" aria-hidden="true">
              ★
            </span>
            <span>
              <span className="brand-title" data-testid="brand-title">CCHC {place}</span>
              <span className="brand-sub">Kế hoạch cải cách hành chính</span>
            </span>
          </Link>
          {!city && <NotificationBell pathname={pathname} />}
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="menu-chinh"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <span aria-hidden="true">☰</span> Menu
            {inboxCount ? <span className="count" aria-label={`${inboxCount} việc chờ xử lý`}>{inboxCount}</span> : null}
          </button>
          <nav id="menu-chinh" className={`menu ${menuOpen ? 'menu-open' : ''}`} aria-label="Menu chính">
            <ul>
              {items
                .filter((i) => i.show)
                .map((i) => {
                  const active = pathname === i.to || pathname.startsWith(`${i.to}/`);
                  return (
                    <li key={i.to}>
                      <Link
                        to={i.to}
                        aria-current={active ? 'page' : undefined}
                        className={active ? 'active' : ''}
                        onClick={() => setMenuOpen(false)}
                      >
                        {i.label}
                        {i.count != null && (
                          <span className="count" data-testid="inbox-count">
                            {i.count}
                            <span className="visually-hidden"> việc</span>
                          </span>
                        )}
                      </Link>
                    </li>
                  );
                })}
            </ul>
            <div className="userbox">
              <span className="user-name">{user.fullName}</span>
              <span className="user-role">
                {roleText}
                {user.unit ? ` · ${user.unit.name}` : ''}
              </span>
              <Link to="/doi-mat-khau" className="user-password" onClick={() => setMenuOpen(false)}>
                Đổi mật khẩu
              </Link>
              <button type="button" className="btn btn-small btn-ghost" onClick={onLogout}>
                Đăng xuất
              </button>
            </div>
          </nav>
        </div>
      </header>
      <ConnectionBanner />
      <main id="noi-dung" className="content" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{city ? 'Kế hoạch cải cách hành chính nhà nước của các xã, phường' : `UBND ${place} · Kế hoạch cải cách hành chính nhà nước`}</p>
      </footer>
    </>
  );
}
