import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PASSWORD_MIN_LENGTH } from '../../auth/dto/login.dto';
import { IsCleanText } from '../../common/clean-text';
import { USERNAME_PATTERN } from '../../users/dto/user.dto';

export class CommuneAdminDto {
  @ApiProperty({ example: 'admin' }) @IsString() @IsCleanText() @Matches(USERNAME_PATTERN) @MaxLength(50) username: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @IsCleanText() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) password: string;
  @ApiProperty({ example: 'Nguyễn Văn An' }) @IsString() @IsCleanText() @MinLength(2) @MaxLength(120) fullName: string;
}

export class CreateCommuneDto {
  @ApiProperty({ example: 'kien-thuy', description: 'Mã xã/phường: chữ thường không dấu, số, dấu gạch ngang; có trong mã mọi quy trình' })
  @IsString() @IsCleanText()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  @MaxLength(40)
  code: string;
  @ApiProperty({ example: 'Xã Kiến Thụy' }) @IsString() @IsCleanText() @MinLength(2) @MaxLength(120) name: string;
  @ApiProperty({ example: 'Hải Phòng' }) @IsString() @IsCleanText() @MinLength(2) @MaxLength(120) province: string;
  @ApiProperty({ type: CommuneAdminDto }) @ValidateNested() @Type(() => CommuneAdminDto) admin: CommuneAdminDto;
}

export class OverviewQueryDto {
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}
