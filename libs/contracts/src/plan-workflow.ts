import { defineQuery } from '@temporalio/workflow';
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
