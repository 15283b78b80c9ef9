import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { DelegationRef, Role, UnitCode } from '@app/contracts';

/** The authenticated user, as the JWT guard loaded it from the database. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  commune: string;
  unit: UnitCode | null;
  unitName?: string | null;
  roles: Role[];
  /** The Chairman's delegation a Vice Chairman holds today (loaded with the session). */
  delegation?: DelegationRef;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user);

export const IS_PUBLIC = 'isPublic';
/** Marks a route that needs no token (login, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const hasRole = (u: AuthUser, ...roles: Role[]) => u.roles.some((r) => roles.includes(r));
