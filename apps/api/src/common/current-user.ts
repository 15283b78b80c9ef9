import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { DelegationRef, Role, UnitCode } from '@app/contracts';

/** The authenticated user, as the JWT guard loaded it from the database. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  /**
   * The user's commune; '' for an account above the communes (SUPERADMIN, DEPARTMENT_VIEWER): no commune has that
   * code, and the guard lets such an account reach only the routes marked @AcrossCommunes().
   */
  commune: string;
  communeName: string | null;
  /** The province a DEPARTMENT_VIEWER is granted. */
  province: string | null;
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

export const ACROSS_COMMUNES = 'acrossCommunes';
/** Marks a route an account above the communes may call (its own profile, communes, the overview). */
export const AcrossCommunes = () => SetMetadata(ACROSS_COMMUNES, true);

/** The user as the domain's tenancy rules see him (libs/domain policy: mayCity, mayReadCommune). */
export const tenantActor = (u: AuthUser) => ({ commune: u.commune || null, roles: u.roles, province: u.province });

export const hasRole = (u: AuthUser, ...roles: Role[]) => u.roles.some((r) => roles.includes(r));
