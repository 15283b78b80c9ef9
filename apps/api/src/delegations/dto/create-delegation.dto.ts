import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, IsString, MaxLength } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';
import { MAX_DATE_CHARS, MAX_ID_CHARS } from '../../common/limits';

export class CreateDelegationDto {
  @ApiProperty() @IsString() @IsCleanText() @MaxLength(MAX_ID_CHARS) toUserId: string;
  @ApiProperty({ example: '2026-11-26' }) @IsDateString({ strict: true }) @IsCleanText() @MaxLength(MAX_DATE_CHARS) from: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDateString({ strict: true }) @IsCleanText() @MaxLength(MAX_DATE_CHARS) until: string;
}
