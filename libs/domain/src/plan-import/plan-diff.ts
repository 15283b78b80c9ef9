import type { ParsedTask } from '@app/contracts';
import { normalizeDeadlinePhrase } from './deadline';
import { foldKey, toNfc } from './text';

/** What can change in a task between a plan and its amendment. */
export type TaskField = 'group' | 'content' | 'leadUnits' | 'coUnits' | 'deadline' | 'product';

export interface TaskMatch {
  before: ParsedTask;
  after: ParsedTask;
  /** How the two were paired: same key number, or similar content when the numbering changed. */
  matchedBy: 'number' | 'content';
}

export interface TaskChange extends TaskMatch {
  /** The fields whose meaning changed, in this order: group, content, leadUnits, coUnits, deadline, product. */
  fields: TaskField[];
}

export interface PlanDiff {
  /** Tasks of the revised plan that the current one does not have, in plan order. */
  added: ParsedTask[];
  changed: TaskChange[];
  /** Tasks of the current plan that the revision no longer has, in plan order. */
  withdrawn: ParsedTask[];
  /** Tasks found in both and the same in meaning; `before.number` and `after.number` differ when renumbered. */
  unchanged: TaskMatch[];
}

type Tasks = { tasks: ParsedTask[] };

/**
 * What an amendment changes in an active plan: tasks added, changed (and which fields) and withdrawn. Tasks are
 * paired by their key number as long as the content still says the same task, and by content similarity when the
 * numbering changed (a task inserted in the middle renumbers all that follow). Pairing goes from the surest to
 * the weakest evidence:
 *   1. same number, content (almost) the same;
 *   2. content (almost) the same under another number (renumbered);
 *   3. same number, content reworded but still alike;
 *   4. alike content under another number;
 *   5. same number and group, content rewritten, but its lead unit, deadline or product unchanged.
 * A field changes when its meaning does: unit codes rather than their spelling, due dates rather than wording
 * (the raw phrase when there is no date), content and product but for case and spacing. Similarity itself is
 * counted on words without diacritics, so that a typo does not hide a task.
 */
export function diffPlans(current: Tasks, revised: Tasks): PlanDiff {
  const before = current.tasks;
  const after = revised.tasks;
  const paired = new Map<ParsedTask, TaskMatch>();
  const takenAfter = new Set<ParsedTask>();
  const free = (task: ParsedTask) => !paired.has(task);
  const words = new Map([...before, ...after].map((task) => [task, contentWords(task.content)]));
  const similarity = (a: ParsedTask, b: ParsedTask) => dice(words.get(a)!, words.get(b)!);

  const pair = (a: ParsedTask, b: ParsedTask, matchedBy: TaskMatch['matchedBy']) => {
    paired.set(a, { before: a, after: b, matchedBy });
    takenAfter.add(b);
  };
  const sameNumber = (accept: (a: ParsedTask, b: ParsedTask) => boolean) => {
    for (const a of before.filter(free)) {
      const b = after.find((task) => task.number === a.number && !takenAfter.has(task));
      if (b && accept(a, b)) pair(a, b, 'number');
    }
  };
  const byContent = (min: number) => {
    const candidates: Array<[number, ParsedTask, ParsedTask]> = [];
    for (const a of before.filter(free)) {
      for (const b of after.filter((task) => !takenAfter.has(task))) {
        const score = similarity(a, b);
        if (score >= min) candidates.push([score, a, b]);
      }
    }
    // Best pairs first; among equals, the nearest in plan order.
    candidates.sort(([s1, a1, b1], [s2, a2, b2]) => s2 - s1 || Math.abs(a1.number - b1.number) - Math.abs(a2.number - b2.number));
    for (const [, a, b] of candidates) if (free(a) && !takenAfter.has(b)) pair(a, b, 'content');
  };

  sameNumber((a, b) => similarity(a, b) >= SAME);
  byContent(SAME);
  sameNumber((a, b) => similarity(a, b) >= REWORDED);
  byContent(ALIKE);
  sameNumber((a, b) => a.group === b.group && (sameUnits(a, b, 'lead') || sameDeadline(a, b) || sameText(a.product, b.product)));

  const diff: PlanDiff = { added: [], changed: [], withdrawn: [], unchanged: [] };
  for (const task of before) {
    const match = paired.get(task);
    if (!match) {
      diff.withdrawn.push(task);
      continue;
    }
    const fields = changedFields(match.before, match.after);
    if (fields.length > 0) diff.changed.push({ ...match, fields });
    else diff.unchanged.push(match);
  }
  diff.added = after.filter((task) => !takenAfter.has(task));
  diff.changed.sort((x, y) => x.after.number - y.after.number);
  return diff;
}

/** Dice coefficients: the same task (a typo, a word), reworded but alike, alike under another number. */
const SAME = 0.9;
const REWORDED = 0.5;
const ALIKE = 0.6;

function contentWords(content: string): string[] {
  return foldKey(content)
    .split(/[\s,;]+/)
    .filter((word) => word !== '');
}

/** Dice coefficient of two word multisets: 1 for the same words, 0 for none in common. */
function dice(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of b) {
    const left = counts.get(word) ?? 0;
    if (left > 0) {
      common++;
      counts.set(word, left - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** Same text but for case, spacing and dash variants. Diacritics count: "bán" and "bạn" are different words. */
const normalText = (text: string) => toNfc(text).toLowerCase().replace(/\s+/g, ' ').trim();
const sameText = (a: string, b: string) => normalText(a) === normalText(b);
const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

function sameUnits(a: ParsedTask, b: ParsedTask, column: 'lead' | 'co'): boolean {
  const codes = (task: ParsedTask) =>
    column === 'lead' ? [...task.leadUnits, ...task.leadExternal] : [...task.coUnits, ...task.coExternal];
  const text = (task: ParsedTask) => (column === 'lead' ? task.leadUnitsText : task.coUnitsText);
  if (codes(a).length === 0 && codes(b).length === 0) return sameText(text(a), text(b));
  return sameSet(codes(a), codes(b));
}

/** Kinds that are one or more completion dates: "Quý I/2026" and "Trước 31/3/2026" are the same deadline. */
const DATED = new Set(['FIXED', 'PERIOD_END', 'MILESTONES']);

/** Same dates (and cycles); "Thường xuyên" is continuous however worded; without dates, the same phrase. */
function sameDeadline(a: ParsedTask, b: ParsedTask): boolean {
  const bothDated = DATED.has(a.deadline.kind) && DATED.has(b.deadline.kind);
  if (a.deadline.kind !== b.deadline.kind && !bothDated) return false;
  if (a.deadline.kind === 'CONTINUOUS') return true;
  if (a.deadline.dueDates.length === 0) return normalizeDeadlinePhrase(a.deadline.raw) === normalizeDeadlinePhrase(b.deadline.raw);
  return a.deadline.dueDates.join() === b.deadline.dueDates.join();
}

function changedFields(a: ParsedTask, b: ParsedTask): TaskField[] {
  const fields: TaskField[] = [];
  if (a.group !== b.group) fields.push('group');
  if (!sameText(a.content, b.content)) fields.push('content');
  if (!sameUnits(a, b, 'lead')) fields.push('leadUnits');
  if (!sameUnits(a, b, 'co')) fields.push('coUnits');
  if (!sameDeadline(a, b)) fields.push('deadline');
  if (!sameText(a.product, b.product)) fields.push('product');
  return fields;
}
