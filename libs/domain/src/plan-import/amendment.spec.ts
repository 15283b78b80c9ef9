import { readFileSync } from 'fs';
import { join } from 'path';
import type { ParsedTask, TaskStatus } from '@app/contracts';
import { planAmendment, rowFieldsOf, taskAmendment, type StoredPlanTask } from './amendment';
import { parsePlan } from './plan-parser';
import { AN_LAO_UNITS } from './units';

const SEED = readFileSync(join(__dirname, '../../../../data/seed/ke-hoach-cchc-an-lao-2026.txt'), 'utf8');
const row = (...cells: string[]) => cells.join('\t');
const lineOf = (lines: string[], start: string) => lines.findIndex((line) => line.startsWith(start));

/** The seed's tasks as the read model stores them after an import. */
function stored(status: (n: number) => TaskStatus = () => 'IN_PROGRESS'): StoredPlanTask[] {
  return parsePlan(SEED).tasks.map((t: ParsedTask) => ({
    id: `task-${t.number}`,
    position: t.number,
    displayNumber: t.displayNumber,
    group: t.group,
    content: t.content,
    leadUnitsText: t.leadUnitsText,
    coUnitsText: t.coUnitsText,
    deadlineRaw: t.deadline.raw,
    product: t.product,
    source: t.source,
    status: status(t.number),
    withdrawn: false,
  }));
}

function revise(edit: (lines: string[]) => void) {
  const lines = SEED.split('\n');
  edit(lines);
  return parsePlan(lines.join('\n'));
}

describe('planAmendment', () => {
  it('finds nothing to do when the revised plan is the plan itself', () => {
    const planned = planAmendment(stored(), 2026, parsePlan(SEED), AN_LAO_UNITS);
    expect(planned).toMatchObject({ added: [], changed: [], withdrawn: [], unchangedCount: 32, blocking: [] });
  });

  it('adds a task, moves a deadline to the workflow, and withdraws tasks (a completed one is told it keeps its result)', () => {
    const revised = revise((lines) => {
      const at = lineOf(lines, '26\t');
      lines[at] = lines[at].replace('\tThường xuyên\t', '\tTrước 30/11/2026\t');
      lines.splice(lineOf(lines, '32\t') + 1, 0, row('33', 'Tổ chức đối thoại với doanh nghiệp về CCHC', 'Phòng Kinh tế', '', 'Quý IV/2026', 'Báo cáo'));
      lines.splice(lineOf(lines, '30\t'), 1);
      lines.splice(lineOf(lines, '4\t'), 1);
    });
    const planned = planAmendment(stored((n) => (n === 4 ? 'COMPLETED' : 'IN_PROGRESS')), 2026, revised, AN_LAO_UNITS);
    expect(planned.blocking).toEqual([]);
    expect(planned.added.map((t) => [t.displayNumber, t.leadUnits])).toEqual([['33', ['KT']]]);
    expect(planned.changed.map((c) => [c.task.id, c.fields, c.schedule])).toEqual([['task-26', ['deadline'], true]]);
    expect(rowFieldsOf(planned.changed[0])).toEqual(['deadline']);
    // A workflow that has ended keeps the date that was met.
    expect(rowFieldsOf(planned.changed[0], false)).toEqual([]);
    expect(planned.changed[0].after.deadline).toMatchObject({ kind: 'FIXED', dueDates: ['2026-11-30'] });
    expect(planned.withdrawn.map((w) => [w.task.id, w.note !== null])).toEqual([
      ['task-4', true],
      ['task-30', false],
    ]);
    expect(planned.unchangedCount).toBe(29);
  });

  it('keeps the running task’s lead unit and says why, while content and product go to the row', () => {
    const revised = revise((lines) => {
      const at = lineOf(lines, '25\t');
      lines[at] = row('25', 'Đẩy mạnh cơ chế tự chủ tài chính', 'Văn phòng HĐND và UBND xã', 'Các phòng, ban, ngành, đơn vị', 'Thường xuyên', 'Báo cáo quý');
    });
    const [change] = planAmendment(stored(), 2026, revised, AN_LAO_UNITS).changed;
    expect(change.fields).toEqual(['content', 'leadUnits', 'product']);
    expect(change.notApplied.map((n) => n.field)).toEqual(['leadUnits']);
    expect(rowFieldsOf(change)).toEqual(['content', 'product']);
    expect(change.schedule).toBe(false);
  });

  it('records a renumbering as the field "number" and leaves tasks already withdrawn out of the plan', () => {
    const tasks = stored();
    tasks[0].withdrawn = true;
    const revised = revise((lines) => {
      lines.splice(lineOf(lines, '1\t'), 1);
      for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(/^(\d+)\t/, (_m, n: string) => `${Number(n) - 1}\t`);
    });
    const planned = planAmendment(tasks, 2026, revised, AN_LAO_UNITS);
    expect(planned.withdrawn).toEqual([]);
    expect(planned.added).toEqual([]);
    expect(planned.changed).toHaveLength(31);
    expect(planned.changed.every((c) => c.fields.join() === 'number' && c.position === c.before.number - 1)).toBe(true);
  });

  it('blocks a new deadline it cannot read, and a revised plan of another year', () => {
    const unreadable = revise((lines) => {
      const at = lineOf(lines, '26\t');
      lines[at] = lines[at].replace('\tThường xuyên\t', '\tSớm nhất có thể\t');
    });
    expect(planAmendment(stored(), 2026, unreadable, AN_LAO_UNITS).blocking.map((b) => b.code)).toEqual(['UNKNOWN_DEADLINE']);
    const nextYear = parsePlan(SEED.replace(/năm 2026/g, 'năm 2027'));
    expect(planAmendment(stored(), 2026, nextYear, AN_LAO_UNITS).blocking.map((b) => b.code)).toContain('YEAR_MISMATCH');
  });
});

describe('taskAmendment (one task edited on the board)', () => {
  const task25 = () => stored().find((t) => t.id === 'task-25')!;

  it('plans a new deadline and product like a revised plan would', () => {
    const planned = taskAmendment(task25(), 2026, { deadline: 'Quý III/2026', product: 'Báo cáo quý' }, AN_LAO_UNITS);
    expect(planned.changed.map((c) => [c.fields, c.schedule, c.after.deadline.dueDates])).toEqual([[['deadline', 'product'], true, ['2026-09-30']]]);
  });

  it('plans nothing for an edit that changes nothing, and refuses a task already withdrawn', () => {
    const same = task25();
    expect(taskAmendment(same, 2026, { product: same.product }, AN_LAO_UNITS)).toMatchObject({ changed: [], unchangedCount: 1 });
    expect(taskAmendment({ ...same, withdrawn: true }, 2026, { withdraw: true }, AN_LAO_UNITS).blocking.map((b) => b.code)).toEqual(['WITHDRAWN']);
  });

  it('withdraws the task', () => {
    expect(taskAmendment(task25(), 2026, { withdraw: true }, AN_LAO_UNITS).withdrawn.map((w) => [w.task.id, w.note])).toEqual([['task-25', null]]);
  });
});
