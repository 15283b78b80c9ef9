/**
 * A plan file as the server read it, before anything is written: every task with its units (known, outside bodies,
 * or not in the commune's list), its deadline as written and as read, its warnings and where it is in the file.
 * Rows that need a look are marked, and can be shown alone.
 */
import { useId, useMemo, useState } from 'react';
import type { Deadline, PlanPreview, PreviewTask, PreviewUnitCell } from '../api/types';
import { formatDate } from '../lib/format';
import { DEADLINE_KIND_LABELS } from '../lib/labels';
import { NO_DATE_TEXT } from './TaskParts';

export const FORMAT_NAMES: Record<PlanPreview['format'], string> = {
  docx: 'Word (.docx)',
  xlsx: 'Excel (.xlsx)',
  text: 'văn bản',
};

/** A row the coordinator should look at: a name not in the list, a deadline not understood, or any warning. */
export const needsLook = (t: PreviewTask) => t.lead.unknown.length > 0 || t.co.unknown.length > 0 || t.deadline.kind === 'UNKNOWN' || t.warnings.length > 0;

/** A unit cell: the commune's units, outside bodies marked as such, and names not in the list highlighted. */
export function UnitCell({ cell }: { cell: PreviewUnitCell }) {
  if (!cell.text.trim()) return <span className="muted">—</span>;
  return (
    <span className="unit-cell">
      {cell.allUnits ? (
        <span className="unit-known">Tất cả đơn vị của xã</span>
      ) : (
        cell.units.map((u) => (
          <span key={u.code} className="unit-known">
            {u.name}
          </span>
        ))
      )}
      {cell.external.map((u) => (
        <span key={u.code} className="unit-external">
          {u.name} <span className="unit-tag">ngoài xã</span>
        </span>
      ))}
      {cell.unknown.map((name) => (
        <mark key={name} className="unit-unknown">
          <span aria-hidden="true">? </span>
          {name} <span className="unit-tag">chưa có trong danh mục</span>
        </mark>
      ))}
    </span>
  );
}

/** What a deadline phrase was read as: its dates, or why it has none. */
export function deadlineReading(deadline: Deadline): string {
  if (deadline.kind === 'UNKNOWN') return deadline.raw.trim() ? 'Chưa hiểu — cần đặt lịch' : 'Không ghi thời hạn';
  if (deadline.dueDates.length === 0) return NO_DATE_TEXT[deadline.kind] ?? DEADLINE_KIND_LABELS[deadline.kind];
  const dates = deadline.dueDates.map(formatDate).join('; ');
  return deadline.kind === 'FIXED' || deadline.kind === 'PERIOD_END' ? `Hạn ${dates}` : `${DEADLINE_KIND_LABELS[deadline.kind]}: ${dates}`;
}

export function DeadlineCell({ deadline }: { deadline: Deadline }) {
  const unknown = deadline.kind === 'UNKNOWN';
  return (
    <span className="deadline">
      <span className="deadline-raw">{deadline.raw || '—'}</span>
      {unknown ? <mark className="deadline-unknown">{deadlineReading(deadline)}</mark> : <span className="deadline-dates">{deadlineReading(deadline)}</span>}
    </span>
  );
}

/** The table of a plan file as read, grouped as the plan is. */
export function PreviewTable({ preview, caption }: { preview: Pick<PlanPreview, 'groups' | 'tasks'>; caption?: string }) {
  const [onlyIssues, setOnlyIssues] = useState(false);
  const filterId = useId();
  const issues = preview.tasks.filter(needsLook).length;
  const groups = useMemo(() => {
    const shown = onlyIssues ? preview.tasks.filter(needsLook) : preview.tasks;
    const list = preview.groups.map((g) => ({ code: g.code, title: `${g.code}. ${g.title}`, tasks: shown.filter((t) => t.group === g.code) }));
    const loose = shown.filter((t) => !preview.groups.some((g) => g.code === t.group));
    if (loose.length) list.push({ code: '', title: 'Không thuộc nhóm nào', tasks: loose });
    return list.filter((g) => g.tasks.length > 0);
  }, [preview, onlyIssues]);

  return (
    <div className="preview">
      {issues > 0 && (
        <div className="field field-check preview-filter">
          <input id={filterId} type="checkbox" checked={onlyIssues} onChange={(e) => setOnlyIssues(e.target.checked)} />
          <label htmlFor={filterId}>Chỉ hiện {issues} dòng cần xem lại</label>
        </div>
      )}
      {groups.map((g) => (
        <section key={g.code} className="board-group" aria-label={`Nhóm ${g.title}`}>
          <h4>{g.title}</h4>
          <table className="board board-preview">
            {caption && <caption className="visually-hidden">{caption}</caption>}
            <thead>
              <tr>
                <th scope="col">TT</th>
                <th scope="col">Nội dung</th>
                <th scope="col">Chủ trì</th>
                <th scope="col">Phối hợp</th>
                <th scope="col">Thời hạn</th>
                <th scope="col">Vị trí trong tệp</th>
              </tr>
            </thead>
            <tbody>
              {g.tasks.map((t) => (
                <PreviewRow key={t.number} task={t} />
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

function PreviewRow({ task }: { task: PreviewTask }) {
  return (
    <tr className={needsLook(task) ? 'row-issue' : undefined} data-task-number={task.displayNumber}>
      <td data-label="TT">{task.displayNumber}</td>
      <td data-label="Nội dung">
        <div>
          <span className="preview-content">{task.content || <span className="muted">(trống)</span>}</span>
          {task.product && <span className="preview-product">Sản phẩm: {task.product}</span>}
          {task.warnings.length > 0 && (
            <ul className="row-warnings" aria-label={`Cảnh báo của nhiệm vụ ${task.displayNumber}`}>
              {task.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
        </div>
      </td>
      <td data-label="Chủ trì">
        <UnitCell cell={task.lead} />
      </td>
      <td data-label="Phối hợp">
        <UnitCell cell={task.co} />
      </td>
      <td data-label="Thời hạn">
        <DeadlineCell deadline={task.deadline} />
      </td>
      <td data-label="Vị trí">{task.where}</td>
    </tr>
  );
}
