import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { listMailbox, readMailboxMessage } from '@app/notifications';
import { NotificationRow, ReadModel } from '@app/persistence';
import { notFound, forbidden } from '../common/api-error';
import { InjectConfig } from '../common/config.provider';
import { AuthUser, hasRole } from '../common/current-user';

/** api.md "Notifications": what is under the bell, and each person's preferences. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly readModel: ReadModel,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  private view(r: NotificationRow) {
    return {
      id: r.id,
      at: r.created_at,
      kind: r.kind,
      ...(r.task_id ? { taskId: r.task_id } : {}),
      ...(r.report_id ? { reportId: r.report_id } : {}),
      title: r.title,
      body: r.body,
      read: r.read_at !== null,
    };
  }

  async list(user: AuthUser, unread: boolean) {
    return (await this.readModel.notifications.list(user.id, { unread, limit: 200 })).map((r) => this.view(r));
  }

  async count(user: AuthUser) {
    return { unread: await this.readModel.notifications.unreadCount(user.id) };
  }

  async markRead(user: AuthUser, id: string) {
    const row = await this.readModel.notifications.markRead(user.id, id);
    if (!row) throw notFound('Không tìm thấy thông báo.');
    return this.view(row);
  }

  async markAllRead(user: AuthUser) {
    return { marked: await this.readModel.notifications.markAllRead(user.id) };
  }

  preferences(user: AuthUser) {
    return this.readModel.preferences.get(user.id);
  }

  setPreferences(user: AuthUser, prefs: { emailReminders: boolean }) {
    return this.readModel.preferences.set(user.id, { emailReminders: prefs.emailReminders });
  }

  /** The local mailbox exists for trying the product out: never in production, and for administrators only. */
  private checkMailboxAccess(user: AuthUser) {
    if (this.config.production) throw notFound('Không tìm thấy trang.');
    if (!hasRole(user, 'ADMIN')) throw forbidden('Chỉ quản trị hệ thống được xem hộp thư thử.');
  }

  async mailbox(user: AuthUser) {
    this.checkMailboxAccess(user);
    return listMailbox(this.config.mailboxDir);
  }

  async mailboxMessage(user: AuthUser, id: string) {
    this.checkMailboxAccess(user);
    const message = await readMailboxMessage(this.config.mailboxDir, id);
    if (!message) throw notFound('Không tìm thấy thư.');
    return message;
  }
}
