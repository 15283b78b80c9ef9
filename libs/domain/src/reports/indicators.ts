/**
 * The figures units report each period and the indicators of the plan's section II.1 computed from them: the one
 * home of "which unit gives which number" and "what the report compares it with". The targets are An Lão's plan
 * of 2026 (section II.1 a–e); the service figures are those of Bộ chỉ số 766 (Quyết định 766/QĐ-TTg) that the
 * commune's Trung tâm Phục vụ hành chính công reads off the city's system.
 */
import type { ReportIndicatorLine, ReportTaskLine, UnitCode, UnitInputContent } from '@app/contracts';

export interface ReportFigure {
  key: string;
  /** The unit that owns and reports the figure. */
  unit: UnitCode;
  /** As the input form labels it. */
  label: string;
  measure: 'count' | 'percent';
  /** For counts: what is counted ("hồ sơ", "giao dịch", "nhiệm vụ"). */
  counted?: string;
  /** A count that is part of another (online receipts of receipts): it cannot exceed it. */
  partOf?: string;
  /** A percentage of a plan or an estimate, which may be exceeded (revenue at 104% of the estimate). */
  mayExceed100?: true;
}

export const REPORT_FIGURES: readonly ReportFigure[] = [
  { key: 'dossiersReceived', unit: 'TTPVHCC', label: 'Hồ sơ thủ tục hành chính tiếp nhận trong kỳ', measure: 'count', counted: 'hồ sơ' },
  { key: 'dossiersReceivedOnline', unit: 'TTPVHCC', label: 'Trong đó: tiếp nhận trực tuyến', measure: 'count', counted: 'hồ sơ', partOf: 'dossiersReceived' },
  {
    key: 'dossiersTracked',
    unit: 'TTPVHCC',
    label: 'Trong đó: được theo dõi trạng thái trên Hệ thống thông tin giải quyết TTHC của thành phố',
    measure: 'count',
    counted: 'hồ sơ',
    partOf: 'dossiersReceived',
  },
  { key: 'dossiersResolved', unit: 'TTPVHCC', label: 'Hồ sơ đã giải quyết', measure: 'count', counted: 'hồ sơ' },
  { key: 'dossiersOnTime', unit: 'TTPVHCC', label: 'Trong đó: giải quyết đúng hạn', measure: 'count', counted: 'hồ sơ', partOf: 'dossiersResolved' },
  { key: 'dossiersLate', unit: 'TTPVHCC', label: 'Trong đó: giải quyết quá hạn', measure: 'count', counted: 'hồ sơ', partOf: 'dossiersResolved' },
  { key: 'resultsDigitised', unit: 'TTPVHCC', label: 'Hồ sơ có kết quả giải quyết được số hóa', measure: 'count', counted: 'hồ sơ', partOf: 'dossiersResolved' },
  { key: 'paymentsTotal', unit: 'TTPVHCC', label: 'Giao dịch thanh toán phí, lệ phí', measure: 'count', counted: 'giao dịch' },
  { key: 'paymentsOnline', unit: 'TTPVHCC', label: 'Trong đó: thanh toán trực tuyến', measure: 'count', counted: 'giao dịch', partOf: 'paymentsTotal' },
  { key: 'satisfactionPercent', unit: 'TTPVHCC', label: 'Mức độ hài lòng của người dân, doanh nghiệp (%)', measure: 'percent' },
  { key: 'cityTasksAssigned', unit: 'VP', label: 'Nhiệm vụ UBND thành phố, Chủ tịch UBND thành phố giao', measure: 'count', counted: 'nhiệm vụ' },
  { key: 'cityTasksDone', unit: 'VP', label: 'Trong đó: hoàn thành bảo đảm tiến độ, chất lượng', measure: 'count', counted: 'nhiệm vụ', partOf: 'cityTasksAssigned' },
  { key: 'budgetRevenuePercent', unit: 'KT', label: 'Thu ngân sách nhà nước so với dự toán thành phố giao (%)', measure: 'percent', mayExceed100: true },
  { key: 'investmentDisbursementPercent', unit: 'KT', label: 'Giải ngân vốn đầu tư công so với kế hoạch (%)', measure: 'percent' },
];

/** The figures a unit owns, in the order the form shows them. */
export function figuresOf(unit: UnitCode): ReportFigure[] {
  return REPORT_FIGURES.filter((f) => f.unit === unit);
}

/** What is wrong with a unit's figures: unknown keys, negative or fractional counts, rates over 100, parts over wholes. */
export function figureProblems(unit: UnitCode, figures: Record<string, number | null>): { field: string; message: string }[] {
  const own = new Map(figuresOf(unit).map((f) => [f.key, f]));
  const problems: { field: string; message: string }[] = [];
  for (const [key, value] of Object.entries(figures)) {
    const figure = own.get(key);
    if (!figure) {
      problems.push({ field: `figures.${key}`, message: `Đơn vị này không báo cáo số liệu “${key}”.` });
      continue;
    }
    if (value === null) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      problems.push({ field: `figures.${key}`, message: `${figure.label}: phải là số không âm.` });
    } else if (figure.measure === 'count' && !Number.isInteger(value)) {
      problems.push({ field: `figures.${key}`, message: `${figure.label}: phải là số nguyên.` });
    } else if (figure.measure === 'percent' && value > 100 && !figure.mayExceed100) {
      problems.push({ field: `figures.${key}`, message: `${figure.label}: tỷ lệ không quá 100%.` });
    }
  }
  for (const figure of own.values()) {
    const part = figures[figure.key];
    const whole = figure.partOf ? figures[figure.partOf] : null;
    if (typeof part === 'number' && typeof whole === 'number' && part > whole) {
      problems.push({ field: `figures.${figure.key}`, message: `${figure.label}: không lớn hơn ${own.get(figure.partOf!)!.label.toLocaleLowerCase('vi')} (${whole}).` });
    }
  }
  return problems;
}

type Target = ReportIndicatorLine['target'];

interface IndicatorRule {
  key: string;
  name: (year: number) => string;
  target: Target;
  unit: string;
  source: UnitCode;
  /** From the task lines (a share of tasks), or the ratio of two figures, or one figure that is a rate. */
  value: { tasks: true } | { part: string; whole: string } | { rate: string };
}

/** Plan section II.1, in its order, then the service figures the plan asks to improve without a number. */
const INDICATOR_RULES: IndicatorRule[] = [
  {
    key: 'planTasksOnTime',
    name: (y) => `Nhiệm vụ của Kế hoạch cải cách hành chính năm ${y} đã đến hạn được hoàn thành đúng tiến độ`,
    target: { comparison: 'exactly', value: 100 },
    unit: '%',
    source: 'VHXH',
    value: { tasks: true },
  },
  {
    key: 'cityTasks',
    name: () => 'Nhiệm vụ được UBND thành phố, Chủ tịch UBND thành phố giao hoàn thành bảo đảm tiến độ, chất lượng',
    target: { comparison: 'exactly', value: 100 },
    unit: '%',
    source: 'VP',
    value: { part: 'cityTasksDone', whole: 'cityTasksAssigned' },
  },
  {
    key: 'budgetRevenue',
    name: () => 'Thu ngân sách nhà nước trên địa bàn so với dự toán thành phố giao',
    target: { comparison: 'moreThan', value: 100 },
    unit: '%',
    source: 'KT',
    value: { rate: 'budgetRevenuePercent' },
  },
  {
    key: 'investmentDisbursement',
    name: () => 'Giải ngân vốn đầu tư công so với kế hoạch',
    target: { comparison: 'atLeast', value: 90 },
    unit: '%',
    source: 'KT',
    value: { rate: 'investmentDisbursementPercent' },
  },
  {
    key: 'dossiersTracked',
    name: () => 'Hồ sơ thủ tục hành chính được theo dõi trạng thái xử lý trên Hệ thống thông tin giải quyết thủ tục hành chính của thành phố',
    target: { comparison: 'exactly', value: 100 },
    unit: '%',
    source: 'TTPVHCC',
    value: { part: 'dossiersTracked', whole: 'dossiersReceived' },
  },
  {
    key: 'satisfaction',
    name: () => 'Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính',
    target: { comparison: 'atLeast', value: 90 },
    unit: '%',
    source: 'TTPVHCC',
    value: { rate: 'satisfactionPercent' },
  },
  {
    key: 'dossiersOnTime',
    name: () => 'Hồ sơ thủ tục hành chính giải quyết đúng hạn',
    target: null,
    unit: '%',
    source: 'TTPVHCC',
    value: { part: 'dossiersOnTime', whole: 'dossiersResolved' },
  },
  {
    key: 'onlineReceipt',
    name: () => 'Hồ sơ thủ tục hành chính tiếp nhận trực tuyến',
    target: null,
    unit: '%',
    source: 'TTPVHCC',
    value: { part: 'dossiersReceivedOnline', whole: 'dossiersReceived' },
  },
  {
    key: 'onlinePayment',
    name: () => 'Giao dịch thanh toán trực tuyến trên Cổng Dịch vụ công quốc gia trên tổng số giao dịch thanh toán',
    target: null,
    unit: '%',
    source: 'TTPVHCC',
    value: { part: 'paymentsOnline', whole: 'paymentsTotal' },
  },
  {
    key: 'digitised',
    name: () => 'Hồ sơ có kết quả giải quyết thủ tục hành chính được số hóa',
    target: null,
    unit: '%',
    source: 'TTPVHCC',
    value: { part: 'resultsDigitised', whole: 'dossiersResolved' },
  },
];

/** One decimal, as the report prints rates. */
export const roundRate = (value: number) => Math.round(value * 10) / 10;

/** "1.231" — thousands with a dot, as Vietnamese figures are written. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function indicatorMet(target: Target, value: number | null): boolean | null {
  if (!target || value === null) return null;
  switch (target.comparison) {
    case 'atLeast':
      return value >= target.value;
    case 'moreThan':
      return value > target.value;
    case 'exactly':
      return value === target.value;
    case 'atMost':
      return value <= target.value;
  }
}

/**
 * The tasks the plan's first indicator is measured on: those whose (original) date has come by the data day,
 * leaving out work the plan no longer asks (withdrawn) or that never ran (activated late).
 */
export function dueTaskCounts(tasks: readonly ReportTaskLine[], asOf: string): { due: number; onTime: number } {
  const due = tasks.filter(
    (t) => t.originalDueAt !== null && t.originalDueAt <= asOf && t.statusWord.key !== 'MISSED' && t.statusWord.key !== 'WITHDRAWN',
  );
  return { due: due.length, onTime: due.filter((t) => t.statusWord.key === 'DONE_ON_TIME').length };
}

/**
 * The indicators with their values: from the task lines, or from the approved figures of the unit that owns them
 * (null, with the reason in the note, while that unit has not sent them).
 */
export function computeIndicators(input: {
  year: number;
  asOf: string;
  tasks: readonly ReportTaskLine[];
  /** Approved figures per unit (a unit absent has none approved yet). */
  figures: Partial<Record<UnitCode, UnitInputContent['figures']>>;
  unitNames: Record<UnitCode, string>;
}): ReportIndicatorLine[] {
  return INDICATOR_RULES.map((rule) => {
    const own = input.figures[rule.source];
    let value: number | null = null;
    let note = '';
    if ('tasks' in rule.value) {
      const { due, onTime } = dueTaskCounts(input.tasks, input.asOf);
      value = due === 0 ? null : roundRate((100 * onTime) / due);
      note = due === 0 ? 'Chưa có nhiệm vụ đến hạn' : `${grouped(onTime)}/${grouped(due)} nhiệm vụ đã đến hạn`;
    } else if (!own) {
      note = 'Đơn vị chưa gửi báo cáo được duyệt';
    } else if ('rate' in rule.value) {
      const rate = own[rule.value.rate];
      value = typeof rate === 'number' ? roundRate(rate) : null;
      if (value === null) note = 'Đơn vị không báo cáo số liệu này';
    } else {
      const ratio = rule.value;
      const part = own[ratio.part];
      const whole = own[ratio.whole];
      const counted = REPORT_FIGURES.find((f) => f.key === ratio.whole)?.counted ?? '';
      if (typeof part === 'number' && typeof whole === 'number' && whole > 0) {
        value = roundRate((100 * part) / whole);
        note = `${grouped(part)}/${grouped(whole)} ${counted}`.trim();
      } else {
        note = typeof whole === 'number' && whole === 0 ? `Không phát sinh ${counted}`.trim() : 'Đơn vị không báo cáo số liệu này';
      }
    }
    return {
      key: rule.key,
      name: rule.name(input.year),
      target: rule.target,
      value,
      unit: rule.unit,
      sourceUnit: rule.source,
      sourceUnitName: input.unitNames[rule.source] ?? rule.source,
      note,
      met: indicatorMet(rule.target, value),
    };
  });
}
