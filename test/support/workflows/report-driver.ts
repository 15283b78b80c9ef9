/** Drives a report workflow the way the API does: finds the open step, stores content by reference, sends the update. */
import { createHash, randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import {
  reopenReportUpdate,
  reportDecideUpdate,
  reportSnapshotQuery,
  saveReportDraftUpdate,
  saveUnitInputUpdate,
  sendReportUpdate,
  submitReportUpdate,
  submitUnitInputUpdate,
  type ContentRef,
  type OpenStep,
  type ReportSnapshot,
  type StepKind,
  type UnitCode,
} from '@app/contracts';
import type { reportWorkflow } from '../../../workflows/src/report/workflow';
import type { Person } from './people';

/** A stored text as the API hands it to a workflow: its id, hash and length (the text stays in the database). */
export function contentOf(text: string): ContentRef {
  return { id: randomUUID(), sha256: createHash('sha256').update(text).digest('hex'), chars: [...text].length };
}

export class ReportDriver {
  constructor(
    readonly handle: WorkflowHandle<typeof reportWorkflow>,
    readonly workflowId: string,
  ) {}

  snapshot(): Promise<ReportSnapshot> {
    return this.handle.query(reportSnapshotQuery);
  }

  async step(kind: StepKind, unit?: UnitCode | null): Promise<OpenStep> {
    const snap = await this.snapshot();
    const step = snap.openSteps.find((s) => s.kind === kind && (unit === undefined || s.unit === unit));
    if (!step) throw new Error(`No open ${kind}${unit ? ` for ${unit}` : ''} step: ${JSON.stringify(snap.openSteps)}`);
    return step;
  }

  saveInput(actor: Person, text: string, unit: UnitCode = actor.unit!): Promise<ReportSnapshot> {
    return this.handle.executeUpdate(saveUnitInputUpdate, { args: [{ actor, unit, input: contentOf(text) }] });
  }

  submitInput(actor: Person, unit: UnitCode = actor.unit!): Promise<ReportSnapshot> {
    return this.handle.executeUpdate(submitUnitInputUpdate, { args: [{ actor, unit }] });
  }

  async decide(actor: Person, kind: 'UNIT_REVIEW' | 'VHXH_REVIEW' | 'CHAIRMAN_REVIEW', decision: 'approve' | 'return', comment?: string, unit?: UnitCode): Promise<ReportSnapshot> {
    const { stepId } = await this.step(kind, unit);
    return this.handle.executeUpdate(reportDecideUpdate, { args: [{ actor, stepId, decision, comment }] });
  }

  saveDraft(actor: Person, text: string): Promise<ReportSnapshot> {
    return this.handle.executeUpdate(saveReportDraftUpdate, { args: [{ actor, draft: contentOf(text) }] });
  }

  submit(actor: Person, note?: string): Promise<ReportSnapshot> {
    return this.handle.executeUpdate(submitReportUpdate, { args: [{ actor, note }] });
  }

  send(actor: Person): Promise<ReportSnapshot> {
    return this.handle.executeUpdate(sendReportUpdate, { args: [{ actor }] });
  }

  reopen(actor: Person, reason: string): Promise<ReportSnapshot> {
    return this.handle.executeUpdate(reopenReportUpdate, { args: [{ actor, reason }] });
  }
}
