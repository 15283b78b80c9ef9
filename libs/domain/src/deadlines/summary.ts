/**
 * A commune's tasks summed up by status word (the city overview, the reports): counts per word, the overdue count
 * and the on-time rate, both against the original deadline as the status words count it.
 */
import { STATUS_WORDS, type StatusWord } from './status-word';

export interface StatusSummary {
  total: number;
  byWord: Record<StatusWord, number>;
  /** Tasks running past their date. */
  overdue: number;
  /**
   * Completed on time, out of the tasks that are completed or already late; null while none is. A task still within
   * its date counts neither way.
   */
  onTimeRate: number | null;
}

export function summarizeStatusWords(words: readonly StatusWord[]): StatusSummary {
  const byWord = Object.fromEntries(Object.keys(STATUS_WORDS).map((k) => [k, 0])) as Record<StatusWord, number>;
  for (const w of words) byWord[w] += 1;
  const judged = byWord.DONE_ON_TIME + byWord.DONE_LATE + byWord.IN_PROGRESS_LATE + byWord.MISSED;
  return {
    total: words.length - byWord.WITHDRAWN,
    byWord,
    overdue: byWord.IN_PROGRESS_LATE,
    onTimeRate: judged ? byWord.DONE_ON_TIME / judged : null,
  };
}
