import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';
import { CALENDAR_DAYS_MAX, CALENDAR_KINDS } from '@app/domain';

/** One exception to Monday–Friday; whether it is sound (a Saturday, inside the year, …) is checked by the domain's rule. */
export class CalendarDayDto {
  @ApiProperty({ example: '2026-04-30' }) @IsString() @IsCleanText() @MaxLength(10) date: string;
  @ApiProperty({ enum: CALENDAR_KINDS }) @IsIn(CALENDAR_KINDS as unknown as string[]) kind: 'HOLIDAY' | 'WORKING_SATURDAY';
  @ApiProperty({ example: 'Ngày Giải phóng miền Nam, thống nhất đất nước' }) @IsString() @IsCleanText() @MaxLength(500) name: string;
}

export class PutCalendarDto {
  @ApiProperty({ type: [CalendarDayDto], description: 'Ngày nghỉ và thứ Bảy làm bù được tính' })
  @IsArray()
  @ArrayMaxSize(CALENDAR_DAYS_MAX)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  days: CalendarDayDto[];

  @ApiPropertyOptional({ type: [CalendarDayDto], description: 'Gợi ý chưa tính (ví dụ 24/11, Ngày Văn hóa Việt Nam)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CALENDAR_DAYS_MAX)
  @ValidateNested({ each: true })
  @Type(() => CalendarDayDto)
  suggestions?: CalendarDayDto[];
}

/** Working days are counted up to a year and a little ahead: the calendar is read for three years from `from`. */
export const WORKING_DAYS_ADD_MAX = 250;

export class WorkingDaysQueryDto {
  @ApiProperty({ example: '2026-02-13' }) @IsString() @IsCleanText() @MaxLength(10) from: string;
  @ApiProperty({ example: 3, description: 'Số ngày làm việc cộng thêm (0: chính ngày đó nếu là ngày làm việc, nếu không thì ngày làm việc kế tiếp)' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(WORKING_DAYS_ADD_MAX)
  add: number;
}
