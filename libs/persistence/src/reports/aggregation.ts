/**
 * The queries behind a commune's report: the facts of every task of the plan (the latest snapshot and the cycles the
 * trail recorded, in ONE statement), the plan's groups, the units and the report settings, and the units' stored
 * inputs. The shaping is libs/domain's (reportContent): the same status words, counted the same way, as the board.
 */
import type { DataSource } from 'typeorm';
import type { ReportContent, ReportPeriod, ReportSettings, ReportSnapshot, ReportUnitInputView, UnitCode, UnitInputContent } from '@app/contracts';
import { reportContent, reportDataDay, reportWindow, type CycleEvent, type TaskFacts } from '@app/domain';
import { withDefaults } from '../read-model/settings';
import type { ReportRow } from '../read-model/reports';

/** The reviewing unit (VHXH_REVIEW) of a commune whose units do not name one. */
export const DEFAULT_REVIEWING_UNIT = 'VHXH';

interface TaskFactRow {
  id: string;
  number: number;
  group_code: string;
  content: string;
  lead_units: string[];
  lead_units_text: string;
  deadline_raw: string;
  product: string;
  status: TaskFacts['status'];
  current: TaskFacts['current'];
  cycles: CycleEvent[];
}

const TASK_FACTS = `
  SELECT t.id, t.number, t.group_code, t.content, t.lead_units, t.lead_units_text, t.deadline_raw, t.product, t.status,
         CASE WHEN t.snapshot IS NULL THEN NULL ELSE jsonb_build_object(
           'status', t.snapshot->>'status', 'cycle', coalesce((t.snapshot->>'cycle')::int, t.cycle), 'dueAt', t.snapshot->>'cycleDueAt',
           'originalDueAt', coalesce(t.snapshot->>'cycleOriginalDueAt', t.snapshot->>'cycleDueAt'), 'completedAt', t.snapshot->>'completedAt') END AS current,
         coalesce(c.cycles, '[]'::json) AS cycles
  FROM plan_tasks t
  LEFT JOIN LATERAL (
    SELECT json_agg(json_build_object('type', e.type, 'at', e.at, 'cycle', (e.data->>'cycle')::int, 'dueAt', e.data->>'dueAt') ORDER BY e.seq) AS cycles
    FROM audit_events e WHERE e.task_id = t.id AND e.type IN ('CYCLE_OPENED', 'CYCLE_MISSED', 'COMPLETED')
  ) c ON true
  WHERE t.plan_id::text = $1 AND t.commune = $2
  ORDER BY t.number`;

export interface ReportUnit {
  code: UnitCode;
  name: string;
  reviewing: boolean;
}

export interface PlanFacts {
  groups: { code: string; title: string }[];
  decisionNumber: string | null;
  units: ReportUnit[];
  settings: ReportSettings;
  communeName: string;
}

export interface PeriodKey {
  commune: string;
  planId: string;
  year: number;
  period: ReportPeriod;
}

export class ReportAggregation {
  constructor(private readonly db: DataSource) {}

  /** Every task of the plan with its latest state and the cycles its trail recorded. */
  async taskFacts(commune: string, planId: string): Promise<TaskFacts[]> {
    const rows: TaskFactRow[] = await this.db.query(TASK_FACTS, [planId, commune]);
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      groupCode: r.group_code,
      content: r.content,
      leadUnits: r.lead_units,
      leadUnitsText: r.lead_units_text,
      deadlineRaw: r.deadline_raw,
      product: r.product,
      status: r.status,
      current: r.current,
      cycles: r.cycles,
    }));
  }

  /**
   * The plan's groups and decision, the commune's name, its internal units (the ones asked for an input; outside
   * bodies never are) with the reviewing one, and its report settings: one statement. Units are read through
   * to_jsonb so the query stands whether or not the directory records kinds yet.
   */
  async planFacts(commune: string, planId: string): Promise<PlanFacts | null> {
    const rows: { groups: PlanFacts['groups']; decision_number: string | null; units: { code: string; name: string; kind: string | null; reviewing: boolean | null }[]; settings: unknown; commune_name: string }[] =
      await this.db.query(
        `SELECT p.groups, p.decision_number, c.name AS commune_name,
                (SELECT s.value FROM settings s WHERE s.commune = $1 AND s.name = 'reports') AS settings,
                coalesce((SELECT json_agg(json_build_object('code', u.code, 'name', u.name, 'kind', to_jsonb(u)->>'kind',
                                                           'reviewing', (to_jsonb(u)->>'reviewing')::boolean)
                                          ORDER BY coalesce((to_jsonb(u)->>'position')::int, 0), u.code)
                          FROM units u WHERE u.commune = $1), '[]'::json) AS units
         FROM plans p JOIN communes c ON c.code = p.commune
         WHERE p.id::text = $2 AND p.commune = $1`,
        [commune, planId],
      );
    const r = rows[0];
    if (!r) return null;
    const internal = r.units.filter((u) => u.kind !== 'EXTERNAL');
    const reviewing = internal.find((u) => u.reviewing)?.code ?? DEFAULT_REVIEWING_UNIT;
    return {
      groups: r.groups.map((g) => ({ code: g.code, title: g.title })),
      decisionNumber: r.decision_number,
      units: internal.map((u) => ({ code: u.code, name: u.name, reviewing: u.code === reviewing })),
      settings: withDefaults('reports', r.settings),
      communeName: r.commune_name,
    };
  }

  /** The units' inputs as the report's snapshot records them, each with its stored text (JSON) read back. */
  async unitInputs(report: Pick<ReportRow, 'id' | 'snapshot'>, units: ReportUnit[]): Promise<ReportUnitInputView[]> {
    const names = new Map(units.map((u) => [u.code, u.name]));
    const snapshot: ReportSnapshot | null = report.snapshot;
    if (!snapshot) {
      return units.map((u) => ({ unit: u.code, unitName: u.name, status: 'WAITING', content: null, version: 0, drafter: null, approvedBy: null, returnReason: null }));
    }
    const ids = snapshot.units.flatMap((u) => (u.contentId ? [u.contentId] : []));
    const texts: { id: string; content: string }[] = ids.length
      ? await this.db.query(`SELECT id::text, content FROM text_contents WHERE report_id::text = $1 AND id::text = ANY ($2::text[])`, [report.id, ids])
      : [];
    const byId = new Map(texts.map((t) => [t.id, t.content]));
    return snapshot.units.map((u) => ({
      unit: u.unit,
      unitName: names.get(u.unit) ?? u.unit,
      status: u.status,
      content: u.contentId && byId.has(u.contentId) ? parseInput(byId.get(u.contentId)!) : null,
      version: u.version,
      drafter: u.drafter,
      approvedBy: u.approvedBy,
      returnReason: u.returnReason,
    }));
  }

  /** The report's content on `today` (the commune's date): its data window and data day follow the settings. */
  async content(report: ReportRow, today: string): Promise<ReportContent> {
    const [facts, plan] = await Promise.all([this.taskFacts(report.commune, report.plan_id), this.planFacts(report.commune, report.plan_id)]);
    if (!plan) throw new Error(`Plan ${report.plan_id} of report ${report.id} not found`);
    const inputs = await this.unitInputs(report, plan.units);
    return this.shape({ commune: report.commune, planId: report.plan_id, year: report.year, period: report.period }, today, facts, plan, inputs);
  }

  /** The content of a period without a report row (no unit inputs yet): what the bench and previews aggregate. */
  async contentOfPeriod(key: PeriodKey, today: string): Promise<ReportContent> {
    const [facts, plan] = await Promise.all([this.taskFacts(key.commune, key.planId), this.planFacts(key.commune, key.planId)]);
    if (!plan) throw new Error(`Plan ${key.planId} not found`);
    return this.shape(key, today, facts, plan, []);
  }

  private shape(key: PeriodKey, today: string, tasks: TaskFacts[], plan: PlanFacts, unitInputs: ReportUnitInputView[]): ReportContent {
    const window = reportWindow(key.period, key.year, plan.settings.dataCutoffDay);
    return reportContent({
      period: key.period,
      year: key.year,
      window,
      asOf: reportDataDay(window, today),
      groups: plan.groups,
      tasks,
      unitNames: Object.fromEntries(plan.units.map((u) => [u.code, u.name])),
      unitInputs,
    });
  }
}

/** A stored input read back; a text that is not an input (never written by the API) reads as empty. */
export function parseInput(text: string): UnitInputContent | null {
  try {
    const v = JSON.parse(text) as Partial<UnitInputContent>;
    return {
      narrative: typeof v.narrative === 'string' ? v.narrative : '',
      taskProgress: Array.isArray(v.taskProgress) ? v.taskProgress : [],
      figures: v.figures && typeof v.figures === 'object' ? v.figures : {},
    };
  } catch {
    return null;
  }
}
