import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { ROLES } from '@app/contracts';

export class UserFilterDto {
  @ApiPropertyOptional({ example: 'KT' }) @IsOptional() @Matches(/^[A-Za-z0-9_-]{1,32}$/) unit?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: string;
}
