import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';

function flatten(errors: ValidationError[], prefix = ''): { field: string; constraints: string[] }[] {
  return errors.flatMap((e) => {
    const field = prefix + e.property;
    const own = e.constraints ? [{ field, constraints: Object.keys(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field + '.')];
  });
}

/** Global validation: unknown fields are rejected, and the error names the fields in the contract's shape. */
export const apiValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new ApiError('VALIDATION', `Dữ liệu không hợp lệ ở trường: ${details.map((d) => d.field).join(', ')}.`, details);
    },
  });
