/** Workflow bundle entry: only workflow functions are exported here (the worker registers them by name). */
export { planWorkflow } from './plan/workflow';
export { taskWorkflow } from './task/workflow';
export { digestWorkflow } from './digest/workflow';
export { reportWorkflow } from './report/workflow';
