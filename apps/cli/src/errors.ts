import { CommanderError } from 'commander';
import { ConfigError } from '@app/config';
import { PlanParseError } from '@app/domain';

/** Every failure a user can cause exits with this status, after one Vietnamese line on stderr. */
export const EXIT_ERROR = 2;

/** A failure the command explains to the user in its own words. */
export class CliError extends Error {}

const HELP_HINT = 'Xem "npm run cchc -- --help".';

/** The one line the user reads for a failure: Vietnamese, no stack trace, whatever threw. */
export function errorLine(error: unknown): string {
  const line = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  if (error instanceof CliError || error instanceof ConfigError) return line(error.message);
  if (error instanceof PlanParseError) return line(`Không đọc được kế hoạch: ${error.message}`);
  if (error instanceof CommanderError) return line(commanderLine(error));
  const message = error instanceof Error ? error.message : String(error);
  return line(`Lỗi không mong đợi: ${message}`);
}

/** commander explains usage errors in English; the names it quotes are kept. */
function commanderLine(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `Tùy chọn không hợp lệ: ${quoted}. ${HELP_HINT}`;
    case 'commander.unknownCommand':
      return `Không có lệnh "${quoted}". ${HELP_HINT}`;
    case 'commander.missingArgument':
      return `Thiếu tham số ${quoted}. ${HELP_HINT}`;
    case 'commander.optionMissingArgument':
      return `Tùy chọn ${quoted} cần một giá trị. ${HELP_HINT}`;
    case 'commander.excessArguments':
      return `Thừa tham số. ${HELP_HINT}`;
    case 'commander.invalidArgument':
      // Our argument parsers throw InvalidArgumentError with a Vietnamese reason; commander prefixes it.
      return error.message.replace(/^.*? is invalid\.\s*/, '');
    default:
      return `Lệnh không hợp lệ. ${HELP_HINT}`;
  }
}
