import { HttpException } from '@nestjs/common';
import { ErrorCode } from '@app/contracts';

const STATUS: Record<ErrorCode, number> = {
  AUTH_INVALID: 401,
  AUTH_REQUIRED: 401,
  FORBIDDEN: 403,
  NOT_YOUR_STEP: 403,
  SELF_APPROVAL: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  STEP_CLOSED: 409,
  CONFLICT: 409,
  PLAN_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
};

/** An error the user caused: a 4xx with a stable code and a Vietnamese sentence (api.md "Errors"). */
export class ApiError extends HttpException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super({ code, message, ...(details === undefined ? {} : { details }) }, STATUS[code]);
  }
}

export const notFound = (what = 'Không tìm thấy dữ liệu yêu cầu.') => new ApiError('NOT_FOUND', what);
export const forbidden = (msg = 'Bạn không có quyền thực hiện thao tác này.') => new ApiError('FORBIDDEN', msg);
export const validation = (msg: string, details?: unknown) => new ApiError('VALIDATION', msg, details);

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

/** 400 VALIDATION for the problems a domain rule found: the first one as the message, all of them as details. */
export function invalid(problems: { field: string; message: string }[]): ApiError {
  const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
  return validation(`${problems[0].message}${more}`, problems);
}
