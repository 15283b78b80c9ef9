import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { maxAttachmentBytes } from '@app/config';
import { ApiError, tooLarge } from './api-error';
import { isDatabaseOutage, isTemporalOutage } from './outage';

const DATABASE_DOWN = new ApiError(
  'SERVICE_UNAVAILABLE',
  'Cơ sở dữ liệu tạm thời không truy cập được. Nếu bạn vừa thao tác, thao tác có thể đã được ghi nhận: vui lòng tải lại sau ít phút.',
  { service: 'database' },
);
const TEMPORAL_DOWN = new ApiError(
  'SERVICE_UNAVAILABLE',
  'Máy chủ quy trình (Temporal) tạm thời không truy cập được; vui lòng thử lại sau ít phút.',
  { service: 'temporal' },
);

/** Every error leaves in the contract's shape `{ code, message, details? }`, with a Vietnamese message. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (exception instanceof ApiError) {
      res.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse() as { code?: unknown };
      if (status >= 500 && typeof body === 'object' && typeof body.code === 'string') {
        res.status(status).json(body);
        return;
      }
      res.status(status).json(translate(status, exception));
      return;
    }
    // A service down is not a bug: 503 with a Vietnamese message, and a hint when to retry.
    const outage = isDatabaseOutage(exception) ? DATABASE_DOWN : isTemporalOutage(exception) ? TEMPORAL_DOWN : null;
    if (outage) {
      this.logger.warn(`${(outage.getResponse() as { details: { service: string } }).details.service}: ${(exception as Error)?.message}`);
      res.setHeader('Retry-After', '30');
      res.status(outage.getStatus()).json(outage.getResponse());
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại sau.' });
  }
}

function translate(status: number, e: HttpException) {
  const body = e.getResponse() as { message?: unknown };
  switch (status) {
    case 400:
      return { code: 'VALIDATION', message: 'Dữ liệu gửi lên không hợp lệ.', details: body?.message };
    case 401:
      return { code: 'AUTH_REQUIRED', message: 'Vui lòng đăng nhập.' };
    case 403:
      return { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này.' };
    case 404:
      return { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ hoặc dữ liệu yêu cầu.' };
    case 413:
      // Only the attachment upload lets multer's own 413 through (the plan upload and the body parsers name theirs).
      return tooLarge('Tệp', maxAttachmentBytes()).getResponse();
    default:
      return { code: status >= 500 ? 'INTERNAL' : 'VALIDATION', message: 'Yêu cầu không thực hiện được.' };
  }
}
