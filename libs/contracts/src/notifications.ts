/** In-app notification kinds (api.md "Notifications"); e-mails go with them through nodemailer. */
export const NOTIFICATION_KINDS = [
  'ASSIGNED',
  'SUBMITTED_TO_YOU',
  'RETURNED',
  'APPROVED',
  'REMINDER',
  'OVERDUE',
  'ESCALATED',
  'EXTENSION',
  'REPORT_INPUT_DUE',
  'REPORT_SUBMITTED',
  'DIGEST',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
