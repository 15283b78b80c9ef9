import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TASK_STATUSES, UNIT_CODES } from '@app/contracts';

export class TaskFilterDto {
  @ApiPropertyOptional({ example: 'I' }) @IsOptional() @IsIn(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII']) group?: string;
  @ApiPropertyOptional({ enum: UNIT_CODES }) @IsOptional() @IsIn(UNIT_CODES as unknown as string[]) unit?: string;
  @ApiPropertyOptional({ enum: TASK_STATUSES }) @IsOptional() @IsIn(TASK_STATUSES as unknown as string[]) status?: string;
}
