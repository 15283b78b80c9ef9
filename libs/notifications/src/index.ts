/**
 * Notifications (Node-side; never imported by workflow code): who is told what (recipients.ts, pure), what they
 * read (templates.ts, pure), and render-and-send (mailer.ts, dispatch.ts), wired for the worker by notifier.ts.
 */
export * from './recipients';
export * from './templates';
export * from './mailer';
export * from './mailbox';
export * from './dispatch';
export * from './notifier';
export * from './digest-schedule';
