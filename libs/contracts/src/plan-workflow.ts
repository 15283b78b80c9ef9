import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskWorkflowInput } from './task';

export interface PlanWorkflowInput {
  commune: string;
  planId: string;
  year: number;
  tasks: TaskWorkflowInput[];
}

export interface PlanWorkflowState {
  planId: string;
  commune: string;
  year: number;
  /** Task workflow ids started (or found already running) by this plan. */
  taskWorkflowIds: string[];
  activatedAt: string;
}

export const planStateQuery = defineQuery<PlanWorkflowState>('planState');

/**
 * Starts task workflows for tasks added to an active plan (e.g. the plan was imported again with new tasks).
 * Tasks already started are skipped, so sending the whole list again is harmless. Returns the plan's state.
 */
export const addPlanTasksUpdate = defineUpdate<PlanWorkflowState, [TaskWorkflowInput[]]>('addTasks');

/** Activities of the plan workflow. */
export interface PlanActivities {
  /**
   * One message to the coordinator listing every step found late when the plan was activated (a plan activated in
   * November), instead of a flood of escalations. Idempotent per plan.
   */
  notifyLateAtActivation(input: { commune: string; planId: string; year: number }): Promise<void>;
}
