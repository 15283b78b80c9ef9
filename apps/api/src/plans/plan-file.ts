import { Request } from 'express';
import { ApiError, forbidden } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';

/** What plans and amendments share at the edge: the file of a request, its size limit, and who may send one. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** Plans are imported, activated and amended by the CCHC coordinator or an administrator. */
export function requirePlanManager(user: AuthUser, message: string): void {
  if (!hasRole(user, 'COORDINATOR', 'ADMIN')) throw forbidden(message);
}

/**
 * The plan file of a request, as bytes: a multipart field "file" (.docx, .xlsx or text; the format is told by the
 * content), or a text/plain body.
 */
export function planFileBytes(req: Request, file?: Express.Multer.File): Uint8Array {
  if (file) return file.buffer;
  if (typeof req.body === 'string') return Buffer.from(req.body, 'utf8');
  throw new ApiError('VALIDATION', 'Hãy gửi tệp kế hoạch trong trường "file" (Word .docx, Excel .xlsx hoặc văn bản), hoặc nội dung dạng văn bản (text/plain).');
}
