import { parseDeadline } from './deadline';

const Q_ENDS_2026 = ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31'];

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
