/**
 * The read-model layer: every query the API and the worker run against the read model, one module per table,
 * each table described once. Services ask these; they hold no SQL of their own.
 */
import type { DataSource } from 'typeorm';
import { AmendmentReadModel } from './amendments';
import { AttachmentReadModel } from './attachments';
import { CalendarReadModel } from './calendar';
import { ChangeWriter, ReportChangeWriter } from './changes';
import { CommuneReadModel } from './communes';
import { ContentReadModel } from './contents';
import { DeadlineRulesReadModel } from './deadline-rules';
import { DelegationReadModel } from './delegations';
import { InboxReadModel, OverdueReadModel } from './inbox';
import { NotificationReadModel } from './notifications';
import { OutboundMessageStore } from './outbound-messages';
import { OverviewReadModel } from './overview';
import { PlanReadModel } from './plans';
import { SettingsReadModel } from './settings';
import { PreferenceReadModel } from './preferences';
import { ReportReadModel } from './reports';
import { TaskReadModel } from './tasks';
import { TrailReadModel } from './trail';
import { UnitReadModel } from './units';
import { AudienceReadModel } from './audience';
import { SessionReadModel, UserReadModel } from './users';

export class ReadModel {
  readonly tasks: TaskReadModel;
  readonly inbox: InboxReadModel;
  readonly overdue: OverdueReadModel;
  readonly trail: TrailReadModel;
  readonly contents: ContentReadModel;
  readonly attachments: AttachmentReadModel;
  readonly plans: PlanReadModel;
  readonly changes: ChangeWriter;
  readonly reportChanges: ReportChangeWriter;
  readonly reports: ReportReadModel;
  readonly users: UserReadModel;
  readonly units: UnitReadModel;
  readonly audience: AudienceReadModel;
  readonly amendments: AmendmentReadModel;
  readonly calendar: CalendarReadModel;
  readonly settings: SettingsReadModel;
  readonly deadlineRules: DeadlineRulesReadModel;
  readonly communes: CommuneReadModel;
  readonly delegations: DelegationReadModel;
  readonly sessions: SessionReadModel;
  readonly notifications: NotificationReadModel;
  readonly outbound: OutboundMessageStore;
  readonly preferences: PreferenceReadModel;
  readonly overview: OverviewReadModel;

  /** Whether the database answers (health). */
  async ping(): Promise<boolean> {
    return this.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
  }

  constructor(readonly db: DataSource) {
    this.tasks = new TaskReadModel(db);
    this.inbox = new InboxReadModel(db);
    this.overdue = new OverdueReadModel(db);
    this.trail = new TrailReadModel(db);
    this.contents = new ContentReadModel(db);
    this.attachments = new AttachmentReadModel(db);
    this.plans = new PlanReadModel(db);
    this.changes = new ChangeWriter(db);
    this.reportChanges = new ReportChangeWriter(db);
    this.reports = new ReportReadModel(db);
    this.users = new UserReadModel(db);
    this.units = new UnitReadModel(db);
    this.audience = new AudienceReadModel(db);
    this.amendments = new AmendmentReadModel(db);
    this.calendar = new CalendarReadModel(db);
    this.settings = new SettingsReadModel(db);
    this.deadlineRules = new DeadlineRulesReadModel(db);
    this.communes = new CommuneReadModel(db);
    this.delegations = new DelegationReadModel(db);
    this.sessions = new SessionReadModel(db);
    this.notifications = new NotificationReadModel(db);
    this.outbound = new OutboundMessageStore(db);
    this.preferences = new PreferenceReadModel(db);
    this.overview = new OverviewReadModel(db);
  }
}

export * from './amendments';
export * from './audience';
export * from './attachments';
export * from './calendar';
export * from './changes';
export * from './communes';
export * from './contents';
export * from './deadline-rules';
export * from './delegations';
export * from './inbox';
export * from './notifications';
export * from './outbound-messages';
export * from './overview';
export * from './plans';
export * from './settings';
export * from './preferences';
export * from './reports';
export * from './snapshot';
export * from './tasks';
export * from './trail';
export * from './units';
export * from './users';
