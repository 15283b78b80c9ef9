/** The unread count under the bell: asked on every page change, every minute while the tab is visible, and at once
 * after the notifications page marks something read. */
import { useCallback, useEffect, useState } from 'react';
import { Api } from '../api/endpoints';
import type { NotificationKind } from '../api/types';

const CHANGED = 'cchc:notifications-changed';
const POLL_MS = 60_000;

/** Tells the bell that the count may have changed (after marking read). */
export function notificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function useUnreadCount(pathname: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const refresh = useCallback(async () => {
    if (document.visibilityState === 'hidden') return;
    try {
      setCount((await Api.notificationCount()).unread);
    } catch {
      // the bell is a convenience; pages show their own errors
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [pathname, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => void refresh(), POLL_MS);
    const onChange = () => void refresh();
    window.addEventListener(CHANGED, onChange);
    document.addEventListener('visibilitychange', onChange);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, onChange);
      document.removeEventListener('visibilitychange', onChange);
    };
  }, [refresh]);

  return count;
}

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  ASSIGNED: 'Giao việc',
  SUBMITTED_TO_YOU: 'Chờ cho ý kiến',
  RETURNED: 'Trả lại',
  APPROVED: 'Hoàn thành',
  REMINDER: 'Nhắc hạn',
  OVERDUE: 'Quá hạn',
  ESCALATED: 'Báo cáo vượt cấp',
  EXTENSION: 'Gia hạn',
  REPORT_INPUT_DUE: 'Báo cáo đơn vị',
  REPORT_SUBMITTED: 'Đã gửi báo cáo',
  DIGEST: 'Tổng hợp hằng ngày',
};

export const NOTIFICATION_KIND_TONE: Record<NotificationKind, string> = {
  ASSIGNED: 'info',
  SUBMITTED_TO_YOU: 'review',
  RETURNED: 'danger',
  APPROVED: 'success',
  REMINDER: 'neutral',
  OVERDUE: 'danger',
  ESCALATED: 'danger',
  EXTENSION: 'info',
  REPORT_INPUT_DUE: 'info',
  REPORT_SUBMITTED: 'success',
  DIGEST: 'neutral',
};
