/**
 * Activities of the report workflow, and the plan's reportsToOpen: the read model and the trail (written idempotently
 * in one statement, as for tasks), who is told (the notifier), and the sending to Sở Nội vụ: both files built from
 * the report's current content and e-mailed once per submission, whatever the retries.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { PlanActivities, ReportActivities } from '@app/contracts';
import { communeDate } from '@app/domain';
import { renderCommuneReport, DOCX_MIME, XLSX_MIME } from '@app/documents';
import type { Notifier } from '@app/notifications';
import { DeadlineRulesReadModel, ReportChangeWriter, ReportFiles, ReportOpenings, ReportReadModel } from '@app/persistence';

function heartbeat(): void {
  try {
    Context.current().heartbeat();
  } catch {
    // outside an activity (direct calls in tests)
  }
}

export function createReportActivities(ds: DataSource, notifier: Notifier): ReportActivities & Pick<PlanActivities, 'reportsToOpen'> {
  const writer = new ReportChangeWriter(ds);
  const reports = new ReportReadModel(ds);
  const files = new ReportFiles(ds);
  const openings = new ReportOpenings(ds);
  const rules = new DeadlineRulesReadModel(ds);
  return {
    applyReportChange: (change) => writer.apply(change),
    async notifyReportEvent(change) {
      await notifier.reportEvent(change, heartbeat);
    },
    async reportsToOpen({ commune, planId, year }) {
      const { calendar } = await rules.of(commune, `${year}-07-01`);
      return openings.of({ commune, planId, year }, calendar);
    },
    async sendReport({ commune, reportId, workflowId, sentBy, submission }) {
      const report = await reports.find(commune, reportId);
      if (!report) throw ApplicationFailure.create({ type: 'NOT_FOUND', message: 'Không tìm thấy báo cáo.', nonRetryable: true });
      const sources = await files.inputs(report, communeDate(Date.now()));
      const email = sources.facts.departmentEmail;
      if (!email) {
        throw ApplicationFailure.create({
          type: 'REPORT_NO_DEPARTMENT_EMAIL',
          message: 'Chưa có địa chỉ thư điện tử của Sở Nội vụ trong cài đặt báo cáo.',
          nonRetryable: true,
        });
      }
      const rendered = await renderCommuneReport(sources);
      heartbeat();
      const key = `${workflowId}#submission#${submission}`;
      const sent = await notifier.reportSubmission({
        key,
        commune,
        reportId,
        department: { name: sources.facts.departmentName, email },
        period: report.period,
        year: report.year,
        sentBy: sentBy.fullName,
        attachments: [
          { filename: rendered.docxName, contentType: DOCX_MIME, content: rendered.docx },
          { filename: rendered.xlsxName, contentType: XLSX_MIME, content: rendered.xlsx },
        ],
      });
      if (sent.refused) {
        throw ApplicationFailure.create({ type: 'MAIL_REFUSED', message: `Máy chủ thư từ chối gửi tới ${email}.`, nonRetryable: true });
      }
      const rows: { at: Date }[] = await ds.query(`SELECT coalesce(sent_at, created_at) AS at FROM outbound_messages WHERE idempotency_key = $1`, [key]);
      return { to: sent.to, messageId: sent.messageId, at: (rows[0]?.at ?? new Date()).toISOString() };
    },
  };
}
