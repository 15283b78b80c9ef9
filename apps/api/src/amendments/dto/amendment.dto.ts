import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';

/** The decision that amends the plan, as it is cited: "Quyết định số 45/QĐ-UBND ngày 10/11/2026". */
export class PlanAmendmentDto {
  @ApiProperty({ example: 'Quyết định số 45/QĐ-UBND ngày 10/11/2026 của Chủ tịch UBND xã' })
  @IsString()
  @IsCleanText()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(5)
  @MaxLength(500)
  decision: string;
}

/** One task edited on the board: new content, product or deadline phrase, or its withdrawal; always with the decision. */
export class TaskAmendmentDto extends PlanAmendmentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MinLength(3) @MaxLength(4000) content?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MinLength(1) @MaxLength(2000) product?: string;
  @ApiPropertyOptional({ example: 'Trước 30/11/2026', description: 'Thời hạn ghi như trong kế hoạch' })
  @IsOptional()
  @IsString()
  @IsCleanText()
  @MinLength(2)
  @MaxLength(500)
  deadline?: string;
  @ApiPropertyOptional({ description: 'Rút nhiệm vụ khỏi kế hoạch' }) @IsOptional() @IsBoolean() withdraw?: boolean;
}
