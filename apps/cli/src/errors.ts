import { CommanderError } from 'commander';
import { ConfigError } from '@app/config';
import { PlanParseError } from '@app/domain';
import { PlanImportError } from '@app/persistence';

/** Every failure a user can cause exits with this status, after one Vietnamese line on stderr. */
export const EXIT_ERROR = 2;

/** A failure the command explains to the user in its own words. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

const HELP_HINT = 'Xem: npm run cchc -- --help';
const NETWORK = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN)$/;

function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** The database is where the user pointed it, but not answering: say where, and which variable changes it. */
export function databaseUnreachable(url: string, e: unknown): CliError | null {
  const code = (e as { code?: unknown })?.code;
  const errors = (e as { errors?: { code?: unknown }[] })?.errors ?? [];
  const all = [code, ...errors.map((x) => x.code)].filter((c): c is string => typeof c === 'string');
  const hit = all.find((c) => NETWORK.test(c)) ?? (/password authentication failed|does not exist/i.test((e as Error)?.message ?? '') ? 'auth' : null);
  if (!hit) return null;
  return new CliError(
    `Không kết nối được cơ sở dữ liệu ${hidePassword(url)} (${hit === 'auth' ? (e as Error).message : hit}); kiểm tra DATABASE_URL hoặc chạy "npm start" để có PostgreSQL nhúng.`,
  );
}

/** commander explains usage errors in English; the names it quotes are kept. */
function commanderMessage(error: CommanderError): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1];
  switch (error.code) {
    case 'commander.unknownOption':
      return `tùy chọn không hợp lệ ${quoted ?? ''}`.trim();
    case 'commander.unknownCommand':
      return `không có lệnh ${quoted ?? ''}`.trim();
    case 'commander.missingArgument':
      return `thiếu tham số ${quoted ?? ''}`.trim();
    case 'commander.optionMissingArgument':
      return `tùy chọn ${quoted ?? ''} cần một giá trị`;
    case 'commander.excessArguments':
      return 'thừa tham số';
    case 'commander.invalidArgument':
      // Our argument parsers throw InvalidArgumentError with a Vietnamese reason; commander prefixes it in English.
      return error.message.split(' is invalid. ')[1] ?? error.message;
    default:
      return 'lệnh không hợp lệ';
  }
}

/** The one line the user reads for a failure: Vietnamese, no stack trace, whatever threw. */
export function errorLine(error: unknown): string {
  const line = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();
  if (error instanceof CommanderError) return line(`Lỗi: ${commanderMessage(error)}. ${HELP_HINT}`);
  if (error instanceof CliError || error instanceof PlanImportError || error instanceof PlanParseError || error instanceof ConfigError) {
    return line(`Lỗi: ${error.message}${/[.!?]$/.test(error.message) ? '' : '.'}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return line(`Lỗi không mong đợi: ${message.split('\n')[0]} (CCHC_DEBUG=1 để xem chi tiết).`);
}
