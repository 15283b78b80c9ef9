/** When things are due, the reminders and escalation ladder, and the status words. Pure and workflow-safe. */
export * from './due-dates';
export * from './ladder';
export * from './status-word';
export * from './summary';
