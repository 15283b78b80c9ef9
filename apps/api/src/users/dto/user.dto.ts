import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { COMMUNE_ROLES, type CommuneRole } from '@app/contracts';
import { IsCleanText } from '../../common/clean-text';
import { PASSWORD_MIN_LENGTH } from '../../auth/dto/login.dto';

/** Lowercase letters, digits, dot, dash and underscore: what people type at the login, as the login compares it. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,49}$/;

export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'Nguyễn Thị Hoa' }) @IsOptional() @IsString() @IsCleanText() @MinLength(2) @MaxLength(120) fullName?: string;
  @ApiPropertyOptional({ example: 'hoa@an-lao.gov.vn', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail()
  @IsCleanText()
  @MaxLength(200)
  email?: string | null;
  @ApiPropertyOptional({ example: 'KT', nullable: true, description: 'Đơn vị của xã (null: lãnh đạo, quản trị)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString() @IsCleanText()
  @Matches(/^[A-Z][A-Z0-9_]{0,31}$/)
  @MaxLength(32)
  unit?: string | null;
  @ApiPropertyOptional({ enum: COMMUNE_ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMMUNE_ROLES.length)
  @IsIn(COMMUNE_ROLES as unknown as string[], { each: true })
  roles?: CommuneRole[];
  @ApiPropertyOptional({ description: 'false: khóa tài khoản (không đăng nhập được nữa)' }) @IsOptional() @IsBoolean() active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'kt.chuyenvien2' }) @IsString() @IsCleanText() @Matches(USERNAME_PATTERN) @MaxLength(50) username: string;
  @ApiProperty({ example: 'Nguyễn Thị Hoa' }) @IsString() @IsCleanText() @MinLength(2) @MaxLength(120) fullName: string;
  @ApiPropertyOptional({ example: 'hoa@an-lao.gov.vn' }) @IsOptional() @IsEmail() @IsCleanText() @MaxLength(200) email?: string;
  @ApiPropertyOptional({ example: 'KT' }) @IsOptional() @IsString() @IsCleanText() @Matches(/^[A-Z][A-Z0-9_]{0,31}$/) @MaxLength(32) unit?: string;
  @ApiProperty({ enum: COMMUNE_ROLES, isArray: true, example: ['STAFF'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(COMMUNE_ROLES.length)
  @IsIn(COMMUNE_ROLES as unknown as string[], { each: true })
  roles: CommuneRole[];
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @IsCleanText() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) password: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @IsCleanText() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) password: string;
}
