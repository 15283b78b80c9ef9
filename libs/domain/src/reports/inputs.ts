/**
 * A unit's input to the report: which tasks it answers for (those it leads) and what makes an input acceptable. The
 * form shows each of these tasks with its status word; the figures are those the unit owns (indicators.ts).
 */
import type { ReportTaskLine, UnitCode, UnitInputContent } from '@app/contracts';
import { figureProblems, figuresOf } from './indicators';

/** Bounds of the typed texts (the API's DTOs say the same). */
export const INPUT_LIMITS = { narrative: 20_000, progress: 2_000, note: 2_000, tasks: 200 } as const;

/** The tasks a unit reports on: those it leads (alone or with others), in plan order. */
export function tasksOfUnit<T extends Pick<ReportTaskLine, 'leadUnits' | 'number'>>(lines: readonly T[], unit: UnitCode): T[] {
  return lines.filter((l) => l.leadUnits.includes(unit)).sort((a, b) => a.number - b.number);
}

/** An empty input for a unit (what the form starts from before anything was saved). */
export function emptyUnitInput(lines: readonly Pick<ReportTaskLine, 'leadUnits' | 'number' | 'taskId'>[], unit: UnitCode): UnitInputContent {
  return { narrative: '', taskProgress: tasksOfUnit(lines, unit).map((l) => ({ taskId: l.taskId, progress: '', note: '' })), figures: {} };
}

export function unitInputProblems(
  unit: UnitCode,
  input: UnitInputContent,
  lines: readonly Pick<ReportTaskLine, 'leadUnits' | 'number' | 'taskId'>[],
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const own = new Map(tasksOfUnit(lines, unit).map((l) => [l.taskId, l.number]));
  const seen = new Set<string>();
  input.taskProgress.forEach((p, i) => {
    if (!own.has(p.taskId)) problems.push({ field: `taskProgress[${i}].taskId`, message: 'Nhiệm vụ này không do đơn vị chủ trì.' });
    else if (seen.has(p.taskId)) problems.push({ field: `taskProgress[${i}].taskId`, message: `Nhiệm vụ số ${own.get(p.taskId)} được nhập hai lần.` });
    seen.add(p.taskId);
  });
  return [...problems, ...figureProblems(unit, input.figures)];
}

/**
 * The units a report asks for an input: the commune's internal units that lead a task of the plan or own figures of
 * the report (TTPVHCC's service figures); a unit with nothing to report is not made to send an empty input, since
 * the drafting waits for every unit asked.
 */
export function unitsAskedForInput(internalUnits: readonly UnitCode[], leadUnitsOfTasks: readonly (readonly UnitCode[])[]): UnitCode[] {
  const leading = new Set(leadUnitsOfTasks.flat());
  return internalUnits.filter((u) => leading.has(u) || figuresOf(u).length > 0);
}
