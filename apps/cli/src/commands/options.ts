import { InvalidArgumentError } from 'commander';
import { PLAN_YEAR_MAX, PLAN_YEAR_MIN } from '@app/persistence';

/** `--year N`: a four-digit year in the range a plan may have (the import refuses year 0000 or 9999 all the same). */
export function parseYearOption(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || year < PLAN_YEAR_MIN || year > PLAN_YEAR_MAX) {
    throw new InvalidArgumentError(`Năm không hợp lệ: "${value}" (cần từ ${PLAN_YEAR_MIN} đến ${PLAN_YEAR_MAX}, ví dụ 2026)`);
  }
  return year;
}
