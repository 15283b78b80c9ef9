import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';
import { IS_CLEAN_TEXT } from './clean-text';

interface FieldProblem {
  field: string;
  constraints: string[];
}

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const own = e.constraints ? [{ field, constraints: Object.keys(e.constraints) }] : [];
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

function describe(p: FieldProblem): string {
  const why = p.constraints.map((c) => WHY[c]).filter(Boolean);
  return why.length ? `${p.field} (${[...new Set(why)].join(', ')})` : p.field;
}

/** Global validation: unknown fields are rejected, and the error names the fields in the contract's shape. */
export const apiValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new ApiError('VALIDATION', `Dữ liệu không hợp lệ ở trường: ${details.map(describe).join(', ')}.`, details);
    },
  });
