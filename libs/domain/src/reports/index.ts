/** The periodic CCHC reports: periods and schedule, figures and indicators, the content and the draft's outline. */
export * from './period';
export * from './indicators';
export * from './content';
export * from './draft';
export * from './inputs';
