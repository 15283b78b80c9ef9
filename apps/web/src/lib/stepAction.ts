/** Running an action on a task step: the busy flag, and what the user sees when it fails. */
import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import type { NoticeState } from '../components/Feedback';

export const STEP_CLOSED_TEXT =
  'Bước này đã được xử lý (có thể bởi người khác, hoặc do bấm hai lần). Dữ liệu đã được làm mới.';

/** Whether the API refused because the step was already handled. */
export function isStepClosed(err: unknown): boolean {
  return err instanceof ApiError && err.code === 'STEP_CLOSED';
}

/** The message for a failed action; a closed step gets the explanation the user needs. */
export function actionError(err: unknown): string {
  if (isStepClosed(err)) return STEP_CLOSED_TEXT;
  return errorMessage(err);
}

/**
 * `run(action)` sets `busy` while the action runs. A failure shows as an error notice; with `onStale`, a closed
 * step goes there instead (the caller reloads). `onError` runs first on any failure (e.g. to close a dialog).
 * `message` turns the error into the notice's text (default: {@link actionError}).
 */
export function useStepAction({
  setNotice,
  onStale,
  message = actionError,
}: {
  setNotice: (notice: NoticeState | null) => void;
  onStale?: (message: string) => void;
  message?: (err: unknown) => string;
}) {
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>, onError?: () => void): Promise<void> => {
    setBusy(true);
    try {
      await action();
    } catch (err) {
      onError?.();
      if (onStale && isStepClosed(err)) onStale(STEP_CLOSED_TEXT);
      else setNotice({ kind: 'error', text: message(err) });
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
