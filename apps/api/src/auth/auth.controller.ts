import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../common/openapi';
import { AcrossCommunes, AuthUser, CurrentUser, Public } from '../common/current-user';
import { AuthService, publicUser } from './auth.service';
import { ChangePasswordDto, LoginDto } from './dto/login.dto';
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
    return this.auth.login(dto.username, dto.password, dto.commune);
  }

  @ApiBearerAuth()
  @AcrossCommunes()
  @Get('me')
  me(@CurrentUser() user: AuthUser) {
    return publicUser(user);
  }

  /** Everyone changes his own password, giving the current one. */
  @ApiBearerAuth()
  @AcrossCommunes()
  @Post('me/password')
  @HttpCode(204)
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
  }
}
