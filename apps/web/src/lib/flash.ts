import type { NoticeState } from '../components/Feedback';

/** A message carried to the next page (e.g. "Đã duyệt" shown on the inbox after approving from a task page). */
let pending: NoticeState | null = null;

export function setFlash(notice: NoticeState): void {
  pending = notice;
}

/** Read without clearing (state initialisers may run twice); the page clears it once mounted. */
export function peekFlash(): NoticeState | null {
  return pending;
}

export function clearFlash(): void {
  pending = null;
}
