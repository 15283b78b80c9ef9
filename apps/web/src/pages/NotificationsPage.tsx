import { useState } from 'react';
import { errorMessage } from '../api/client';
import { Api } from '../api/endpoints';
import type { AppNotification } from '../api/types';
import { Empty, ErrorBox, Loading, Notice, PageTitle, type NoticeState } from '../components/Feedback';
import { formatDateTime } from '../lib/format';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KIND_TONE, notificationsChanged } from '../lib/notifications';
import { navigate } from '../lib/router';
import { useAsync } from '../lib/useAsync';

/** Thông báo: what the system told the user (the same as the e-mails), newest first, and his e-mail preference. */
export function NotificationsPage() {
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useAsync(() => Api.notifications(onlyUnread), [onlyUnread]);
  const prefs = useAsync(() => Api.preferences(), []);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const [busy, setBusy] = useState(false);
  // The box moves at once; it goes back if the server refuses.
  const [reminders, setRemindersShown] = useState<boolean | null>(null);

  const markRead = async (n: AppNotification) => {
    if (n.read) return;
    await Api.markNotificationRead(n.id);
    notificationsChanged();
  };

  const open = async (n: AppNotification) => {
    try {
      await markRead(n);
    } catch {
      // opening the task matters more than the mark
    }
    if (n.taskId) navigate(`/nhiem-vu/${n.taskId}`);
    else navigate('/theo-doi');
  };

  const markOne = async (n: AppNotification) => {
    setNotice(null);
    try {
      await markRead(n);
      await list.reload();
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const markAll = async () => {
    setNotice(null);
    setBusy(true);
    try {
      const { marked } = await Api.markAllNotificationsRead();
      notificationsChanged();
      setNotice({ kind: 'success', text: marked ? `Đã đánh dấu ${marked} thông báo là đã đọc.` : 'Không còn thông báo chưa đọc.' });
      await list.reload();
    } catch (err) {
      setNotice({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const setReminders = async (on: boolean) => {
    setNotice(null);
    setRemindersShown(on);
    try {
      await Api.setPreferences({ emailReminders: on });
      await prefs.reload();
      setNotice({
        kind: 'success',
        text: on ? 'Đã bật thư nhắc hạn qua e-mail.' : 'Đã tắt thư nhắc hạn qua e-mail. Nhắc hạn vẫn hiện trong mục Thông báo.',
      });
    } catch (err) {
      setRemindersShown(null);
      setNotice({ kind: 'error', text: errorMessage(err) });
    }
  };

  const items = list.data ?? [];
  const unread = items.filter((n) => !n.read).length;

  return (
    <>
      <PageTitle
        title="Thông báo"
        actions={
          <button type="button" className="btn" onClick={() => void markAll()} disabled={busy || (list.data !== undefined && unread === 0 && !onlyUnread)}>
            Đánh dấu tất cả đã đọc
          </button>
        }
      >
        Thông báo
      </PageTitle>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />

      <div className="filters" role="group" aria-label="Lọc thông báo">
        <div className="segmented">
          <button type="button" className={`btn btn-small ${!onlyUnread ? 'btn-primary' : ''}`} aria-pressed={!onlyUnread} onClick={() => setOnlyUnread(false)}>
            Tất cả
          </button>
          <button type="button" className={`btn btn-small ${onlyUnread ? 'btn-primary' : ''}`} aria-pressed={onlyUnread} onClick={() => setOnlyUnread(true)}>
            Chưa đọc
          </button>
        </div>
      </div>

      {list.loading && !list.data ? (
        <Loading label="Đang tải thông báo…" />
      ) : list.error ? (
        <ErrorBox message={list.error} onRetry={() => void list.reload()} />
      ) : items.length === 0 ? (
        <Empty>{onlyUnread ? 'Không có thông báo chưa đọc.' : 'Chưa có thông báo nào.'}</Empty>
      ) : (
        <ul className="notifications" aria-label="Danh sách thông báo">
          {items.map((n) => (
            <li key={n.id} className={`notification ${n.read ? 'is-read' : 'is-unread'}`} data-testid="notification">
              <div className="notification-meta">
                <span className={`badge badge-${NOTIFICATION_KIND_TONE[n.kind] ?? 'neutral'}`}>{NOTIFICATION_KIND_LABELS[n.kind] ?? n.kind}</span>
                <time dateTime={n.at}>{formatDateTime(n.at)}</time>
                {!n.read && <span className="unread-dot">Chưa đọc</span>}
              </div>
              <p className="notification-title">{n.title}</p>
              <p className="notification-body">{n.body}</p>
              <div className="actions">
                <button type="button" className="btn btn-small btn-primary" onClick={() => void open(n)}>
                  {n.taskId ? 'Mở nhiệm vụ' : 'Mở trang Theo dõi'}
                </button>
                {!n.read && (
                  <button type="button" className="btn btn-small" onClick={() => void markOne(n)}>
                    Đánh dấu đã đọc
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}

      <section className="panel preferences" aria-labelledby="tuy-chon">
        <h2 id="tuy-chon">Nhận thông báo qua e-mail</h2>
        {prefs.error ? (
          <ErrorBox message={prefs.error} onRetry={() => void prefs.reload()} />
        ) : (
          <div className="field field-check">
            <input
              id="email-reminders"
              type="checkbox"
              checked={reminders ?? prefs.data?.emailReminders ?? true}
              disabled={!prefs.data}
              onChange={(e) => void setReminders(e.target.checked)}
            />
            <label htmlFor="email-reminders">Gửi thư nhắc hạn trước ngày đến hạn</label>
          </div>
        )}
        <p className="hint">Thư báo quá hạn, báo cáo vượt cấp và các việc cần đồng chí xử lý luôn được gửi, không tắt được.</p>
      </section>
    </>
  );
}
