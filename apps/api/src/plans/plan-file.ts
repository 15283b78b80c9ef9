import { Request } from 'express';
import { ApiError, forbidden } from '../common/api-error';
import { AuthUser, hasRole } from '../common/current-user';

/** What plans and amendments share at the edge: the file of a request, its size limit, and who may send one. */

/** A plan document is text: 5 MB is far above the largest real one (the An Lão plan is 30 kB). */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** Plans are imported, activated and amended by the CCHC coordinator or an administrator. */
export function requirePlanManager(user: AuthUser, message: string): void {
  if (!hasRole(user, 'COORDINATOR', 'ADMIN')) throw forbidden(message);
}

/**
 * The plan file of a request, as bytes: a multipart field "file" (Word, Excel or text: told by its content), or the
 * plan's text itself (text/plain).
 */
export function planFileBytes(req: Request, file?: Express.Multer.File): Uint8Array {
  if (file) return file.buffer;
  if (typeof req.body === 'string') return Buffer.from(req.body, 'utf8');
  throw new ApiError('VALIDATION', 'Hãy gửi nội dung kế hoạch dạng văn bản (text/plain) hoặc tệp trong trường "file".');
}
