export * from './entities';
export * from './data-source';
export * from './demo-seed';
export * from './plan-store';
export * from './task-read-model';
export * from './prepare';
export * from './clean-text';
