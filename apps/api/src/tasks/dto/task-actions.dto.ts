import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { UnitCode } from '@app/contracts';
import { IsCleanText } from '../../common/clean-text';
import { MAX_COMMENT_CHARS, MAX_DATE_CHARS, MAX_ID_CHARS } from '../../common/limits';

/** A unit's code (units are data per commune; whether it exists is checked against the commune's units). */
const UNIT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export const MAX_DRAFT_CHARS = 200_000;
export const MAX_NOTE_CHARS = 2000;

export class AssignDto {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) assigneeId: string;
  @ApiPropertyOptional({ description: 'Bước giao việc, hoặc bước soạn thảo khi giao lại' }) @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) stepId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_COMMENT_CHARS) note?: string;
}

export class DraftDto {
  @ApiProperty() @IsString() @IsCleanText() @MinLength(1) @MaxLength(MAX_DRAFT_CHARS) content: string;
}

export class SubmitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_NOTE_CHARS) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) stepId?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return']) decision: 'approve' | 'return';
  @ApiPropertyOptional({ description: 'Bắt buộc khi trả lại' }) @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_COMMENT_CHARS) comment?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) stepId?: string;
}

export class ContributionRequestItem {
  @ApiProperty({ example: 'VP' }) @IsString() @IsCleanText() @MaxLength(32) @Matches(UNIT_CODE) unit: UnitCode;
  @ApiPropertyOptional({ example: '2026-12-15' }) @IsOptional() @IsDateString({ strict: true }) @IsCleanText() @MaxLength(MAX_DATE_CHARS) dueAt?: string;
}

export class ContributionRequestDto {
  @ApiProperty({ type: [ContributionRequestItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ContributionRequestItem)
  requests: ContributionRequestItem[];
}

export class ContributeDto {
  @ApiProperty({ example: 'VP' }) @IsString() @IsCleanText() @MaxLength(32) @Matches(UNIT_CODE) unit: UnitCode;
  @ApiProperty() @IsString() @IsCleanText() @MinLength(1) @MaxLength(MAX_DRAFT_CHARS) content: string;
}

export class ScheduleDto {
  @ApiProperty({ example: ['2026-12-15'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @IsDateString({ strict: true }, { each: true })
  @IsCleanText({ each: true })
  @MaxLength(MAX_DATE_CHARS, { each: true })
  dueDates: string[];
}

export class LeadUnitsDto {
  @ApiProperty({ example: ['KT'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @IsCleanText({ each: true }) @MaxLength(32, { each: true }) @Matches(UNIT_CODE, { each: true }) units: UnitCode[];
}
