import { cycleDueDates, firstOpenCycle, quarterlyReportDates, rescheduleFrom } from './cycles';

describe('cycleDueDates', () => {
  test('a single deadline is one cycle at its (last) date', () => {
    expect(cycleDueDates('FIXED', ['2026-01-15'], 2026)).toEqual(['2026-01-15']);
    expect(cycleDueDates('PERIOD_END', ['2026-12-31'], 2026)).toEqual(['2026-12-31']);
    expect(cycleDueDates('FIXED', ['2026-06-30', '2026-03-31'], 2026)).toEqual(['2026-06-30']);
    expect(cycleDueDates('FIXED', [], 2026)).toEqual([null]);
  });

  test('milestones and recurring deadlines run one cycle per date, in order', () => {
    expect(cycleDueDates('MILESTONES', ['2026-12-31', '2026-09-30'], 2026)).toEqual(['2026-09-30', '2026-12-31']);
    expect(cycleDueDates('RECURRING', ['2026-03-10', '2026-06-10', '2026-09-10', '2026-12-10', '2026-06-10'], 2026)).toEqual([
      '2026-03-10',
      '2026-06-10',
      '2026-09-10',
      '2026-12-10',
    ]);
  });

  test('continuous work reports each quarter by the 5th of its last month (plan IV.1.c)', () => {
    expect(cycleDueDates('CONTINUOUS', [], 2026)).toEqual(['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05']);
    expect(quarterlyReportDates(2027)[3]).toBe('2027-12-05');
  });

  test('on request and unknown phrases wait for a date; entered dates are cycles', () => {
    expect(cycleDueDates('ON_REQUEST', [], 2026)).toEqual([null]);
    expect(cycleDueDates('UNKNOWN', [], 2026)).toEqual([null]);
    expect(cycleDueDates('ON_REQUEST', ['2026-08-01'], 2026)).toEqual(['2026-08-01']);
  });

  test('rescheduling keeps past cycles and starts the current one at the first new date', () => {
    expect(rescheduleFrom([null], 1, ['2026-08-01'])).toEqual(['2026-08-01']);
    expect(rescheduleFrom(['2026-05-01', null], 2, ['2026-11-01', '2026-09-01'])).toEqual(['2026-05-01', '2026-09-01', '2026-11-01']);
  });

  test('a plan activated mid-year starts each task at the period now running', () => {
    const continuous = cycleDueDates('CONTINUOUS', [], 2026);
    expect(firstOpenCycle(continuous, '2026-01-02')).toBe(1);
    expect(firstOpenCycle(continuous, '2026-03-05')).toBe(1);
    expect(firstOpenCycle(continuous, '2026-03-06')).toBe(2);
    expect(firstOpenCycle(continuous, '2026-11-26')).toBe(4);
    expect(firstOpenCycle(['2026-09-30', '2026-12-31'], '2026-11-26')).toBe(2);
    // A single deadline already passed is still the cycle to do (late), and so is the last of many.
    expect(firstOpenCycle(['2026-01-15'], '2026-11-26')).toBe(1);
    expect(firstOpenCycle(continuous, '2027-01-10')).toBe(4);
    expect(firstOpenCycle([null], '2026-11-26')).toBe(1);
  });
});
