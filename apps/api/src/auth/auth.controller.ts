import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { AuthService, publicUser } from './auth.service';

class LoginDto {
  @ApiProperty({ example: 'kt.chuyenvien' }) @IsString() @MinLength(1) @MaxLength(100) username: string;
  @ApiProperty({ example: 'demo' }) @IsString() @MinLength(1) @MaxLength(200) password: string;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return publicUser(user);
  }
}
