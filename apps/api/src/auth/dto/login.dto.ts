import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';

export class LoginDto {
  /** The commune's code; may be left out when the username is unique in the deployment. */
  @ApiPropertyOptional({ example: 'an-lao' }) @IsOptional() @IsString() @IsCleanText() @MaxLength(40) commune?: string;
  @ApiProperty({ example: 'kt.chuyenvien' }) @IsString() @IsCleanText() @MinLength(1) @MaxLength(100) username: string;
  @ApiProperty({ example: 'demo' }) @IsString() @IsCleanText() @MinLength(1) @MaxLength(200) password: string;
}

/** At least 8 characters: the rule for every password a person sets (his own, or the admin's reset). */
export const PASSWORD_MIN_LENGTH = 8;

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsCleanText() @MinLength(1) @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH }) @IsString() @IsCleanText() @MinLength(PASSWORD_MIN_LENGTH) @MaxLength(200) newPassword: string;
}
