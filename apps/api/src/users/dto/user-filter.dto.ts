import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsCleanText } from '../../common/clean-text';
import { ROLES } from '@app/contracts';

export class UserFilterDto {
  @ApiPropertyOptional({ example: 'KT' }) @IsOptional() @IsString() @IsCleanText() @MaxLength(32) @Matches(/^[A-Za-z0-9_-]{1,32}$/) unit?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: string;
  /** The admin's list: locked accounts too. */
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsIn([true, false])
  all?: boolean;
}
