import { Command } from 'commander';
import { registerDeadline } from './commands/deadline';
import { registerPlanImport } from './commands/plan-import';
import { registerPlanParse } from './commands/plan-parse';

/**
 * `npm run cchc -- <command>`. Each command lives in `commands/<name>.ts` and exports `register<Name>(program)`;
 * commands under `plan` attach themselves to the group through `planGroup(program)`.
 */
export function buildProgram(): Command {
  const program = new Command('cchc')
    .description('Công cụ dòng lệnh quản lý kế hoạch cải cách hành chính của xã')
    .showHelpAfterError();

  registerPlanParse(program);
  registerPlanImport(program);
  registerDeadline(program);

  return program;
}

// `… | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    });
}
