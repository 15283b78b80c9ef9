import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/openapi';
import { AuthUser, CurrentUser, Public } from '../common/current-user';
import { AuthService, publicUser } from './auth.service';
import { LoginDto } from './dto/login.dto';
import { LoginThrottlerGuard } from './login-throttle';

@ApiTags('auth')
@ApiErrorResponses(400, 401, 413, 503)
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard)
  // A route's own error responses replace the default success entry: name it again.
  @ApiOkResponse({ description: '{ accessToken, user }' })
  @ApiErrorResponses(429)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return publicUser(user);
  }
}
