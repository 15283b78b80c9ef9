import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { UNIT_KINDS, type UnitKind } from '@app/contracts';
import { IsCleanText } from '../../common/clean-text';

const MAX_NAME = 200;

export class UpdateUnitDto {
  @ApiProperty({ example: 'Phòng Kinh tế' })
  @IsString()
  @IsCleanText()
  @MinLength(2)
  @MaxLength(MAX_NAME)
  name: string;

  @ApiProperty({ example: ['Phòng KT', 'Phòng Kinh tế - Hạ tầng'], description: 'Các cách gọi khác của đơn vị trong kế hoạch' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsCleanText({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(MAX_NAME, { each: true })
  aliases: string[];

  @ApiProperty({ enum: UNIT_KINDS, description: 'INTERNAL: đơn vị thuộc UBND xã; EXTERNAL: cơ quan ngoài xã' })
  @IsIn(UNIT_KINDS as unknown as string[])
  kind: UnitKind;

  @ApiPropertyOptional({ description: 'Đơn vị thẩm định (cấp Phòng Văn hóa - Xã hội); mỗi xã đúng một đơn vị' })
  @IsOptional()
  @IsBoolean()
  reviewing?: boolean;
}

export class CreateUnitDto extends UpdateUnitDto {
  @ApiProperty({ example: 'HND', description: 'Mã đơn vị: chữ in hoa không dấu, số và dấu gạch dưới' })
  @IsString()
  @IsCleanText()
  @MaxLength(32)
  @Matches(/^[A-Z][A-Z0-9_]{0,31}$/)
  code: string;
}

export class UnitAliasDto {
  @ApiProperty({ example: 'Hội Nông dân xã', description: 'Cách gọi trong kế hoạch được ghi nhận là của đơn vị này' })
  @IsString()
  @IsCleanText()
  @MinLength(1)
  @MaxLength(MAX_NAME)
  alias: string;
}
