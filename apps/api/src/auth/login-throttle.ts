import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule, ThrottlerModuleOptions } from '@nestjs/throttler';
import { Response } from 'express';
import { AppConfig } from '@app/config';
import { ApiError } from '../common/api-error';
import { APP_CONFIG } from '../common/config.provider';

/**
 * The account a login attempt is for, as the login compares it (the commune named, and the username): what a guesser
 * cannot vary to dodge the limit. Each commune's `admin` is another account, with its own count.
 */
function attemptedUsername(req: { body?: unknown }): string {
  const body = req.body as { username?: unknown; commune?: unknown } | undefined;
  const name = typeof body?.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
  const commune = typeof body?.commune === 'string' ? body.commune.trim().slice(0, 40) : '';
  return `${commune}/${name}`;
}

/**
 * Two limits on login attempts, both counted by @nestjs/throttler: per client address (one machine trying many
 * accounts) and per username (many machines trying one account). Every attempt counts, so the per-address limit
 * is well above the sign-ins of a whole office in a minute.
 */
export function loginThrottlerOptions(config: AppConfig): ThrottlerModuleOptions {
  const { windowSeconds, perUsername, perAddress } = config.loginThrottle;
  const ttl = windowSeconds * 1000;
  return {
    throttlers: [
      { name: 'address', ttl, limit: perAddress },
      { name: 'username', ttl, limit: perUsername, getTracker: (req) => `username:${attemptedUsername(req)}` },
    ],
  };
}

export const LoginThrottlerModule = ThrottlerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loginThrottlerOptions });

/** Applied to POST /auth/login only: too many attempts answer 429 RATE_LIMITED in Vietnamese, with Retry-After. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire);
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfterSeconds));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new ApiError(
      'RATE_LIMITED',
      `Đăng nhập quá nhiều lần, vui lòng thử lại sau ${retryAfterSeconds < 60 ? `${retryAfterSeconds} giây` : `${minutes} phút`}.`,
      { retryAfterSeconds },
    );
  }
}
