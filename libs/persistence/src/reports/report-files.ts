/**
 * What the report's two files are made from, read in one place for the API (preview, download) and the worker
 * (the submission): the content on the day, the coordinator's draft (or the prefilled outline while there is none),
 * and the facts the ND30 form prints — the commune, who signs (the Chairman, or the Vice Chairman who approved for
 * him) and on which day, the receiving department, the plan's decision, the reviewing unit.
 */
import type { DataSource } from 'typeorm';
import type { ReportContent, ReportDraftContent, Role } from '@app/contracts';
import { communeDate, prefilledDraft } from '@app/domain';
import type { ReportRow } from '../read-model/reports';
import { ReportAggregation } from './aggregation';

export interface ReportFileFacts {
  communeName: string;
  /** The day the Chairman (or his delegate) approved it; null while not approved (the form stays undated). */
  signedOn: string | null;
  signer: { name: string; role: Extract<Role, 'CHAIRMAN' | 'VICE_CHAIRMAN'> };
  departmentName: string;
  departmentEmail: string | null;
  planDecisionNumber: string | null;
  reviewingUnit: string;
}

export interface ReportFileInputs {
  content: ReportContent;
  draft: ReportDraftContent;
  /** True when no draft was saved yet and `draft` is the prefilled outline. */
  prefilled: boolean;
  facts: ReportFileFacts;
}

/** A stored draft read back; anything else reads as no draft. */
export function parseDraft(text: string): ReportDraftContent | null {
  try {
    const v = JSON.parse(text) as Partial<ReportDraftContent>;
    return Array.isArray(v.sections) ? { sections: v.sections } : null;
  } catch {
    return null;
  }
}

export class ReportFiles {
  private readonly aggregation: ReportAggregation;

  constructor(private readonly db: DataSource) {
    this.aggregation = new ReportAggregation(db);
  }

  /** The draft the snapshot records (its stored JSON), or null. */
  async storedDraft(report: ReportRow): Promise<ReportDraftContent | null> {
    const id = report.snapshot?.draft.contentId;
    if (!id) return null;
    const rows: { content: string }[] = await this.db.query(`SELECT content FROM text_contents WHERE report_id = $1 AND id::text = $2`, [report.id, id]);
    return rows[0] ? parseDraft(rows[0].content) : null;
  }

  async inputs(report: ReportRow, today: string): Promise<ReportFileInputs> {
    const [content, plan, stored, signing] = await Promise.all([
      this.aggregation.content(report, today),
      this.aggregation.planFacts(report.commune, report.plan_id),
      this.storedDraft(report),
      this.signing(report),
    ]);
    return {
      content,
      draft: stored ?? prefilledDraft(content),
      prefilled: stored === null,
      facts: {
        communeName: plan!.communeName,
        signedOn: signing.on,
        signer: signing.signer,
        departmentName: plan!.settings.departmentName,
        departmentEmail: plan!.settings.departmentEmail,
        planDecisionNumber: plan!.decisionNumber,
        reviewingUnit: report.snapshot?.reviewingUnit ?? plan!.units.find((u) => u.reviewing)?.code ?? 'VHXH',
      },
    };
  }

  /**
   * Who signs: once approved, whoever gave the Chairman's approval (the trail's last APPROVED in the Chairman's or a
   * delegate's role), on that day; before, the commune's Chairman, undated.
   */
  private async signing(report: ReportRow): Promise<{ on: string | null; signer: ReportFileFacts['signer'] }> {
    const approved = report.status === 'APPROVED' || report.status === 'SUBMITTED';
    const rows: { actor_name: string | null; role: string; at: Date; chairman: string | null }[] = await this.db.query(
      `SELECT e.actor_name, e.role, e.at, c.full_name AS chairman
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT actor_name, role, at FROM audit_events
                          WHERE report_id = $1 AND type = 'APPROVED' AND role IN ('CHAIRMAN', 'VICE_CHAIRMAN') AND $3::boolean
                          ORDER BY seq DESC LIMIT 1) e ON true
       LEFT JOIN LATERAL (SELECT full_name FROM users WHERE commune = $2 AND active AND 'CHAIRMAN' = ANY (roles) ORDER BY created_at LIMIT 1) c ON true`,
      [report.id, report.commune, approved],
    );
    const r = rows[0];
    if (r?.actor_name && r.role) {
      return { on: communeDate(r.at), signer: { name: r.actor_name, role: r.role === 'VICE_CHAIRMAN' ? 'VICE_CHAIRMAN' : 'CHAIRMAN' } };
    }
    return { on: null, signer: { name: r?.chairman ?? '', role: 'CHAIRMAN' } };
  }
}
