import { formatBytes, formatDate, formatDateTime, isoDateInZone, parseVnDate } from './format';

describe('web formatting (vi-VN, Asia/Ho_Chi_Minh)', () => {
  it('writes dates as dd/MM/yyyy, a calendar date never moving to another day', () => {
    expect(formatDate('2026-03-31')).toBe('31/03/2026');
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('không phải ngày')).toBe('—');
  });

  it('reads instants in the commune’s zone (UTC+7)', () => {
    // 20:30 UTC on 31/12 is already 03:30 on 01/01 in Hà Nội.
    expect(formatDateTime('2026-12-31T20:30:00Z')).toBe('01/01/2027 03:30');
    expect(isoDateInZone('2026-12-31T20:30:00Z')).toBe('2027-01-01');
  });

  it('parses dates typed as dd/mm/yyyy and refuses impossible ones', () => {
    expect(parseVnDate('31/03/2026')).toBe('2026-03-31');
    expect(parseVnDate('5/1/2026')).toBe('2026-01-05');
    expect(parseVnDate('30/02/2026')).toBeNull();
    expect(parseVnDate('2026-03-31')).toBeNull();
  });

  it('writes sizes with the Vietnamese decimal comma', () => {
    expect(formatBytes(512)).toBe('512 byte');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
  });
});
