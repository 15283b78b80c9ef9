import { Injectable } from '@nestjs/common';
import { checkDeadlineSettings, checkReportSettings } from '@app/domain';
import { ReadModel } from '@app/persistence';
import { forbidden, invalid } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';
import { DeadlineSettingsDto, ReportSettingsDto } from './dto/settings.dto';

/** A commune's settings: deadlines (SLA, reminders, the escalation ladder) and reports; defaults until saved. */
@Injectable()
export class SettingsService {
  constructor(private readonly readModel: ReadModel) {}

  private mayEdit(user: AuthUser, what: string) {
    if (!hasRole(user, 'ADMIN', 'COORDINATOR')) throw forbidden(`Chỉ Quản trị hệ thống hoặc cán bộ đầu mối CCHC được sửa ${what}.`);
  }

  async deadlines(user: AuthUser) {
    return (await this.readModel.settings.get(user.commune, 'deadlines')).value;
  }

  async putDeadlines(user: AuthUser, dto: DeadlineSettingsDto) {
    this.mayEdit(user, 'cài đặt thời hạn');
    const { value, problems } = checkDeadlineSettings(dto);
    if (problems.length) throw invalid(problems);
    await this.readModel.settings.put(user.commune, 'deadlines', value, user.id);
    return this.deadlines(user);
  }

  async reports(user: AuthUser) {
    return (await this.readModel.settings.get(user.commune, 'reports')).value;
  }

  async putReports(user: AuthUser, dto: ReportSettingsDto) {
    this.mayEdit(user, 'cài đặt báo cáo');
    const { value, problems } = checkReportSettings({ ...dto, dataCutoffDay: dto.dataCutoffDay ?? null, departmentEmail: dto.departmentEmail ?? null });
    if (problems.length) throw invalid(problems);
    await this.readModel.settings.put(user.commune, 'reports', value, user.id);
    return this.reports(user);
  }
}
