import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ROLES, UNIT_CODES } from '@app/contracts';

export class UserFilterDto {
  @ApiPropertyOptional({ enum: UNIT_CODES }) @IsOptional() @IsIn(UNIT_CODES as unknown as string[]) unit?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES as unknown as string[]) role?: string;
}
