import type { ParsedPlan, ParsedTask, PlanPreview, PreviewTask, PreviewUnitCell, PreviewWarning } from '@app/contracts';
import { describeSource, type PlanFormat } from './document';
import { resolveUnits, type UnitDirectory } from './units';

/**
 * A unit cell of a parsed task as the preview shows it: the units and outside bodies the directory knows (with their
 * names), the names it does not know, and whether the cell meant every unit of the commune.
 */
export function previewUnitCell(task: ParsedTask, column: 'lead' | 'co', directory: UnitDirectory): PreviewUnitCell {
  const codes = column === 'lead' ? task.leadUnits : task.coUnits;
  const external = column === 'lead' ? task.leadExternal : task.coExternal;
  const text = column === 'lead' ? task.leadUnitsText : task.coUnitsText;
  const name = (code: string) => ({ code, name: directory.find((entry) => entry.code === code)?.name ?? code });
  const internal = directory.filter((entry) => entry.kind === 'INTERNAL').map((entry) => entry.code);
  return {
    text,
    units: codes.map(name),
    external: external.map(name),
    // The parser kept only the codes; reading the cell again with the same directory gives the names it did not know.
    unknown: resolveUnits(text, directory).unresolved,
    allUnits: codes.length > 1 && internal.every((code) => codes.includes(code)),
  };
}

const warningView = (w: { code: string; message: string; source?: ParsedTask['source'] }): PreviewWarning => ({
  code: w.code,
  message: w.message,
  ...(w.source ? { where: describeSource(w.source) } : {}),
});

/** One parsed task as the preview shows it, with its own warnings. */
export function previewTask(plan: Pick<ParsedPlan, 'warnings'>, task: ParsedTask, directory: UnitDirectory): PreviewTask {
  return {
    number: task.number,
    displayNumber: task.displayNumber,
    group: task.group,
    content: task.content,
    product: task.product,
    lead: previewUnitCell(task, 'lead', directory),
    co: previewUnitCell(task, 'co', directory),
    deadline: task.deadline,
    source: task.source,
    where: describeSource(task.source),
    warnings: plan.warnings.filter((w) => w.taskNumber === task.number).map(({ code, message }) => ({ code, message })),
  };
}

/** Every distinct unknown name (compared as written, trimmed), in order of first use, with the tasks using it. */
export function unknownUnitNames(tasks: PreviewTask[]): { name: string; tasks: string[] }[] {
  const names = new Map<string, string[]>();
  for (const task of tasks) {
    for (const name of [...task.lead.unknown, ...task.co.unknown]) {
      const list = names.get(name) ?? [];
      if (!list.includes(task.displayNumber)) list.push(task.displayNumber);
      names.set(name, list);
    }
  }
  return [...names].map(([name, list]) => ({ name, tasks: list }));
}

/**
 * A parsed plan as the coordinator checks it before importing: each task with its units resolved or unknown, its
 * deadline as written and as read, its warnings and where it is in the file; the document's own warnings; and the
 * unknown names to map to units. Pure: the caller adds what the database knows (`existing`).
 */
export function planPreview(
  plan: ParsedPlan,
  format: PlanFormat,
  directory: UnitDirectory,
  existing: PlanPreview['existing'] = null,
): PlanPreview {
  const tasks = plan.tasks.map((task) => previewTask(plan, task, directory));
  return {
    format,
    title: plan.title,
    year: plan.year,
    decisionNumber: plan.decisionNumber,
    groups: plan.groups,
    tasks,
    warnings: plan.warnings.filter((w) => w.taskNumber === null).map(warningView),
    unknownUnits: unknownUnitNames(tasks),
    existing,
  };
}
