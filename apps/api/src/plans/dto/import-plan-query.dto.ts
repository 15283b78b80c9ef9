import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '@app/persistence';

const YEAR_RANGE = { vi: `phải là năm từ ${PLAN_YEAR_MIN} đến ${PLAN_YEAR_MAX}` };

export class ImportPlanQueryDto {
  @ApiPropertyOptional({
    description: 'Năm của kế hoạch, khi văn bản không ghi (hoặc để ghi đè năm trong văn bản)',
    minimum: PLAN_YEAR_MIN,
    maximum: PLAN_YEAR_MAX,
    example: 2026,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: YEAR_RANGE })
  @Min(PLAN_YEAR_MIN, { context: YEAR_RANGE })
  @Max(PLAN_YEAR_MAX, { context: YEAR_RANGE })
  year?: number;
}
