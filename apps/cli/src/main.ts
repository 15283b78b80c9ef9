import { Command, CommanderError } from 'commander';
import { registerDeadline } from './commands/deadline';
import { registerPlanImport } from './commands/plan-import';
import { registerPlanParse } from './commands/plan-parse';
import { EXIT_ERROR, oneLine } from './errors';

/**
 * `npm run cchc -- <command>`. Each command lives in `commands/<name>.ts` and exports `register<Name>(program)`;
 * commands under `plan` attach themselves to the group through `planGroup(program)`.
 * Every failure, commander's own included, ends as one Vietnamese line on stderr with exit code 2.
 */
export function buildProgram(): Command {
  const program = new Command('cchc')
    .description('Công cụ dòng lệnh quản lý kế hoạch cải cách hành chính của xã')
    // Commander's errors are thrown (exitOverride, inherited by the commands registered below) and printed by
    // run() in Vietnamese; its English line is silenced. Help and version still print as usual.
    .exitOverride()
    .configureOutput({ outputError: () => undefined });

  registerPlanParse(program);
  registerPlanImport(program);
  registerDeadline(program);

  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError && ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code)) {
      return error.code === 'commander.help' ? EXIT_ERROR : 0;
    }
    process.stderr.write(`${oneLine(error)}\n`);
    if (process.env.CCHC_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return EXIT_ERROR;
  }
}

// `… | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (require.main === module) {
  void run(process.argv).then((code) => {
    process.exitCode = code;
  });
}
