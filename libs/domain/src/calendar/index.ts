/** The commune's calendar: its clock, plain dates, working days and due state. Pure and workflow-safe. */
export * from './commune-time';
export * from './dates';
export * from './working-days';
export * from './due-state';
export * from './validation';
