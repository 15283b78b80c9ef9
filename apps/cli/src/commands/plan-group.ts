import type { Command } from 'commander';

/**
 * The `plan` command group, created on first use so that `plan parse`, `plan import`, … can each be
 * registered from their own module in any order.
 */
export function planGroup(program: Command): Command {
  return (
    program.commands.find((command) => command.name() === 'plan') ??
    program.command('plan').description('Kế hoạch cải cách hành chính: đọc, nhập')
  );
}
