import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class BulkApproveItem {
  @ApiProperty() @IsString() @MaxLength(64) taskId: string;
  @ApiProperty({ description: 'Bước mà người duyệt đã thấy trong Hộp việc' }) @IsString() @MaxLength(200) stepId: string;
}

export class BulkApproveDto {
  @ApiProperty({ type: [BulkApproveItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BulkApproveItem)
  items: BulkApproveItem[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}
