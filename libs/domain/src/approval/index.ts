/** The approval policy: who holds each step, who may act, separation of duties, allowed actions. Workflow-safe. */
export * from './principals';
export * from './policy';
export * from './messages';
