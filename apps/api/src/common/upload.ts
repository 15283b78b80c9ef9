import { CallHandler, ExecutionContext, HttpException, Injectable, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { ApiError, tooLarge } from './api-error';

/**
 * FileInterceptor for one file with its own size limit, whose 413 names that limit ("Kế hoạch … tối đa 5 MB"), not
 * the attachment limit the global filter knows; a multipart body the parser cannot read is a 400, never a 500.
 */
export function SingleFileUpload(field: string, maxBytes: number, what: string): Type<NestInterceptor> {
  const Multer = FileInterceptor(field, { limits: { fileSize: maxBytes, files: 1 } });

  @Injectable()
  class LimitedUpload extends Multer {
    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (e) {
        if (e instanceof PayloadTooLargeException) throw tooLarge(what, maxBytes);
        if (e instanceof HttpException) throw e;
        throw new ApiError('VALIDATION', 'Dữ liệu multipart gửi lên không đọc được.');
      }
    }
  }
  return mixin(LimitedUpload);
}
