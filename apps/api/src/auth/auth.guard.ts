import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/api-error';
import { ACROSS_COMMUNES, IS_PUBLIC } from '../common/current-user';
import { AuthService } from './auth.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      // A public route may still say more to someone signed in (GET /config names his commune).
      if (token) req.user = (await this.auth.userFromToken(token).catch(() => null)) ?? undefined;
      return true;
    }
    if (!token) throw new ApiError('AUTH_REQUIRED', 'Vui lòng đăng nhập để tiếp tục.');
    const user = await this.auth.userFromToken(token);
    if (!user) throw new ApiError('AUTH_REQUIRED', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ, vui lòng đăng nhập lại.');
    // An account above the communes has no commune's work to do: only the routes made for it answer it.
    if (!user.commune && !this.reflector.getAllAndOverride<boolean>(ACROSS_COMMUNES, targets)) {
      throw new ApiError('FORBIDDEN', 'Tài khoản cấp thành phố không dùng chức năng này của xã/phường.');
    }
    req.user = user;
    return true;
  }
}
