import { useEffect } from 'react';
import { ConnectionLost } from './components/Connection';
import { Loading, PageTitle } from './components/Feedback';
import { Layout } from './components/Layout';
import { Link, matchPath, navigate, useLocation } from './lib/router';
import { homePath, useSession } from './lib/session';
import { BoardPage } from './pages/BoardPage';
import { CalendarPage } from './pages/CalendarPage';
import { DeadlineSettingsPage } from './pages/DeadlineSettingsPage';
import { DelegationPage } from './pages/DelegationPage';
import { DraftEditorPage } from './pages/DraftEditorPage';
import { HandledPage } from './pages/HandledPage';
import { InboxPage } from './pages/InboxPage';
import { LoginPage } from './pages/LoginPage';
import { MailboxPage } from './pages/MailboxPage';
import { MyWorkPage } from './pages/MyWorkPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { OverduePage } from './pages/OverduePage';
import { TaskPage } from './pages/TaskPage';
import { UnitsPage } from './pages/UnitsPage';
import { CommunesPage } from './pages/CommunesPage';
import { CommuneBoardPage, OverviewPage } from './pages/OverviewPage';
import { PasswordPage } from './pages/PasswordPage';
import { UsersPage } from './pages/UsersPage';
import { ReportPage } from './pages/reports/ReportPage';
import { ReportsPage } from './pages/reports/ReportsPage';
import { UnitInputPage } from './pages/reports/UnitInputPage';

/**
 * Routes:
 *   /dang-nhap            Đăng nhập
 *   /hop-viec             Hộp việc (inbox)
 *   /nhiem-vu/:id         a task: details, trail, and the caller's action (approve/return, assign, contribute)
 *   /viec-cua-toi         Việc của tôi (staff)
 *   /viec-cua-toi/:id     the draft editor
 *   /da-xu-ly             Đã trình / Đã xử lý (what I sent or decided, and where it is now)
 *   /qua-han              Quá hạn (overdue steps per unit; ?don-vi= one unit)
 *   /theo-doi             Theo dõi (board, import, activate)
 *   /uy-quyen             Ủy quyền (delegation)
 *   /lich-lam-viec        Lịch làm việc (holidays and working Saturdays; ?nam=2027 another year)
 *   /cai-dat-thoi-han     Cài đặt thời hạn (SLA, reminders, the escalation ladder)
 *   /thong-bao            Thông báo (notifications, e-mail preference)
 *   /hop-thu-thu[/:id]    Hộp thư thử (the local mailbox; ADMIN, not in production)
 *   /don-vi               Đơn vị (the commune's unit directory; the admin edits it)
 *   /nguoi-dung           Người dùng (the commune's people; its admin)
 *   /doi-mat-khau         Đổi mật khẩu (everyone)
 *   /xa-phuong            Xã/phường (the deployment's communes; SUPERADMIN)
 *   /tong-hop[/:code]     Tổng hợp các xã (Sở Nội vụ, read-only; a commune's board)
 *   /bao-cao              Báo cáo (the reporting periods); /bao-cao/:id a report; /bao-cao/:id/don-vi/:unit a unit's input
 */
export function App() {
  const { user, checking, checkRetry, retryCheck, logout } = useSession();
  const { pathname, search } = useLocation();

  // Signed out: everything but the login page sends you there, remembering where you were going.
  useEffect(() => {
    if (checking) return;
    if (!user && pathname !== '/dang-nhap') {
      const next = pathname === '/' ? '' : `?tiep=${encodeURIComponent(pathname + (search.toString() ? `?${search}` : ''))}`;
      navigate(`/dang-nhap${next}`, { replace: true, force: true });
    } else if (user && (pathname === '/' || pathname === '/dang-nhap')) {
      navigate(homePath(user), { replace: true, force: true });
    }
  }, [user, checking, pathname, search]);

  if (checking && checkRetry) {
    return (
      <main className="content" id="noi-dung">
        <ConnectionLost message={checkRetry.message} nextAt={checkRetry.nextAt} onRetry={retryCheck} onLogout={logout} />
      </main>
    );
  }
  if (checking) {
    return (
      <main className="content" id="noi-dung">
        <Loading label="Đang kiểm tra phiên đăng nhập…" />
      </main>
    );
  }
  if (!user) return pathname === '/dang-nhap' ? <LoginPage /> : null;

  return <Layout>{route(pathname)}</Layout>;
}

function route(pathname: string) {
  if (pathname === '/hop-viec') return <InboxPage />;
  if (pathname === '/viec-cua-toi') return <MyWorkPage />;
  if (pathname === '/da-xu-ly') return <HandledPage />;
  if (pathname === '/qua-han') return <OverduePage />;
  if (pathname === '/theo-doi') return <BoardPage />;
  if (pathname === '/uy-quyen') return <DelegationPage />;
  if (pathname === '/lich-lam-viec') return <CalendarPage />;
  if (pathname === '/cai-dat-thoi-han') return <DeadlineSettingsPage />;
  if (pathname === '/thong-bao') return <NotificationsPage />;
  if (pathname === '/hop-thu-thu') return <MailboxPage />;
  if (pathname === '/don-vi') return <UnitsPage />;
  if (pathname === '/nguoi-dung') return <UsersPage />;
  if (pathname === '/doi-mat-khau') return <PasswordPage />;
  if (pathname === '/xa-phuong') return <CommunesPage />;
  if (pathname === '/tong-hop') return <OverviewPage />;
  const board = matchPath('/tong-hop/:code', pathname);
  if (board) return <CommuneBoardPage key={board.code} code={board.code} />;
  if (pathname === '/bao-cao') return <ReportsPage />;
  let m = matchPath('/bao-cao/:id/don-vi/:unit', pathname);
  if (m) return <UnitInputPage key={`${m.id}-${m.unit}`} reportId={m.id} unit={m.unit} />;
  m = matchPath('/bao-cao/:id', pathname);
  if (m) return <ReportPage key={m.id} reportId={m.id} />;
  m = matchPath('/nhiem-vu/:id', pathname);
  if (m) return <TaskPage key={m.id} taskId={m.id} />;
  m = matchPath('/hop-thu-thu/:id', pathname);
  if (m) return <MailboxPage messageId={m.id} />;
  m = matchPath('/viec-cua-toi/:id', pathname);
  if (m) return <DraftEditorPage key={m.id} taskId={m.id} />;
  if (pathname === '/' || pathname === '/dang-nhap') return null;
  return <NotFound />;
}

function NotFound() {
  return (
    <>
      <PageTitle title="Không tìm thấy trang">Không tìm thấy trang</PageTitle>
      <p>
        Địa chỉ này không tồn tại. <Link to="/hop-viec">Về Hộp việc</Link>
      </p>
    </>
  );
}
