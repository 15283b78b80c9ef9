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
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * An error the user caused: a 4xx with a stable code and a Vietnamese sentence (api.md "Errors"); or
 * SERVICE_UNAVAILABLE (503) when a service the API needs is down, which is not a bug of ours either.
 */
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

/** "10 MB", "2 MB", "512 kB": a size limit as a person reads it. */
export function sizeLabel(bytes: number): string {
  const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${fmt(bytes / 1024 / 1024)} MB` : `${fmt(bytes / 1024)} kB`;
}

/** 413 PAYLOAD_TOO_LARGE naming the limit that applies to what was sent. */
export function tooLarge(what: string, maxBytes: number): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', `${what} vượt quá dung lượng cho phép (tối đa ${sizeLabel(maxBytes)}).`, { maxBytes });
}
