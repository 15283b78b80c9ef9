import { readFileSync } from 'fs';
import { textToDocument } from '@app/domain';
import { SEED_PLAN_FILE } from './plan-samples';
import { seedAsWord } from './plan-samples/office';

/** The seed plan's text, edited line by line as a commune would edit its plan. */
export function seedText(): string {
  return readFileSync(SEED_PLAN_FILE, 'utf8');
}

const cells = (line: string) => line.split('\t');

/** Replaces one cell of task `number`'s row (0 TT, 1 content, 2 lead, 3 co, 4 deadline, 5 product). */
export function setCell(text: string, number: number, cell: number, value: string): string {
  return text
    .split('\n')
    .map((line) => {
      const c = cells(line);
      if (c[0] !== String(number) || c.length < 6) return line;
      c[cell] = value;
      return c.join('\t');
    })
    .join('\n');
}

/** Removes task `number`'s row. */
export function removeTask(text: string, number: number): string {
  return text
    .split('\n')
    .filter((line) => cells(line)[0] !== String(number))
    .join('\n');
}

/** Inserts a task row after task `after`'s row. */
export function insertTaskAfter(text: string, after: number, row: string[]): string {
  return text
    .split('\n')
    .flatMap((line) => (cells(line)[0] === String(after) && cells(line).length >= 6 ? [line, row.join('\t')] : [line]))
    .join('\n');
}

/** A plan's text as the Word file a commune sends (tables per page, merged group rows: see seedAsWord). */
export function asWord(text: string): Promise<Uint8Array> {
  return seedAsWord(textToDocument(text));
}
