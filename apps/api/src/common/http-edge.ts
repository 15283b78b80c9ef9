import { NextFunction, Request, Response } from 'express';
import { ApiError, tooLarge } from './api-error';
import { CONTROL_CHARACTERS } from './clean-text';

function send(res: Response, error: ApiError): void {
  res.status(error.getStatus()).json(error.getResponse());
}

/**
 * First middleware: a path or query with control characters (`/tasks/%00`) or broken %-encoding is refused with
 * 400 VALIDATION before any route runs; PostgreSQL cannot even compare a NUL, which used to end in a 500.
 */
export function refuseControlCharactersInUrl(req: Request, res: Response, next: NextFunction): void {
  let url: string;
  try {
    url = decodeURIComponent(req.originalUrl ?? req.url);
  } catch {
    return send(res, new ApiError('VALIDATION', 'Địa chỉ yêu cầu không hợp lệ (mã hóa % sai).'));
  }
  if (CONTROL_CHARACTERS.test(url)) return send(res, new ApiError('VALIDATION', 'Địa chỉ yêu cầu chứa ký tự điều khiển không được phép.'));
  next();
}

/**
 * Right after the body parsers: what they refuse is the caller's mistake, in the contract's shape. Broken JSON used
 * to reach the router as an error and come back as 404 NOT_FOUND; a body over its limit named the attachment limit.
 */
export function bodyParserErrors(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: unknown; limit?: unknown; status?: unknown } | null;
  if (!e || typeof e !== 'object' || typeof e.type !== 'string') return next(err);
  switch (e.type) {
    case 'entity.parse.failed':
      return send(res, new ApiError('VALIDATION', 'Dữ liệu gửi lên không phải JSON hợp lệ.'));
    case 'entity.too.large':
      // Only the plan import takes text/plain.
      return send(res, tooLarge(req.is('text/plain') ? 'Văn bản kế hoạch' : 'Dữ liệu gửi lên', typeof e.limit === 'number' ? e.limit : 0));
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return send(res, new ApiError('VALIDATION', 'Bảng mã hoặc kiểu nén của dữ liệu gửi lên không được hỗ trợ; hãy gửi UTF-8.'));
    default:
      // request.aborted, request.size.invalid, …: the request itself was broken.
      if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
        return send(res, new ApiError('VALIDATION', 'Yêu cầu gửi lên không đọc được.'));
      }
      return next(err);
  }
}
