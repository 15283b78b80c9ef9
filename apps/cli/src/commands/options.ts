import { InvalidArgumentError } from 'commander';

/** `--year N`: a four-digit calendar year. */
export function parseYearOption(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value.trim()) || year < 2000 || year > 2100) {
    throw new InvalidArgumentError(`Năm không hợp lệ: "${value}" (cần dạng 2026).`);
  }
  return year;
}
