import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ESCALATION_TARGETS, REPORT_PERIODS, type EscalationTarget, type ReportPeriod } from '@app/contracts';
import { IsCleanText } from '../../common/clean-text';

// Shapes only: ranges, order and known values are the domain's rules (checkDeadlineSettings, checkReportSettings),
// whose messages say what is wrong in the words of the settings page.

export class EscalationRungDto {
  @ApiProperty({ example: 2, description: 'Số ngày làm việc sau hạn (0 = ngay ngày đến hạn)' }) @IsInt() afterWorkingDays: number;
  @ApiProperty({ enum: ESCALATION_TARGETS, isArray: true, example: ['COORDINATOR'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsCleanText({ each: true })
  @MaxLength(20, { each: true })
  to: EscalationTarget[];
}

export class DeadlineSettingsDto {
  @ApiProperty({ example: 2 }) @IsInt() approvalSlaWorkingDays: number;
  @ApiProperty({ example: 3 }) @IsInt() contributionLeadWorkingDays: number;
  @ApiProperty({ example: [3, 1], type: [Number] }) @IsArray() @ArrayMaxSize(10) @IsInt({ each: true }) remindBeforeWorkingDays: number[];
  @ApiProperty({ type: [EscalationRungDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationRungDto)
  escalation: EscalationRungDto[];
}

export class ReportSettingsDto {
  @ApiProperty({ enum: REPORT_PERIODS, isArray: true, example: ['Q1', 'Q2', 'Q3', 'YEAR'] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @IsCleanText({ each: true })
  @MaxLength(10, { each: true })
  periods: ReportPeriod[];
  @ApiProperty({ example: 5, description: 'Đơn vị gửi báo cáo trước ngày này của tháng cuối kỳ' }) @IsInt() unitInputDueDay: number;
  @ApiProperty({ example: 10, description: 'Xã gửi báo cáo trước ngày này của tháng cuối kỳ' }) @IsInt() communeDueDay: number;
  @ApiPropertyOptional({ example: null, nullable: true, description: 'Số liệu tính đến hết ngày này của tháng cuối kỳ; trống: đến ngày lập báo cáo' })
  @IsOptional()
  @IsInt()
  dataCutoffDay?: number | null;
  @ApiPropertyOptional({ example: 10, description: 'Mở báo cáo kỳ này trước hạn gửi của đơn vị bao nhiêu ngày làm việc (0–40; trống: 10)' })
  @IsOptional()
  @IsInt()
  openLeadWorkingDays?: number;
  @ApiProperty({ example: 'Sở Nội vụ thành phố Hải Phòng' }) @IsString() @IsCleanText() @MaxLength(500) departmentName: string;
  @ApiPropertyOptional({ example: 'vanthu.snv@haiphong.gov.vn', nullable: true }) @IsOptional() @IsString() @IsCleanText() @MaxLength(320) departmentEmail?: string | null;
}
