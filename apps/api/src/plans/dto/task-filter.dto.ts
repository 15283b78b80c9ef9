import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';
import { TASK_STATUSES } from '@app/contracts';

export class TaskFilterDto {
  @ApiPropertyOptional({ example: 'I' }) @IsOptional() @IsIn(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']) group?: string;
  @ApiPropertyOptional({ example: 'KT' }) @IsOptional() @IsString() @IsCleanText() @MaxLength(32) @Matches(/^[A-Za-z0-9_-]{1,32}$/) unit?: string;
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @IsOptional() @IsIn(TASK_STATUSES as unknown as string[]) status?: string;
}
