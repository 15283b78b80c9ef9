import { indicatorMet, taskTotals, type ReportIndicator, type ReportTask, type ReportTaskStatus } from './report-document';

const task = (number: number, status: ReportTaskStatus): ReportTask => ({
  number,
  content: `Nhiệm vụ ${number}`,
  leadUnit: 'Phòng Văn hóa - Xã hội',
  deadlineText: 'Thường xuyên',
  dueDate: null,
  status,
  completedOn: null,
  product: '',
  progressNote: '',
});

describe('task totals', () => {
  it('counts finished, open and overdue tasks from the rows', () => {
    const tasks = [
      task(1, 'DONE_ON_TIME'),
      task(2, 'DONE_ON_TIME'),
      task(3, 'DONE_LATE'),
      task(4, 'IN_PROGRESS'),
      task(5, 'IN_PROGRESS_OVERDUE'),
      task(6, 'NOT_STARTED'),
      task(7, 'NOT_DONE_LATE_ACTIVATION'),
    ];
    expect(taskTotals(tasks)).toEqual({ total: 7, doneOnTime: 2, doneLate: 1, open: 3, openOverdue: 1, notCounted: 1, withdrawn: 0 });
  });

  it('keeps a task activated late out of both the on-time and the open figures', () => {
    const totals = taskTotals([task(1, 'NOT_DONE_LATE_ACTIVATION')]);
    expect(totals.doneOnTime + totals.doneLate + totals.open).toBe(0);
    expect(totals.total).toBe(1);
  });
});

describe('indicator met', () => {
  const indicator = (target: ReportIndicator['target'], value: number | null): ReportIndicator => ({
    name: 'Mức độ hài lòng',
    target,
    value,
    unit: '%',
    sourceUnit: 'Trung tâm Phục vụ hành chính công',
  });

  it('compares the value with the target as the target says', () => {
    expect(indicatorMet(indicator({ comparison: 'atLeast', value: 90 }, 90))).toBe(true);
    expect(indicatorMet(indicator({ comparison: 'atLeast', value: 90 }, 89.9))).toBe(false);
    expect(indicatorMet(indicator({ comparison: 'moreThan', value: 100 }, 100))).toBe(false);
    expect(indicatorMet(indicator({ comparison: 'moreThan', value: 100 }, 108.6))).toBe(true);
    expect(indicatorMet(indicator({ comparison: 'exactly', value: 100 }, 99))).toBe(false);
    expect(indicatorMet(indicator({ comparison: 'atMost', value: 5 }, 0.8))).toBe(true);
  });

  it('judges nothing without a target or without a figure', () => {
    expect(indicatorMet(indicator(null, 52.3))).toBeNull();
    expect(indicatorMet(indicator({ comparison: 'atLeast', value: 90 }, null))).toBeNull();
  });
});
