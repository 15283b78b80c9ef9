import type { Task, TaskStatus } from '../api/types';
import { formatPercent } from '../lib/format';
import { STATUS_LABELS } from '../lib/labels';

/** Bands of the stacked bar, from done to not started. */
const BANDS: { key: string; label: string; statuses: TaskStatus[] }[] = [
  { key: 'done', label: STATUS_LABELS.COMPLETED, statuses: ['COMPLETED'] },
  { key: 'review', label: 'Đang trình duyệt', statuses: ['UNIT_REVIEW', 'VHXH_REVIEW', 'CHAIRMAN_REVIEW'] },
  { key: 'progress', label: STATUS_LABELS.IN_PROGRESS, statuses: ['IN_PROGRESS'] },
  { key: 'returned', label: STATUS_LABELS.RETURNED, statuses: ['RETURNED'] },
  { key: 'todo', label: STATUS_LABELS.NOT_STARTED, statuses: ['NOT_STARTED'] },
];

export interface ChartRow {
  key: string;
  label: string;
  tasks: Task[];
}

/**
 * Horizontal stacked bars drawn with CSS. Each row says its figures in words, so the chart reads the same to
 * a screen reader and without colour.
 */
export function ProgressChart({ title, rows, id }: { title: string; rows: ChartRow[]; id: string }) {
  return (
    <figure className="chart" aria-labelledby={id}>
      <figcaption id={id}>{title}</figcaption>
      <ul className="chart-rows">
        {rows.map((row) => {
          const total = row.tasks.length;
          const counts = BANDS.map((b) => ({ ...b, n: row.tasks.filter((t) => b.statuses.includes(t.status)).length }));
          const done = counts[0].n;
          const detail = counts
            .filter((c) => c.n > 0)
            .map((c) => `${c.label}: ${c.n}`)
            .join('; ');
          return (
            <li key={row.key} className="chart-row">
              <span className="chart-label">{row.label}</span>
              <span className="chart-bar" aria-hidden="true">
                {total > 0 &&
                  counts
                    .filter((c) => c.n > 0)
                    .map((c) => (
                      <span
                        key={c.key}
                        className={`band band-${c.key}`}
                        style={{ width: `${(c.n / total) * 100}%` }}
                        title={`${c.label}: ${c.n}`}
                      />
                    ))}
              </span>
              <span className="chart-figure">
                {done}/{total} hoàn thành ({formatPercent(done, total)})
                <span className="visually-hidden">. {detail}</span>
              </span>
            </li>
          );
        })}
      </ul>
      <ul className="chart-legend" aria-hidden="true">
        {BANDS.map((b) => (
          <li key={b.key}>
            <span className={`swatch band-${b.key}`} /> {b.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
