/**
 * Which reports a plan's year has and what each workflow starts with: the schedule from the commune's settings and
 * calendar (libs/domain reportSchedule), the report's row in the read model (created if new), the units asked and
 * the reviewing unit. Asked by the plan workflow (reportsToOpen, at its lead time) and by the API (opening one now),
 * so both start the same workflow with the same input.
 */
import type { DataSource } from 'typeorm';
import type { ReportPeriod, ReportScheduleEntry, ReportWorkflowInput, WorkingCalendar } from '@app/contracts';
import { reportSchedule, unitsAskedForInput } from '@app/domain';
import { ReportReadModel } from '../read-model/reports';
import { ReportAggregation } from './aggregation';

export type ReportOpening = ReportScheduleEntry & { workflow: ReportWorkflowInput };

export class ReportOpenings {
  private readonly aggregation: ReportAggregation;
  private readonly reports: ReportReadModel;

  constructor(db: DataSource) {
    this.aggregation = new ReportAggregation(db);
    this.reports = new ReportReadModel(db);
  }

  /** Every report of the plan's year (or only `only`), each with its row ensured; [] when the plan is not the commune's. */
  async of(input: { commune: string; planId: string; year: number; only?: ReportPeriod }, calendar: WorkingCalendar): Promise<ReportOpening[]> {
    const [plan, tasks] = await Promise.all([this.aggregation.planFacts(input.commune, input.planId), this.aggregation.taskFacts(input.commune, input.planId)]);
    if (!plan) return [];
    const units = unitsAskedForInput(
      plan.units.map((u) => u.code),
      tasks.map((t) => t.leadUnits),
    );
    const reviewingUnit = plan.units.find((u) => u.reviewing)?.code ?? 'VHXH';
    const out: ReportOpening[] = [];
    for (const entry of reportSchedule(plan.settings, input.year, calendar)) {
      if (input.only && entry.period !== input.only) continue;
      const row = await this.reports.ensure({ commune: input.commune, planId: input.planId, year: input.year, period: entry.period, opensAt: entry.opensAt, inputDueAt: entry.inputDueAt, dueAt: entry.dueAt });
      out.push({
        ...entry,
        inputDueAt: row.input_due_at,
        dueAt: row.due_at,
        workflow: { commune: input.commune, planId: input.planId, year: input.year, period: entry.period, reportId: row.id, units, reviewingUnit, inputDueAt: row.input_due_at, dueAt: row.due_at },
      });
    }
    return out;
  }
}
