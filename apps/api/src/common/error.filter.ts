import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Response } from 'express';
import { maxAttachmentBytes } from '@app/config';
import { ApiError } from './api-error';

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
    case 413: {
      const limit = maxAttachmentBytes();
      return {
        code: 'PAYLOAD_TOO_LARGE',
        message: `Tệp vượt quá dung lượng cho phép (tối đa ${(limit / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB).`,
        details: { maxBytes: limit },
      };
    }
    default:
      return { code: status >= 500 ? 'INTERNAL' : 'VALIDATION', message: 'Yêu cầu không thực hiện được.' };
  }
}
