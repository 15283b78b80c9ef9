export * from './calendar-seed';
export * from './data-source';
export * from './demo-seed';
export * from './plan-store';
export * from './prepare';
export * from './read-model';
export * from './reports';
