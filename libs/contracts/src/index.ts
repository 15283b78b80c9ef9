export * from './organisation';
export * from './plan';
export * from './plan-import';
export * from './errors';
export * from './task';
export * from './plan-workflow';
export * from './deadlines';
export * from './notifications';
