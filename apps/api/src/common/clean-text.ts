import { ValidateBy, ValidationOptions } from 'class-validator';
import { CONTROL_CHARACTERS } from '@app/domain';

export { CLEAN_TEXT_PATTERN, CONTROL_CHARACTERS } from '@app/domain';

export const IS_CLEAN_TEXT = 'isCleanText';

/**
 * The one validator every text field of every DTO carries: refuses control characters (libs/domain text/clean-text)
 * with 400 VALIDATION. Non-strings pass here; @IsString() reports those.
 */
export function IsCleanText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: IS_CLEAN_TEXT,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !CONTROL_CHARACTERS.test(value),
        defaultMessage: () => '$property chứa ký tự điều khiển không được phép',
      },
    },
    options,
  );
}
