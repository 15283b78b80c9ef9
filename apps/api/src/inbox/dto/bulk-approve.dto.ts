import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';
import { MAX_COMMENT_CHARS, MAX_ID_CHARS } from '../../common/limits';

export class BulkApproveItem {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) taskId: string;
  @ApiProperty({ description: 'Bước mà người duyệt đã thấy trong Hộp việc' }) @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) stepId: string;
}

export class BulkApproveDto {
  @ApiProperty({ type: [BulkApproveItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BulkApproveItem)
  items: BulkApproveItem[];
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_COMMENT_CHARS) comment?: string;
}
