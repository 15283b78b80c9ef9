import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';
import { MAX_COMMENT_CHARS, MAX_ID_CHARS } from '../../common/limits';

export class BulkApproveDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @IsCleanText({ each: true })
  @MaxLength(MAX_ID_CHARS, { each: true })
  taskIds: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @IsCleanText() @MaxLength(MAX_COMMENT_CHARS) comment?: string;
}
