import { DEFAULT_DEADLINE_SETTINGS } from '../../../../libs/contracts/src/deadlines';
import { escalationWord } from './escalation';

describe('how far up the ladder a step went, in words', () => {
  it('reads the level against the commune’s ladder: reminders first, then each rung by whom it tells', () => {
    // Defaults: reminders 3 and 1 working days before; rungs +0 (holder, unit head), +2 (coordinator), +5 (Chairman).
    const words = [0, 1, 2, 3, 4, 5].map((level) => escalationWord(level, DEFAULT_DEADLINE_SETTINGS));
    expect(words).toEqual([null, 'Đã nhắc', 'Đã nhắc', 'Đã báo lãnh đạo đơn vị', 'Đã báo đầu mối CCHC', 'Đã báo Chủ tịch']);
  });

  it('follows another commune’s settings, and says something generic without them', () => {
    const settings = { ...DEFAULT_DEADLINE_SETTINGS, remindBeforeWorkingDays: [], escalation: [{ afterWorkingDays: 1, to: ['CHAIRMAN' as const] }] };
    expect(escalationWord(1, settings)).toBe('Đã báo Chủ tịch');
    expect(escalationWord(2, null)).toBe('Đã nhắc / báo quá hạn');
  });
});
