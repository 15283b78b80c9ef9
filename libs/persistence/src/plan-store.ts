import { createHash } from 'crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ParsedPlan, taskWorkflowId } from '@app/contracts';
import { parsePlan, PlanParseError, type PlanDocument, type PlanFormat, type UnitDirectory } from '@app/domain';
import { readPlanFile } from '@app/plan-files';
import { seedCommune } from './demo-seed';

/** The years a plan may be for: a CCHC plan is for this decade or the next ones, never year 0000 or 9999. */
export const PLAN_YEAR_MIN = 2000;
export const PLAN_YEAR_MAX = 2100;

/**
 * Why a plan document cannot be imported, with the API's stable code: VALIDATION (the file is not clean text),
 * PLAN_INVALID (not a plan this product can run: no task table, no or no sane year), CONFLICT (the plan is running). The API answers it as a
 * 4xx, the CLI prints its message; either way nothing was written.
 */
export class PlanImportError extends Error {
  constructor(
    readonly code: 'VALIDATION' | 'PLAN_INVALID' | 'CONFLICT',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PlanImportError';
  }
}

/** A year outside PLAN_YEAR_MIN..PLAN_YEAR_MAX would put every deadline of the plan in a meaningless place. */
export function assertPlanYear(year: number): void {
  if (!Number.isInteger(year) || year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX) {
    throw new PlanImportError(
      'PLAN_INVALID',
      `Năm của kế hoạch (${String(year).padStart(4, '0')}) không hợp lệ: cần từ ${PLAN_YEAR_MIN} đến ${PLAN_YEAR_MAX}.`,
      { year, min: PLAN_YEAR_MIN, max: PLAN_YEAR_MAX },
    );
  }
}

/**
 * Reads a plan as the import and the CLI do: a task table, and a sane year, taken from the request (`year`: ?year= or
 * --year) or else the document. `source` is a document read from a Word, Excel or text file by `readPlanFile` of
 * libs/plan-files (which refuses what is not a clean text). Throws PlanImportError; writes nothing.
 */
export function readPlanDocument(source: PlanDocument, opts: { year?: number; units?: UnitDirectory } = {}): ParsedPlan {
  if (source.lines.every((line) => !line.trim())) throw new PlanImportError('PLAN_INVALID', 'Tệp kế hoạch trống.');
  if (opts.year !== undefined) assertPlanYear(opts.year);
  try {
    const plan = parsePlan(source, { year: opts.year, ...(opts.units ? { units: opts.units } : {}) });
    // The parser falls back to the current year with a warning; a plan's deadlines must not silently move with it.
    if (opts.year === undefined && plan.warnings.some((w) => w.code === 'YEAR_NOT_FOUND')) {
      throw new PlanImportError(
        'PLAN_INVALID',
        'Văn bản không ghi năm của kế hoạch (ví dụ "… năm 2026" trong tiêu đề): hãy ghi năm vào văn bản, hoặc chỉ rõ năm khi nhập (?year=2026 hoặc --year 2026).',
        { missing: ['year'] },
      );
    }
    assertPlanYear(plan.year);
    return plan;
  } catch (e) {
    if (e instanceof PlanParseError) throw new PlanImportError('PLAN_INVALID', e.message);
    throw e;
  }
}

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
  opts: { createCommune?: boolean } = {},
): Promise<ImportResult> {
  assertPlanYear(plan.year);
  // The file as received (a .docx or .xlsx is bytes); a text given as a string hashes as its UTF-8 bytes.
  const sha = createHash('sha256').update(source).digest('hex');
  return ds.transaction(async (m: EntityManager) => {
    // The CLI may name a commune that does not exist yet: it is created with the plan, or not at all.
    if (opts.createCommune) await seedCommune(m, commune);
    const existing: { id: string; status: string; activated_at: Date | null }[] = await m.query(
      `SELECT id, status, activated_at FROM plans WHERE commune = $1 AND year = $2 FOR UPDATE`,
      [commune, plan.year],
    );
    // A running plan has a workflow per task that holds its own copy; overwriting the rows would only make the board
    // lie. Changing a running plan is an amendment, not an import.
    if (existing[0]?.status === 'ACTIVE') {
      const since = existing[0].activated_at ? ` từ ${existing[0].activated_at.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}` : '';
      throw new PlanImportError(
        'CONFLICT',
        `Kế hoạch đang thực hiện: kế hoạch năm ${plan.year} của xã đã được kích hoạt${since} nên không nhập đè được; không có gì thay đổi.`,
        { planId: existing[0].id, year: plan.year, status: 'ACTIVE' },
      );
    }
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

/** A plan file as read for an import: the plan, the file's format, and its hash. */
export interface ReadPlan {
  plan: ParsedPlan;
  format: PlanFormat;
  sha256: string;
}

/**
 * Reads a plan file as received (Word, Excel or text, told by its content) and checks it as an import does
 * (readPlanDocument); writes nothing. The API's preview and amendments read files with it.
 */
export async function readPlan(bytes: Uint8Array, opts: { year?: number; units?: UnitDirectory } = {}): Promise<ReadPlan> {
  let document: PlanDocument;
  try {
    document = await readPlanFile(bytes);
  } catch (e) {
    if (e instanceof PlanParseError) throw new PlanImportError('PLAN_INVALID', e.message);
    throw e;
  }
  const plan = readPlanDocument(document, opts);
  return { plan, format: document.format, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Imports a plan file as received: read and checked (readPlan), then written in one transaction; nothing is written
 * when any of it fails.
 */
export async function importPlanFile(
  ds: DataSource,
  commune: string,
  bytes: Uint8Array,
  opts: { year?: number; createCommune?: boolean; units?: UnitDirectory } = {},
): Promise<ImportResult & { plan: ParsedPlan }> {
  const { plan } = await readPlan(bytes, opts);
  const result = await importParsedPlan(ds, commune, plan, bytes, opts);
  return { ...result, plan };
}
