import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class ListNotificationsDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only those not read yet' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}
