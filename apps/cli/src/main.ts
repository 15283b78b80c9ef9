import { readFileSync } from 'fs';
import { Command, CommanderError } from 'commander';
import { registerDeadline } from './commands/deadline';
import { registerPlanImport } from './commands/plan-import';
import { registerPlanParse } from './commands/plan-parse';
import { errorLine, EXIT_ERROR } from './errors';
import type { CliIo } from './io';

/**
 * `npm run cchc -- <command>`. Each command lives in `commands/<name>.ts` and exports `register<Name>(program, io)`;
 * commands under `plan` attach themselves to the group through `planGroup(program)`.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command('cchc')
    .description('Công cụ dòng lệnh quản lý kế hoạch cải cách hành chính của xã')
    // Usage errors come back to runCli, which tells them in one Vietnamese line (commander's own are English).
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text), outputError: () => undefined });

  registerPlanParse(program, io);
  registerPlanImport(program, io);
  registerDeadline(program, io);

  return program;
}

/** Runs one command line (without "node main.ts"); returns the exit status. Every failure is one line on stderr. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync(args, { from: 'user' });
    return 0;
  } catch (error) {
    // --help and --version end the same way, with nothing wrong.
    if (error instanceof CommanderError && ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)) {
      return error.exitCode;
    }
    io.err(`${errorLine(error)}\n`);
    return EXIT_ERROR;
  }
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0),
};

// `… | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (require.main === module) {
  void runCli(process.argv.slice(2), processIo).then((status) => {
    process.exitCode = status;
  });
}
