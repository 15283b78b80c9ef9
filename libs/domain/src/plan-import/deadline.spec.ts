import { parseDeadline } from './deadline';

const Q_ENDS_2026 = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'];
const MONTH_ENDS_2026 = ['01-31', '02-28', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'].map(
  (day) => `2026-${day}`,
);

describe('parseDeadline', () => {
  describe('phrases of the seed plan', () => {
    it.each([
      ['Trước 15/01/2026', 'FIXED', ['2026-01-15']],
      ['Quý I/2026', 'PERIOD_END', ['2026-03-31']],
      ['Tháng 10/2026', 'PERIOD_END', ['2026-10-31']],
      ['Quý III,IV/2026', 'MILESTONES', ['2026-09-30', '2026-12-31']],
      ['Cả năm 2026', 'PERIOD_END', ['2026-12-31']],
      ['Thường xuyên', 'CONTINUOUS', []],
      ['Trước ngày mùng 10 của tháng cuối quý', 'RECURRING', ['2026-03-10', '2026-06-10', '2026-09-10', '2026-12-10']],
      ['Theo yêu cầu của Sở Nội vụ', 'ON_REQUEST', []],
      ['Theo yêu cầu của thành phố', 'ON_REQUEST', []],
      [
        'Theo hướng dẫn của Trung ương và Kế hoạch số 310/KH-UBND ngày 24/11/2025 của UBND thành phố',
        'ON_REQUEST',
        [],
      ],
    ])('%s → %s %j', (raw, kind, dueDates) => {
      expect(parseDeadline(raw, 2026)).toEqual({ raw, kind, dueDates });
    });
  });

  describe('single dates', () => {
    it.each([
      ['Trước ngày 15/01/2026', '2026-01-15'],
      ['Trước 15/1', '2026-01-15'],
      ['15/01/2026', '2026-01-15'],
      ['ngày 15 tháng 1 năm 2026', '2026-01-15'],
      ['Trước ngày 30 tháng 6', '2026-06-30'],
      ['Trước 31/12', '2026-12-31'],
      ['Chậm nhất ngày 05/02/2027', '2027-02-05'],
      ['15-01-2026', '2026-01-15'],
      ['Trước 15/01/26', '2026-01-15'],
    ])('%s → %s', (raw, date) => {
      expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'FIXED', dueDates: [date] });
    });

    it('takes the plan year for a date without one', () => {
      expect(parseDeadline('Trước 15/1', 2031).dueDates).toEqual(['2031-01-15']);
    });

    it('reads several dates as milestones, in date order', () => {
      expect(parseDeadline('Trước 30/6/2026 và 15/01/2026', 2026)).toMatchObject({
        kind: 'MILESTONES',
        dueDates: ['2026-01-15', '2026-06-30'],
      });
    });

    it('refuses dates that do not exist', () => {
      expect(parseDeadline('Trước 30/02/2026', 2026)).toMatchObject({ kind: 'UNKNOWN', dueDates: [] });
      expect(parseDeadline('29/02/2026', 2026).kind).toBe('UNKNOWN');
      expect(parseDeadline('29/02/2028', 2026)).toMatchObject({ kind: 'FIXED', dueDates: ['2028-02-29'] });
    });
  });

  describe('quarters', () => {
    it.each([
      ['Quý I/2026', ['2026-03-31']],
      ['Quý II/2026', ['2026-06-30']],
      ['Quý III/2026', ['2026-09-30']],
      ['Quý IV/2026', ['2026-12-31']],
      ['Quý 2/2026', ['2026-06-30']],
      ['Quý 2 năm 2026', ['2026-06-30']],
      ['quý II', ['2026-06-30']],
      ['Quý I / 2026', ['2026-03-31']],
      ['Quý I/ 2026', ['2026-03-31']],
      ['Trong quý IV/2027', ['2027-12-31']],
      ['QUÝ III/2026', ['2026-09-30']],
    ])('%s → PERIOD_END %j', (raw, dueDates) => {
      expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'PERIOD_END', dueDates });
    });

    it.each([
      ['Quý II, III/2026', ['2026-06-30', '2026-09-30']],
      ['Quý III và IV/2026', ['2026-09-30', '2026-12-31']],
      ['Quý III , IV / 2026', ['2026-09-30', '2026-12-31']],
      ['Quý I, Quý III/2026', ['2026-03-31', '2026-09-30']],
      ['Quý IV, II', ['2026-06-30', '2026-12-31']],
    ])('%s → MILESTONES %j', (raw, dueDates) => {
      expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'MILESTONES', dueDates });
    });

    it('reads a range of quarters as one period ending with the last quarter', () => {
      expect(parseDeadline('Quý I – II/2026', 2026)).toMatchObject({ kind: 'PERIOD_END', dueDates: ['2026-06-30'] });
    });

    it('leaves "Trước quý …" unknown, since officials read it two ways', () => {
      expect(parseDeadline('Trước quý III/2026', 2026).kind).toBe('UNKNOWN');
    });
  });

  describe('months, half years, years', () => {
    it.each([
      ['Tháng 10/2026', ['2026-10-31']],
      ['Tháng 2', ['2026-02-28']],
      ['Tháng 6/2026', ['2026-06-30']],
      ['Tháng 02 năm 2026', ['2026-02-28']],
      ['tháng 1', ['2026-01-31']],
      ['6 tháng đầu năm', ['2026-06-30']],
      ['6 tháng cuối năm', ['2026-12-31']],
      ['6 tháng đầu năm 2027', ['2027-06-30']],
      ['Cả năm 2026', ['2026-12-31']],
      ['Năm 2026', ['2026-12-31']],
      ['Cả năm', ['2026-12-31']],
      ['Trong năm 2027', ['2027-12-31']],
    ])('%s → PERIOD_END %j', (raw, dueDates) => {
      expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'PERIOD_END', dueDates });
    });

    it('knows leap years for the end of February', () => {
      expect(parseDeadline('Tháng 2', 2028).dueDates).toEqual(['2028-02-29']);
      expect(parseDeadline('Tháng 2/2100', 2026).dueDates).toEqual(['2100-02-28']);
      expect(parseDeadline('Tháng 2/2000', 2026).dueDates).toEqual(['2000-02-29']);
    });

    it.each([
      ['Tháng 6, 12/2026', ['2026-06-30', '2026-12-31']],
      ['Tháng 3 và tháng 9/2026', ['2026-03-31', '2026-09-30']],
      ['Tháng 12, 6', ['2026-06-30', '2026-12-31']],
    ])('%s → MILESTONES %j', (raw, dueDates) => {
      expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'MILESTONES', dueDates });
    });

    it('rejects a month that does not exist', () => {
      expect(parseDeadline('Tháng 13/2026', 2026).kind).toBe('UNKNOWN');
    });
  });

  describe('recurring and open-ended', () => {
    it.each([
      ['Hàng quý', Q_ENDS_2026],
      ['hằng quý', Q_ENDS_2026],
      ['Định kỳ hàng quý', Q_ENDS_2026],
      ['Trước ngày 5 của tháng cuối quý', ['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05']],
      ['Trước ngày mùng 5 tháng cuối quý', ['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05']],
      ['Trước ngày 05 của tháng cuối quý', ['2026-03-05', '2026-06-05', '2026-09-05', '2026-12-05']],
      ['ngày 31 của tháng cuối quý', ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']],
    ])('%s → RECURRING %j', (raw, dueDates) => {
      expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'RECURRING', dueDates });
    });

    it('reads "Hàng tháng" as the last day of each month', () => {
      const { kind, dueDates } = parseDeadline('Hàng tháng', 2028);
      expect(kind).toBe('RECURRING');
      expect(dueDates).toHaveLength(12);
      expect(dueDates[0]).toBe('2028-01-31');
      expect(dueDates[1]).toBe('2028-02-29');
      expect(dueDates[3]).toBe('2028-04-30');
      expect(dueDates[11]).toBe('2028-12-31');
    });

    it('reads "Trước ngày 5 hàng tháng" as the 5th of each month', () => {
      const { kind, dueDates } = parseDeadline('Trước ngày 5 hàng tháng', 2026);
      expect(kind).toBe('RECURRING');
      expect(dueDates).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => `2026-${String(m).padStart(2, '0')}-05`));
    });

    it.each(['Thường xuyên', 'thường xuyên', 'THƯỜNG XUYÊN', 'Thường xuyên, báo cáo hàng quý'])('%s → CONTINUOUS', (raw) => {
      expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'CONTINUOUS', dueDates: [] });
    });

    it.each(['Khi có yêu cầu', 'Theo chỉ đạo của UBND thành phố', 'theo hướng dẫn của Sở Nội vụ ngày 15/03/2026'])(
      '%s → ON_REQUEST, dates inside ignored',
      (raw) => {
        expect(parseDeadline(raw, 2026)).toMatchObject({ kind: 'ON_REQUEST', dueDates: [] });
      },
    );
  });

  describe('wordings of other plans (families and near relatives)', () => {
    const Q_LAST_MONTH = (day: string) => ['03', '06', '09', '12'].map((m) => `2026-${m}-${day}`);

    it.each([
      // the 10th of the last month of every quarter, however the month and the quarter are worded
      ['trước ngày 10 tháng cuối cùng của mỗi quý', 'RECURRING', Q_LAST_MONTH('10')],
      ['Trước ngày 10 của tháng cuối quý', 'RECURRING', Q_LAST_MONTH('10')],
      ['Chậm nhất ngày 10 tháng cuối quý', 'RECURRING', Q_LAST_MONTH('10')],
      ['Chậm nhất là ngày 05 của tháng cuối mỗi quý', 'RECURRING', Q_LAST_MONTH('05')],
      ['Trước ngày 05 của tháng cuối kỳ', 'RECURRING', Q_LAST_MONTH('05')],
      ['Trước ngày 05 tháng cuối kỳ báo cáo', 'RECURRING', Q_LAST_MONTH('05')],
      ['Vào ngày 20 của tháng cuối cùng của quý', 'RECURRING', Q_LAST_MONTH('20')],
      ['Trước ngày 15 tháng đầu quý', 'RECURRING', ['2026-01-15', '2026-04-15', '2026-07-15', '2026-10-15']],
      ['Tháng cuối quý', 'RECURRING', Q_ENDS_2026],
      ['Trong tháng cuối cùng của mỗi quý', 'RECURRING', Q_ENDS_2026],
      // every month
      ['Trước ngày 25 hằng tháng', 'RECURRING', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => `2026-${String(m).padStart(2, '0')}-25`)],
      // a date of every year: the plan's year
      ['trước ngày 30/10 hằng năm', 'FIXED', ['2026-10-30']],
      ['Trước ngày 15/12 hàng năm', 'FIXED', ['2026-12-15']],
      ['Chậm nhất ngày 10 tháng 12 hằng năm', 'FIXED', ['2026-12-10']],
      ['Tháng 11 hằng năm', 'PERIOD_END', ['2026-11-30']],
      ['Quý IV hằng năm', 'PERIOD_END', ['2026-12-31']],
      ['Trước ngày 10 của tháng cuối quý hằng năm', 'RECURRING', Q_LAST_MONTH('10')],
      // a period with a leading word that does not change it
      ['vào tháng 11 năm 2026', 'PERIOD_END', ['2026-11-30']],
      ['Vào tháng 11', 'PERIOD_END', ['2026-11-30']],
      ['Trong tháng 3/2026', 'PERIOD_END', ['2026-03-31']],
      ['Chậm nhất tháng 6/2026', 'PERIOD_END', ['2026-06-30']],
      ['Chậm nhất trong tháng 9 năm 2026', 'PERIOD_END', ['2026-09-30']],
      ['đến hết Quý III/2026', 'PERIOD_END', ['2026-09-30']],
      ['Tới hết quý II năm 2026', 'PERIOD_END', ['2026-06-30']],
      ['Hết quý I/2026', 'PERIOD_END', ['2026-03-31']],
      ['Vào quý II/2026', 'PERIOD_END', ['2026-06-30']],
      ['Hoàn thành trong quý IV/2026', 'PERIOD_END', ['2026-12-31']],
      ['Đến hết tháng 6/2026', 'PERIOD_END', ['2026-06-30']],
      ['Đến hết năm 2026', 'PERIOD_END', ['2026-12-31']],
      ['Trong suốt năm 2026', 'PERIOD_END', ['2026-12-31']],
      ['Cuối năm 2026', 'PERIOD_END', ['2026-12-31']],
      ['Đến hết 6 tháng đầu năm 2026', 'PERIOD_END', ['2026-06-30']],
      ['Trong quý III, IV/2026', 'MILESTONES', ['2026-09-30', '2026-12-31']],
      // a date with a leading word
      ['Đến hết ngày 31/12/2026', 'FIXED', ['2026-12-31']],
      ['Tới ngày 15/3/2026', 'FIXED', ['2026-03-15']],
      ['Vào ngày 20 tháng 5 năm 2026', 'FIXED', ['2026-05-20']],
      // report periods: one cycle per report
      ['Quý', 'RECURRING', Q_ENDS_2026],
      ['6 tháng', 'RECURRING', ['2026-06-30', '2026-12-31']],
      ['Năm', 'PERIOD_END', ['2026-12-31']],
      ['6 tháng và năm', 'RECURRING', ['2026-06-30', '2026-12-31']],
      ['6 tháng, năm', 'RECURRING', ['2026-06-30', '2026-12-31']],
      ['quý, 6 tháng, năm', 'RECURRING', Q_ENDS_2026],
      ['Báo cáo định kỳ quý, 6 tháng, năm', 'RECURRING', Q_ENDS_2026],
      ['Hằng quý, 6 tháng, năm', 'RECURRING', Q_ENDS_2026],
      ['Quý/6 tháng/năm', 'RECURRING', Q_ENDS_2026],
      ['Định kỳ 6 tháng', 'RECURRING', ['2026-06-30', '2026-12-31']],
      ['Hằng tháng, quý, năm', 'RECURRING', MONTH_ENDS_2026],
      ['Hằng năm', 'PERIOD_END', ['2026-12-31']],
      ['9 tháng, năm', 'RECURRING', ['2026-09-30', '2026-12-31']],
    ])('%s → %s %j', (raw, kind, dueDates) => {
      expect(parseDeadline(raw, 2026)).toEqual({ raw, kind, dueDates });
    });

    it('takes the plan year for "hằng năm" and for periods without a year', () => {
      expect(parseDeadline('trước ngày 30/10 hằng năm', 2027).dueDates).toEqual(['2027-10-30']);
      expect(parseDeadline('6 tháng và năm', 2028).dueDates).toEqual(['2028-06-30', '2028-12-31']);
      expect(parseDeadline('Vào tháng 2', 2028).dueDates).toEqual(['2028-02-29']);
    });

    it.each([
      // read two ways by officials: before the period starts, or by its end
      'Trước quý III/2026',
      'Trước tháng 11/2026',
      'Đến tháng 6/2026',
      // says two things at once
      '30/10/2026 hằng năm',
      // which month of the period is the first depends on the period
      'Trước ngày 10 tháng đầu kỳ',
      // a day of the quarter without its month
      'Trước ngày 10 hằng quý',
      // a period word without its number
      'Trong quý',
      'Tháng',
      '6 tháng đầu',
      // a list with something that is not a period
      'Quý, 6 tháng, khi cần',
      // a date that does not exist, even every year
      'Trước ngày 30/02 hằng năm',
    ])('%s → UNKNOWN (half understood, never invented)', (raw) => {
      expect(parseDeadline(raw, 2026)).toEqual({ raw, kind: 'UNKNOWN', dueDates: [] });
    });
  });

  describe('robustness', () => {
    it('reads NFD text like NFC text and keeps the raw cell', () => {
      const nfd = 'Trước ngày mùng 10 của tháng cuối quý'.normalize('NFD');
      const result = parseDeadline(nfd, 2026);
      expect(result.kind).toBe('RECURRING');
      expect(result.dueDates).toEqual(['2026-03-10', '2026-06-10', '2026-09-10', '2026-12-10']);
      expect(result.raw).toBe(nfd);
      expect(parseDeadline('Cả năm 2026'.normalize('NFD'), 2026).dueDates).toEqual(['2026-12-31']);
      expect(parseDeadline('Theo yêu cầu của Sở Nội vụ'.normalize('NFD'), 2026).kind).toBe('ON_REQUEST');
    });

    it('ignores case, extra spaces and dash variants', () => {
      expect(parseDeadline('  TRƯỚC   15/01/2026 ', 2026)).toEqual({ raw: 'TRƯỚC   15/01/2026', kind: 'FIXED', dueDates: ['2026-01-15'] });
      expect(parseDeadline('quý iii,iv/2026', 2026).dueDates).toEqual(['2026-09-30', '2026-12-31']);
      expect(parseDeadline('Quý III — IV/2026', 2026).dueDates).toEqual(['2026-12-31']);
      expect(parseDeadline('15–01–2026', 2026).dueDates).toEqual(['2026-01-15']);
      expect(parseDeadline('Trước 15/01/2026.', 2026).dueDates).toEqual(['2026-01-15']);
    });

    it.each(['', '   ', 'Sớm nhất có thể', 'Quý V/2026', '2026', 'Trước', 'xyz 15/01/2026'])(
      '%j → UNKNOWN without throwing',
      (raw) => {
        expect(parseDeadline(raw, 2026)).toEqual({ raw: raw.trim(), kind: 'UNKNOWN', dueDates: [] });
      },
    );
  });
});
