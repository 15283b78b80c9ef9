import type { Deadline, DeadlineKind } from '@app/contracts';
import { dayInMonth, isValidDate, isoDate, monthEnd, quarterEnd } from '../calendar';
import { toNfc } from './text';

/**
 * Reads the "Thời gian thực hiện/hoàn thành" cell of a plan task into a schedule.
 *
 * Every rule matches the whole phrase, never a part of it: a cell such as "Theo hướng dẫn … ngày 24/11/2025"
 * contains a date that is not a deadline, and a phrase we half-understand must come out UNKNOWN so that the
 * coordinator sets the schedule by hand instead of the system inventing one. For the same reason phrases whose
 * meaning officials read two ways ("Trước quý III/2026": by 30/6 or by 30/9?) are left UNKNOWN on purpose.
 */
export function parseDeadline(raw: string, year: number): Deadline {
  const text = raw.trim();
  const schedule = readPhrase(normalizeDeadlinePhrase(text), year);
  if (schedule) return { raw: text, kind: schedule.kind, dueDates: [...new Set(schedule.dueDates)].sort() };
  return { raw: text, kind: 'UNKNOWN', dueDates: [] };
}

/**
 * "… hằng năm" after a date or a period ("Trước ngày 30/10 hằng năm", "Tháng 11 hằng năm") repeats every year; a
 * plan is one year's, so it means that date or period in the plan's year. A phrase that also names a year
 * ("30/10/2026 hằng năm") says two things and stays unknown.
 */
const EVERY_YEAR_SUFFIX = / (?:hằng|hàng|mỗi) năm$/;

function readPhrase(phrase: string, year: number): Schedule | null {
  if (!phrase) return null;
  for (const rule of RULES) {
    const schedule = rule(phrase, year);
    if (schedule) return schedule;
  }
  const once = phrase.replace(EVERY_YEAR_SUFFIX, '');
  if (once !== phrase && once !== '' && !/\d{4}/.test(once)) return readPhrase(once, year);
  return null;
}

/** Lower case NFC with one spelling for dashes, slashes, commas and spaces, so rules see a single form. */
export function normalizeDeadlinePhrase(raw: string): string {
  return toNfc(raw)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .replace(/ ?- ?/g, '-')
    .replace(/ ?, ?/g, ', ')
    .replace(/ ?; ?/g, '; ')
    .replace(/ ?& ?/g, ' & ')
    .replace(/[\s.,;:]+$/, '')
    .trim();
}

interface Schedule {
  kind: DeadlineKind;
  dueDates: string[];
}
type Rule = (phrase: string, year: number) => Schedule | null;

const QUARTER_ENDS = (year: number) => [1, 2, 3, 4].map((q) => quarterEnd(year, q));
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** "Theo yêu cầu của Sở Nội vụ", "Theo hướng dẫn của Trung ương …", "Khi có yêu cầu". */
const onRequest: Rule = (p) =>
  /^(?:thực hiện |hoàn thành )?(?:theo|khi có) (?:yêu cầu|hướng dẫn|chỉ đạo|đề nghị|văn bản)/.test(p)
    ? { kind: 'ON_REQUEST', dueDates: [] }
    : null;

/** "Thường xuyên": no completion date, progress is reported every quarter. */
const continuous: Rule = (p) =>
  /^(?:thường xuyên|liên tục)(?:$|[ ,;(])/.test(p) ? { kind: 'CONTINUOUS', dueDates: [] } : null;

const DAY_PREFIX = '(?:trước |chậm nhất (?:là )?|hạn |vào |trong |hoàn thành trước )?(?:ngày )?(?:mùng |mồng )?';

/**
 * "Quý" or a reporting period ("kỳ", "kỳ báo cáo"). A CCHC plan's reporting periods are the quarter, the six
 * months and the year, which all end with a quarter, so "the last month of the period" is a quarter's last month.
 */
const QUARTER_OR_PERIOD = '(?:quý|kỳ(?: báo cáo)?)';
const QUARTER_MONTH = `tháng (đầu|giữa|cuối)(?: cùng)? (?:của )?(?:mỗi |các |hàng |hằng )?${QUARTER_OR_PERIOD}`;

/**
 * "Trước ngày mùng 10 của tháng cuối quý", "Trước ngày 10 tháng cuối cùng của mỗi quý", "Chậm nhất ngày 05 của
 * tháng cuối kỳ" → the 10th (5th) of Mar, Jun, Sep, Dec; "tháng đầu quý" is Jan, Apr, Jul, Oct. Only the last
 * month is read for a reporting period ("tháng đầu kỳ" depends on which period).
 */
const dayOfQuarterMonth: Rule = (p, year) => {
  const m = new RegExp(`^${DAY_PREFIX}(\\d{1,2}) (?:của |các |mỗi |hàng |hằng )?${QUARTER_MONTH}$`).exec(p);
  if (!m || (m[2] !== 'cuối' && !/quý$/.test(p))) return null;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return null;
  const offset = { đầu: 1, giữa: 2, cuối: 3 }[m[2] as 'đầu' | 'giữa' | 'cuối'];
  return { kind: 'RECURRING', dueDates: [0, 1, 2, 3].map((q) => dayInMonth(year, q * 3 + offset, day)) };
};

/** "Tháng cuối quý", "Trong tháng cuối cùng của mỗi quý": during that month, so by its last day, every quarter. */
const lastMonthOfQuarter: Rule = (p, year) => {
  const m = new RegExp(`^(?:trong |vào )?${QUARTER_MONTH}$`).exec(p);
  if (!m || m[1] !== 'cuối') return null;
  return { kind: 'RECURRING', dueDates: QUARTER_ENDS(year) };
};

/** "Trước ngày 5 hàng tháng" → the 5th of every month. */
const dayOfEveryMonth: Rule = (p, year) => {
  const m = new RegExp(`^${DAY_PREFIX}(\\d{1,2}) (?:hàng|hằng|mỗi|của mỗi|các) tháng$`).exec(p);
  if (!m) return null;
  const day = Number(m[1]);
  if (day < 1 || day > 31) return null;
  return { kind: 'RECURRING', dueDates: MONTHS.map((month) => dayInMonth(year, month, day)) };
};

/** The reporting periods a plan names, each with the ends of its periods in the plan's year. */
const REPORT_PERIODS: Array<[RegExp, (year: number) => string[]]> = [
  [/^(?:6|sáu) tháng(?: một lần|\/lần)?$/, (year) => [monthEnd(year, 6), monthEnd(year, 12)]],
  [/^(?:9|chín) tháng$/, (year) => [monthEnd(year, 9)]],
  [/^quý(?: một lần|\/lần)?$/, QUARTER_ENDS],
  [/^tháng(?: một lần|\/lần)?$/, (year) => MONTHS.map((month) => monthEnd(year, month))],
  [/^(?:cả )?năm$/, (year) => [monthEnd(year, 12)]],
];
const PERIOD_WORDS = /^(?:(?:báo cáo|định kỳ|hàng|hằng|mỗi) )+/;

/**
 * "Hàng quý", "Định kỳ 6 tháng", and the report periods of a plan's reporting tasks: "Quý", "6 tháng", "6 tháng
 * và năm", "Quý, 6 tháng, năm" → the end of every such period of the plan's year (RECURRING: one cycle per
 * report). "Tháng" alone is read only with "hàng"/"định kỳ" before it or beside other periods; "Năm" alone is the
 * year's end (PERIOD_END, see wholeYear).
 */
const reportPeriods: Rule = (p, year) => {
  const hasPeriodWord = PERIOD_WORDS.test(p);
  const items = p.replace(PERIOD_WORDS, '').split(/, | và | & |; |\//);
  const dueDates: string[] = [];
  for (const item of items) {
    const period = REPORT_PERIODS.find(([pattern]) => pattern.test(item.replace(PERIOD_WORDS, '')));
    if (!period) return null;
    dueDates.push(...period[1](year));
  }
  if (items.length === 1 && /^(?:cả )?năm$/.test(items[0])) return null;
  if (items.length === 1 && /^tháng/.test(items[0]) && !hasPeriodWord) return null;
  return { kind: 'RECURRING', dueDates };
};

const YEAR_SUFFIX = '(?:(?:/| năm )(\\d{4}))?';

/**
 * Leading words that do not change a period's meaning: "Trong quý I", "Cuối tháng 6", "Vào tháng 11 năm 2026",
 * "Đến hết Quý III/2026", "Chậm nhất trong tháng 6". "Trước" and a bare "đến" are not among them: "Trước quý III"
 * and "Đến tháng 6" are read two ways (before the period starts or by its end) and stay unknown.
 */
const PERIOD_PREFIX =
  '(?:(?:chậm nhất(?: là)? |hoàn thành |thực hiện |triển khai )?(?:trong (?:suốt )?|vào |cuối |đến hết |tới hết |hết |đến cuối |tới cuối )?)';

/** "6 tháng đầu năm" → 30/6, "6 tháng cuối năm" → 31/12. */
const halfYear: Rule = (p, year) => {
  const m = new RegExp(`^${PERIOD_PREFIX}(?:6 tháng|sáu tháng|nửa) (đầu|cuối) năm(?:(?: |/)(\\d{4}))?$`).exec(p);
  if (!m) return null;
  const y = m[2] ? Number(m[2]) : year;
  return { kind: 'PERIOD_END', dueDates: [m[1] === 'đầu' ? monthEnd(y, 6) : monthEnd(y, 12)] };
};

/** "Cả năm 2026", "Năm 2026", "Trong năm", "Đến hết năm 2026", "Cuối năm" → 31/12. */
const wholeYear: Rule = (p, year) => {
  const m = new RegExp(`^${PERIOD_PREFIX}(?:cả |suốt |hàng |hằng )?năm(?:(?: |/)(\\d{4}))?$`).exec(p);
  if (!m) return null;
  return { kind: 'PERIOD_END', dueDates: [monthEnd(m[1] ? Number(m[1]) : year, 12)] };
};
const LIST_SEPARATOR = /(, |; | và | & |-)/;

/**
 * A list of ordinals such as "iii, iv", "ii và iii", "i-ii" (a range). A range ends when its last period ends,
 * so it yields one date; a list yields one milestone per item.
 */
function ordinalList(list: string, itemWord: string, toNumber: (token: string) => number | null) {
  const parts = list.split(LIST_SEPARATOR);
  const values: number[] = [];
  const separators: string[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 1) separators.push(part);
    else values.push(toNumber(part.replace(new RegExp(`^${itemWord} `), '')) ?? NaN);
  });
  if (values.some((v) => Number.isNaN(v))) return null;
  const isRange = separators.includes('-');
  if (isRange && (values.length !== 2 || values[0] >= values[1])) return null;
  return { values, isRange };
}

function periodSchedule(values: number[], isRange: boolean, end: (n: number) => string): Schedule {
  if (isRange) return { kind: 'PERIOD_END', dueDates: [end(values[values.length - 1])] };
  const dueDates = [...new Set(values)].map(end);
  return { kind: dueDates.length === 1 ? 'PERIOD_END' : 'MILESTONES', dueDates };
}

const QUARTER_NUMBERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const QUARTER = '(?:iv|iii|ii|i|[1-4])';
const SEPARATOR = '(?:, |; | và | & |-)';

/** "Quý I/2026" → 31/3; "Quý III,IV/2026" → 30/9 and 31/12; "Quý 2 năm 2026"; "quý II" (plan's year). */
const quarters: Rule = (p, year) => {
  const m = new RegExp(`^${PERIOD_PREFIX}quý (${QUARTER}(?:${SEPARATOR}(?:quý )?${QUARTER})*)${YEAR_SUFFIX}$`).exec(p);
  if (!m) return null;
  const list = ordinalList(m[1], 'quý', (t) => QUARTER_NUMBERS[t] ?? null);
  if (!list) return null;
  const y = m[2] ? Number(m[2]) : year;
  return periodSchedule(list.values, list.isRange, (q) => quarterEnd(y, q));
};

const MONTH = '(?:1[0-2]|0?[1-9])';
const monthNumber = (t: string): number | null => (/^\d{1,2}$/.test(t) && +t >= 1 && +t <= 12 ? Number(t) : null);

/** "Tháng 10/2026" → 31/10; "Tháng 6, 12/2026" → 30/6 and 31/12; "Tháng 2" → 28 or 29/2; bare "10/2026". */
const months: Rule = (p, year) => {
  const m =
    new RegExp(`^${PERIOD_PREFIX}tháng (${MONTH}(?:${SEPARATOR}(?:tháng )?${MONTH})*)${YEAR_SUFFIX}$`).exec(p) ??
    new RegExp(`^${PERIOD_PREFIX}(${MONTH})/(\\d{4})$`).exec(p);
  if (!m) return null;
  const list = ordinalList(m[1], 'tháng', monthNumber);
  if (!list) return null;
  const y = m[2] ? Number(m[2]) : year;
  return periodSchedule(list.values, list.isRange, (month) => monthEnd(y, month));
};

const DATE_PATTERNS = [
  /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/,
  /^(\d{1,2})-(\d{1,2})-(\d{4})$/,
  /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/,
  /^(\d{1,2}) tháng (\d{1,2})(?: năm (\d{4}))?$/,
];

function singleDate(token: string, year: number): string | null {
  const item = token.replace(/^(?:ngày |mùng |mồng )+/, '');
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(item);
    if (!m) continue;
    const day = Number(m[1]);
    const month = Number(m[2]);
    // A two-digit year ("15/01/26") is this century's.
    const y = m[3] === undefined ? year : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return isValidDate(y, month, day) ? isoDate(y, month, day) : null;
  }
  return null;
}

/**
 * "Trước 15/01/2026", "Trước ngày 15/1", "ngày 15 tháng 1 năm 2026", "Chậm nhất ngày 30/6", "Đến hết ngày 31/12";
 * several dates → milestones.
 */
const dates: Rule = (p, year) => {
  const body = p.replace(/^(?:(?:hoàn thành|chậm nhất là|chậm nhất|hạn chót|hạn|trước|vào|trong|đến hết|tới hết|hết|đến|tới|là)(?: |: ?))+/, '');
  const items = body.split(/, | và | & |; /);
  const found: string[] = [];
  for (const item of items) {
    const date = singleDate(item, year);
    if (!date) return null;
    found.push(date);
  }
  const unique = [...new Set(found)];
  return { kind: unique.length === 1 ? 'FIXED' : 'MILESTONES', dueDates: unique };
};

/** Order matters only for on-request, which must win over any date inside "Theo hướng dẫn … ngày …". */
const RULES: Rule[] = [
  onRequest,
  continuous,
  dayOfQuarterMonth,
  lastMonthOfQuarter,
  dayOfEveryMonth,
  reportPeriods,
  halfYear,
  wholeYear,
  quarters,
  months,
  dates,
];
