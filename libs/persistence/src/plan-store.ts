import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ParsedPlan, taskWorkflowId } from '@app/contracts';

export interface ImportResult {
  planId: string;
  taskCount: number;
  groups: number;
  created: boolean;
}

/**
 * Writes a parsed plan in one transaction: the plan is keyed by (commune, year) and each task by its number,
 * so importing the same plan again updates it and never duplicates. Dates already promised keep their
 * original value beside any new one (on-time rates count against the original).
 */
export async function importParsedPlan(
  ds: DataSource,
  commune: string,
  plan: ParsedPlan,
  source: string | Uint8Array,
): Promise<ImportResult> {
  // The file as received (a .docx or .xlsx is bytes); a text given as a string hashes as its UTF-8 bytes.
  const sha = createHash('sha256').update(source).digest('hex');
  return ds.transaction(async (m: EntityManager) => {
    const existing: { id: string }[] = await m.query(`SELECT id FROM plans WHERE commune = $1 AND year = $2 FOR UPDATE`, [commune, plan.year]);
    let planId: string;
    if (existing.length) {
      planId = existing[0].id;
      await m.query(
        `UPDATE plans SET title = $2, decision_number = $3, groups = $4, warnings = $5, source_sha256 = $6, imported_at = now() WHERE id = $1`,
        [planId, plan.title, plan.decisionNumber, JSON.stringify(plan.groups), JSON.stringify(plan.warnings), sha],
      );
    } else {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO plans (commune, year, title, decision_number, groups, warnings, source_sha256)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [commune, plan.year, plan.title, plan.decisionNumber, JSON.stringify(plan.groups), JSON.stringify(plan.warnings), sha],
      );
      planId = rows[0].id;
    }
    for (const t of plan.tasks) {
      await m.query(
        `INSERT INTO plan_tasks (plan_id, commune, number, group_code, content, lead_units, co_units, lead_units_text,
           co_units_text, deadline_raw, deadline_kind, due_dates, original_due_dates, product, workflow_id, display_number, source, position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15, $16, $3)
         ON CONFLICT (plan_id, number) DO UPDATE SET
           group_code = EXCLUDED.group_code, content = EXCLUDED.content, lead_units = EXCLUDED.lead_units,
           co_units = EXCLUDED.co_units, lead_units_text = EXCLUDED.lead_units_text, co_units_text = EXCLUDED.co_units_text,
           deadline_raw = EXCLUDED.deadline_raw, deadline_kind = EXCLUDED.deadline_kind, due_dates = EXCLUDED.due_dates,
           product = EXCLUDED.product, display_number = EXCLUDED.display_number, source = EXCLUDED.source,
           position = EXCLUDED.position, updated_at = now()`,
        [
          planId,
          commune,
          t.number,
          t.group,
          t.content,
          t.leadUnits,
          // A cell like "Các phòng, ban, ngành" names every unit; the lead unit does not cooperate with itself.
          t.coUnits.filter((u) => !t.leadUnits.includes(u)),
          t.leadUnitsText,
          t.coUnitsText,
          t.deadline.raw,
          t.deadline.kind,
          JSON.stringify(t.deadline.dueDates),
          t.product,
          taskWorkflowId(commune, plan.year, t.number),
          t.displayNumber,
          JSON.stringify(t.source),
        ],
      );
    }
    const count: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM plan_tasks WHERE plan_id = $1`, [planId]);
    return { planId, taskCount: count[0].n, groups: plan.groups.length, created: existing.length === 0 };
  });
}
