import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const ONE_LINE = /^[^\u0000-\u001f\u007f]*$/;
/** Multi-line text a person wrote: line breaks and tabs, no other control characters. */
const TEXT = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** The decision that amends the plan, as it is cited: "Quyết định số 45/QĐ-UBND ngày 10/11/2026". */
export class PlanAmendmentDto {
  @ApiProperty({ example: 'Quyết định số 45/QĐ-UBND ngày 10/11/2026 của Chủ tịch UBND xã' })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(5)
  @MaxLength(500)
  @Matches(ONE_LINE)
  decision: string;
}

/** One task edited on the board: new content, product or deadline phrase, or its withdrawal; always with the decision. */
export class TaskAmendmentDto extends PlanAmendmentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(3) @MaxLength(4000) @Matches(TEXT) content?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) @Matches(TEXT) product?: string;
  @ApiPropertyOptional({ example: 'Trước 30/11/2026', description: 'Thời hạn ghi như trong kế hoạch' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  @Matches(ONE_LINE)
  deadline?: string;
  @ApiPropertyOptional({ description: 'Rút nhiệm vụ khỏi kế hoạch' }) @IsOptional() @IsBoolean() withdraw?: boolean;
}
