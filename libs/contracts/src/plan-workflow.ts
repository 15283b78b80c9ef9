import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { TaskWorkflowInput } from './task';
import type { ReportScheduleEntry, ReportWorkflowInput } from './report';

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
  /**
   * The reports of the plan's year from the commune's report settings: when each opens and is due, and what its
   * workflow needs (the units asked, the reviewing unit, the report's read-model id, created if new).
   */
  reportsToOpen(input: { commune: string; planId: string; year: number }): Promise<(ReportScheduleEntry & { workflow: ReportWorkflowInput })[]>;
}
