import { CommanderError } from 'commander';
import { ConfigError } from '@app/config';
import { PlanParseError } from '@app/domain';
import { PlanImportError } from '@app/persistence';

/** Exit status of every failed command: the error is one Vietnamese line on stderr, never a stack trace. */
export const EXIT_ERROR = 2;

/** A failure the command explains itself, in Vietnamese. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

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

/** What commander refuses, said in Vietnamese (its own messages are English). */
function commanderMessage(e: CommanderError): string {
  const quoted = /'([^']+)'/.exec(e.message)?.[1];
  switch (e.code) {
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
      // Our own parsers' Vietnamese reason follows commander's English lead-in.
      return e.message.split(' is invalid. ')[1] ?? e.message;
    default:
      return e.message.replace(/^error: /, '');
  }
}

/** One line for any error a command ends with; unexpected ones say so, with their message but without the stack. */
export function oneLine(e: unknown): string {
  if (e instanceof CommanderError) return `Lỗi: ${commanderMessage(e)}. Xem: npm run cchc -- --help`;
  if (e instanceof CliError || e instanceof PlanImportError || e instanceof PlanParseError || e instanceof ConfigError) {
    return `Lỗi: ${e.message}${/[.!?]$/.test(e.message) ? '' : '.'}`;
  }
  const message = e instanceof Error ? e.message : String(e);
  return `Lỗi không mong đợi: ${message.split('\n')[0]} (CCHC_DEBUG=1 để xem chi tiết).`;
}
