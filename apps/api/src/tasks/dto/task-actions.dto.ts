import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { UnitCode } from '@app/contracts';

/** A unit's code (units are data per commune; whether it exists is checked against the commune's units). */
const UNIT_CODE = /^[A-Za-z0-9_-]{1,32}$/;

export const MAX_DRAFT_CHARS = 200_000;

export class AssignDto {
  @ApiProperty() @IsString() @MaxLength(64) assigneeId: string;
  @ApiPropertyOptional({ description: 'Bước giao việc, hoặc bước soạn thảo khi giao lại' }) @IsOptional() @IsString() @MaxLength(200) stepId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class DraftDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(MAX_DRAFT_CHARS) content: string;
}

export class SubmitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() stepId?: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['approve', 'return'] }) @IsIn(['approve', 'return']) decision: 'approve' | 'return';
  @ApiPropertyOptional({ description: 'Bắt buộc khi trả lại' }) @IsOptional() @IsString() @MaxLength(4000) comment?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() stepId?: string;
}

export class ContributionRequestItem {
  @ApiProperty({ example: 'VP' }) @IsString() @Matches(UNIT_CODE) unit: UnitCode;
  @ApiPropertyOptional({ example: '2026-12-15' }) @IsOptional() @IsDateString({ strict: true }) dueAt?: string;
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
  @ApiProperty({ example: 'VP' }) @IsString() @Matches(UNIT_CODE) unit: UnitCode;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(MAX_DRAFT_CHARS) content: string;
}

export class ScheduleDto {
  @ApiProperty({ example: ['2026-12-15'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(24) @IsDateString({ strict: true }, { each: true }) dueDates: string[];
}

export class LeadUnitsDto {
  @ApiProperty({ example: ['KT'] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Matches(UNIT_CODE, { each: true }) units: UnitCode[];
}
