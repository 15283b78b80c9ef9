import { Injectable, Logger } from '@nestjs/common';
import { ensureDigestSchedule } from '@app/notifications';
import { mayCity } from '@app/domain';
import { ReadModel, seedCalendar, seedCommune } from '@app/persistence';
import { ApiError, forbidden } from '../common/api-error';
import { AuthUser, tenantActor } from '../common/current-user';
import { hashPassword } from '../auth/auth.service';
import { TemporalService } from '../temporal/temporal.service';
import type { CreateCommuneDto } from './dto/commune.dto';

/** The communes of the deployment: the SUPERADMIN creates each one with its unit directory, calendar and first ADMIN. */
@Injectable()
export class CommunesService {
  private readonly logger = new Logger('CommunesService');

  constructor(
    private readonly readModel: ReadModel,
    private readonly temporal: TemporalService,
  ) {}

  /** For the login page: which communes one can sign in to. */
  async forLogin() {
    return (await this.readModel.communes.list()).map((c) => ({ code: c.code, name: c.name }));
  }

  async list(user: AuthUser) {
    this.requireSuperadmin(user);
    return (await this.readModel.communes.list()).map((c) => ({ code: c.code, name: c.name, province: c.province }));
  }

  async create(user: AuthUser, dto: CreateCommuneDto) {
    this.requireSuperadmin(user);
    const passwordHash = await hashPassword(dto.admin.password);
    const created = await this.readModel.db.transaction(async (m) => {
      if (!(await this.readModel.communes.create(m, { code: dto.code, name: dto.name.trim(), province: dto.province.trim() }))) return false;
      await seedCommune(m, dto.code);
      await this.readModel.users.create(m, dto.code, {
        username: dto.admin.username,
        fullName: dto.admin.fullName.trim(),
        email: null,
        unit: null,
        roles: ['ADMIN'],
        passwordHash,
      });
      return true;
    });
    if (!created) throw new ApiError('CONFLICT', `Mã xã/phường ${dto.code} đã có trong hệ thống.`, { field: 'code' });
    // The shipped working-day calendars; the commune's admin corrects them on "Lịch làm việc".
    await seedCalendar(this.readModel.db, dto.code);
    // Its coordinator's daily digest from the first morning, not from the next worker start. The commune exists
    // either way: with Temporal unreachable now, the next worker start creates the schedule.
    await ensureDigestSchedule(this.temporal.client, dto.code, this.temporal.config.taskQueue).catch((err: Error) =>
      this.logger.warn(`Chưa tạo được lịch gửi tin tổng hợp hằng ngày cho ${dto.code}: ${err.message}`),
    );
    return { code: dto.code, name: dto.name.trim() };
  }

  private requireSuperadmin(user: AuthUser): void {
    if (!mayCity(tenantActor(user), 'manageCommunes')) throw forbidden('Chỉ quản trị toàn hệ thống mới được quản lý xã/phường.');
  }
}
