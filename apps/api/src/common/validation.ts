import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';
import { IS_CLEAN_TEXT } from './clean-text';

interface FieldProblem {
  field: string;
  constraints: string[];
}

function flatten(errors: ValidationError[], prefix = ''): (FieldProblem & { why: string[] })[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const constraints = Object.keys(e.constraints ?? {});
    // A DTO may say in Vietnamese what a rule means (context.vi), e.g. the range of a year.
    const why = constraints.map((c) => (e.contexts?.[c] as { vi?: string } | undefined)?.vi ?? WHY[c]).filter((w): w is string => !!w);
    const own = constraints.length ? [{ field, constraints, why }] : [];
    return [...own, ...flatten(e.children ?? [], field + '.')];
  });
}

/** The constraints a person can fix without reading the schema, said in Vietnamese. */
const WHY: Record<string, string> = {
  [IS_CLEAN_TEXT]: 'chứa ký tự điều khiển không được phép',
  whitelistValidation: 'không có trong biểu mẫu',
  maxLength: 'quá dài',
  minLength: 'không được để trống',
  isString: 'phải là chuỗi ký tự',
  arrayMaxSize: 'có quá nhiều phần tử',
};

function describe(p: { field: string; why: string[] }): string {
  return p.why.length ? `${p.field} (${[...new Set(p.why)].join(', ')})` : p.field;
}

/** Global validation: unknown fields are rejected, and the error names the fields in the contract's shape. */
export const apiValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      const details: FieldProblem[] = problems.map(({ field, constraints }) => ({ field, constraints }));
      return new ApiError('VALIDATION', `Dữ liệu không hợp lệ ở trường: ${problems.map(describe).join(', ')}.`, details);
    },
  });
