import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsCleanText } from '../../common/clean-text';

export class LoginDto {
  @ApiProperty({ example: 'kt.chuyenvien' }) @IsString() @IsCleanText() @MinLength(1) @MaxLength(100) username: string;
  @ApiProperty({ example: 'demo' }) @IsString() @IsCleanText() @MinLength(1) @MaxLength(200) password: string;
}
