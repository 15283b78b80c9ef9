import { Injectable } from '@nestjs/common';
import { addWorkingDays, calendarYearProblems, isIsoDate, normalizedCalendarDays } from '@app/domain';
import { ReadModel } from '@app/persistence';
import { forbidden, invalid, validation } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';
import { PutCalendarDto } from './dto/calendar.dto';

/** A commune's working-day calendar: one list of holidays and working Saturdays per year, edited by the admin. */
@Injectable()
export class CalendarService {
  constructor(private readonly readModel: ReadModel) {}

  private year(text: string): number {
    const year = Number(text);
    if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) throw validation('Năm phải là số có bốn chữ số, từ 2000 đến 2100.');
    return year;
  }

  async get(user: AuthUser, yearText: string) {
    const year = this.year(yearText);
    const y = await this.readModel.calendar.year(user.commune, year);
    return {
      year,
      days: y.days,
      suggestions: y.suggestions,
      defined: y.defined,
      updatedAt: y.updatedAt,
      updatedBy: y.updatedBy,
    };
  }

  async put(user: AuthUser, yearText: string, dto: PutCalendarDto) {
    if (!hasRole(user, 'ADMIN')) throw forbidden('Chỉ Quản trị hệ thống được sửa lịch làm việc.');
    const year = this.year(yearText);
    const lists = { days: dto.days, suggestions: dto.suggestions ?? [] };
    const problems = calendarYearProblems(year, lists);
    if (problems.length) throw invalid(problems);
    await this.readModel.calendar.replaceYear(
      user.commune,
      year,
      { days: normalizedCalendarDays(lists.days), suggestions: normalizedCalendarDays(lists.suggestions) },
      user.id,
    );
    return this.get(user, yearText);
  }

  /** The date `add` working days after `from` in the commune's calendar (libs/domain's addWorkingDays). */
  async addWorkingDays(user: AuthUser, from: string, add: number) {
    if (!isIsoDate(from)) throw validation('Ngày bắt đầu không hợp lệ: cần dạng YYYY-MM-DD, ví dụ 2026-02-13.');
    const year = Number(from.slice(0, 4));
    const calendar = await this.readModel.calendar.workingCalendar(user.commune, year, year + 2);
    return { date: addWorkingDays(from, add, calendar) };
  }
}
