import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { REPORT_PERIODS, type ReportPeriod } from '@app/contracts';
import { INPUT_LIMITS } from '@app/domain';
import { IsCleanText } from '../../common/clean-text';
import { MAX_COMMENT_CHARS, MAX_ID_CHARS } from '../../common/limits';

export const MAX_SECTION_CHARS = 50_000;

export class OpenReportDto {
  @ApiProperty({ enum: REPORT_PERIODS, example: 'Q4' }) @IsIn(REPORT_PERIODS as unknown as string[]) period: ReportPeriod;
}

export class ReportListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) planId?: string;
}

export class TaskProgressDto {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) taskId: string;
  @ApiProperty({ example: 'Đã ban hành Quyết định số 15/QĐ-UBND' }) @IsString() @IsCleanText() @MaxLength(INPUT_LIMITS.progress) progress: string;
  @ApiProperty({ example: '' }) @IsString() @IsCleanText() @MaxLength(INPUT_LIMITS.note) note: string;
}

export class UnitInputDto {
  @ApiProperty({ example: 'Đơn vị đã triển khai …' }) @IsString() @IsCleanText() @MaxLength(INPUT_LIMITS.narrative) narrative: string;
  @ApiProperty({ type: [TaskProgressDto] })
  @IsArray()
  @ArrayMaxSize(INPUT_LIMITS.tasks)
  @ValidateNested({ each: true })
  @Type(() => TaskProgressDto)
  taskProgress: TaskProgressDto[];
  @ApiProperty({ example: { dossiersReceived: 1241, dossiersOnTime: 1231 }, description: 'Số liệu đơn vị phụ trách; null: chưa có' })
  @IsObject()
  figures: Record<string, number | null>;
}

export class NoteDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_COMMENT_CHARS) note?: string;
}

export class ReportDecisionDto {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return']) decision: 'approve' | 'return';
  @ApiPropertyOptional({ description: 'Bắt buộc khi trả lại' }) @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_COMMENT_CHARS) comment?: string;
}

export class DraftSubsectionDto {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(64) @Matches(/^[A-Za-z0-9_-]+$/) key: string;
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(500) title: string;
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(MAX_SECTION_CHARS) text: string;
}

export class DraftSectionDto extends DraftSubsectionDto {
  @ApiPropertyOptional({ type: [DraftSubsectionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DraftSubsectionDto)
  subsections?: DraftSubsectionDto[];
}

export class ReportDraftDto {
  @ApiProperty({ type: [DraftSectionDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DraftSectionDto)
  sections: DraftSectionDto[];
}

export class ReopenDto {
  @ApiProperty({ example: 'Sở Nội vụ đề nghị bổ sung số liệu dịch vụ công trực tuyến' })
  @IsString()
  @IsCleanText()
  @MinLength(1)
  @MaxLength(MAX_COMMENT_CHARS)
  reason: string;
}

