import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsString } from 'class-validator';

export class CreateDelegationDto {
  @ApiProperty() @IsString() toUserId: string;
  @ApiProperty({ example: '2026-11-26' }) @IsDateString({ strict: true }) from: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) until: string;
}
