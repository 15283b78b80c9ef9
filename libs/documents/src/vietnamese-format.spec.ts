import {
  dateInWords,
  documentNumberLine,
  formatNumber,
  formatQuantity,
  formatTarget,
  itemLetter,
  placeAndDateLine,
  romanNumeral,
  shortDate,
  vietnameseUpperCase,
} from './vietnamese-format';

describe('date in words (ND30)', () => {
  it('writes a leading zero for days below 10 and for months 1 and 2 only', () => {
    expect(dateInWords('2026-03-05')).toBe('ngày 05 tháng 3 năm 2026');
    expect(dateInWords('2026-02-15')).toBe('ngày 15 tháng 02 năm 2026');
    expect(dateInWords('2026-01-09')).toBe('ngày 09 tháng 01 năm 2026');
    expect(dateInWords('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
    expect(dateInWords('2026-10-10')).toBe('ngày 10 tháng 10 năm 2026');
  });

  it('puts the place before the date, and leaves day and month blank for an undated draft', () => {
    expect(placeAndDateLine('An Lão', { kind: 'dated', on: '2026-03-05' })).toBe('An Lão, ngày 05 tháng 3 năm 2026');
    expect(placeAndDateLine('An Lão', { kind: 'undated', year: 2026 })).toMatch(/^An Lão, ngày {4,}tháng {4,}năm 2026$/);
  });

  it('refuses days that do not exist rather than printing them', () => {
    expect(() => dateInWords('2026-02-29')).toThrow(RangeError);
    expect(() => dateInWords('2026-13-01')).toThrow(RangeError);
    expect(() => dateInWords('5/3/2026')).toThrow(RangeError);
    expect(dateInWords('2028-02-29')).toBe('ngày 29 tháng 02 năm 2028');
  });

  it('writes the short table form dd/mm/yyyy', () => {
    expect(shortDate('2026-03-05')).toBe('05/03/2026');
  });
});

describe('document number line', () => {
  it('writes numbers below 10 with a leading zero', () => {
    expect(documentNumberLine(5, 'BC-UBND')).toBe('Số: 05/BC-UBND');
    expect(documentNumberLine(12, 'BC-UBND')).toBe('Số: 12/BC-UBND');
    expect(documentNumberLine(287, 'BC-UBND')).toBe('Số: 287/BC-UBND');
  });

  it('leaves room for the clerk when the draft has no number yet', () => {
    expect(documentNumberLine(null, 'BC-UBND')).toMatch(/^Số: {4,}\/BC-UBND$/);
  });

  it('refuses a number that cannot be registered', () => {
    expect(() => documentNumberLine(0, 'BC-UBND')).toThrow(RangeError);
    expect(() => documentNumberLine(2.5, 'BC-UBND')).toThrow(RangeError);
  });
});

describe('figures', () => {
  it('uses a dot for thousands and a comma for decimals', () => {
    expect(formatNumber(1284)).toBe('1.284');
    expect(formatNumber(1234567.25, 2)).toBe('1.234.567,25');
    expect(formatNumber(96.8)).toBe('96,8');
    expect(formatNumber((1046 / 1284) * 100)).toBe('81,5');
    expect(formatNumber(100)).toBe('100');
  });

  it('prints rates with % and targets with their comparison', () => {
    expect(formatQuantity(96.8, '%')).toBe('96,8%');
    expect(formatQuantity(1241, 'hồ sơ')).toBe('1.241 hồ sơ');
    expect(formatTarget({ comparison: 'atLeast', value: 90 }, '%')).toBe('≥ 90%');
    expect(formatTarget({ comparison: 'moreThan', value: 100 }, '%')).toBe('> 100%');
    expect(formatTarget({ comparison: 'exactly', value: 100 }, '%')).toBe('100%');
  });
});

describe('numbering of headings', () => {
  it('numbers sections in Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 7, 9].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VII', 'IX']);
  });

  it('letters items in the Vietnamese order, with đ after d and no f', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(itemLetter)).toEqual(['a', 'b', 'c', 'd', 'đ', 'e', 'g']);
  });

  it('capitalises Vietnamese headings without losing diacritics, decomposed input included', () => {
    expect(vietnameseUpperCase('Đề xuất, kiến nghị')).toBe('ĐỀ XUẤT, KIẾN NGHỊ');
    expect(vietnameseUpperCase('thủ tục'.normalize('NFD'))).toBe('THỦ TỤC');
  });
});
